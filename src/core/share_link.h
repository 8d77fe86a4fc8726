// ShareLink: the lab's whole state in a URL-safe text, so a link reopens exactly that state.
//
// A compact, versioned binary format in base64url (no padding). Version 1, little-endian:
//   "BL" 1 kind(0 start, 1 moment)
//   features: n u8, ids u8...; hidden: n u8, widths u8...; hidden f, output f, loss, data set: u8 each
//   learning rate f64, batch size u16, seed u64, noise f64, test share f64, point count u16
//   view: selected layer, i, j, is-bias u8; inspect from-batch u8, index u16; edge mode u8; speed f64
//   flags u32
//   points: n u16, then per point x1, x2 as grid indices u16 (dataset.h) and, for classification,
//     u8 (bit 0 the class, bit 1 test); for regression y as a grid index u16 and u8 (bit 1 test)
//   moment only: step, epoch, samples seen u64; epoch Rng state 4 x u64; cursor u32;
//     then every W^l (row-major) and b^l as f64, in the shapes the settings give.
// The seed preset with 200 points is about 1,300 bytes, 1,700 characters.
// Decoding checks every field and every count before using it: a truncated, corrupted, oversized,
// wrong-version or hostile text gives an error that says what is wrong, never a partial state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/trainer.h"

namespace bp {

constexpr int kLinkVersion = 1;
constexpr size_t kMaxLinkLength = 64 * 1024;  // characters; a full 2,000-point lab needs about 14,000

// What a link carries besides the training settings, data and run: what is on screen.
struct LinkView {
    int selected_layer = 1, selected_i = 0, selected_j = 0;
    bool selected_bias = false;
    bool inspect_batch = true;
    int inspect_index = 0;
    int edge_mode = 0;  // 0 weights, 1 gradients
    double speed = 300.0;
    uint32_t flags = 0;  // reserved for teacher mode (hidden or locked controls)
};

struct LabSnapshot {
    bool moment = true;  // false: "the starting point" (no weights, counters at zero)
    TrainingSettings settings;
    std::vector<Point> points;  // on the grid (dataset.h)
    RunState run;               // only for a moment
    LinkView view;
};

std::string encode_link(const LabSnapshot& snapshot);

struct LinkDecode {
    LabSnapshot snapshot;
    std::string error;  // "" when the text was a whole, valid link
};
LinkDecode decode_link(const std::string& text);

std::string base64url_encode(const std::vector<uint8_t>& bytes);
// false on a character outside the base64url alphabet or an impossible length.
bool base64url_decode(const std::string& text, std::vector<uint8_t>& bytes);

}  // namespace bp
