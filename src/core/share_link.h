// ShareLink: the lab's whole state in a URL-safe text, so a link reopens exactly that state.
//
// A compact, versioned binary format in base64url (no padding, unused bits zero), little-endian.
// Version 3 (written; version 1 and 2 links, without the parts marked v2 or v3, still open as
// plain SGD without regularization, discretize off and test points shown):
//   "BL" 2 kind(0 start, 1 moment) contents(u8, v2: bit 0 the data is generated from the settings
//     and not listed, bit 1 a half-walked step follows, bit 2 a loss history follows, bit 3 it has
//     test losses)
//   features: n u8, ids u8...; hidden: n u8, widths u8...; hidden f, output f, loss, data set: u8 each
//   learning rate f64, batch size u16, seed u64, noise f64, test share f64, point count u16
//   v3: kinds u8 (bits 0-1 regularization: 0 none, 1 L1, 2 L2; bits 2-3 optimizer: 0 SGD, 1 momentum,
//     2 Adam), then only what the kinds use: the rate f64 (L1, L2); beta f64 (momentum); beta1, beta2,
//     epsilon f64 (Adam). A setting of an unused kind does not travel (it opens at its default).
//   view: selected layer, i, j, is-bias u8; inspect from-batch u8, index u16; edge mode u8; speed f64
//   flags u32
//   v3: view switches u8 (bit 0 discretize the output, bit 1 show the test points)
//   points (unless generated): n u16, then per point x1, x2 as grid indices u16 (dataset.h) and, for
//     classification, u8 (bit 0 the class, bit 1 test); for regression y as a grid index u16 and u8
//     (bit 1 test)
//   moment only: step, epoch, samples seen u64; epoch Rng state 4 x u64; cursor u32;
//     then every W^l (row-major) and b^l as f64, in the shapes the settings give;
//     v3: the optimizer's state in the same layout (each W^l then b^l, f64): momentum the velocity;
//     Adam its step count t u64, then the first moments m, then the second moments v; SGD nothing
//     v2: phases walked of the begun step u8 (with bit 1); the loss history (with bit 2): n u8
//     (at most kLinkHistory), then per sample the step as a varint (the first whole, then the
//     increase), the training loss f32 and, with bit 3, the test loss f32
//   v2: CRC-32 of every byte before it, u32, so a damaged link is refused as damaged.
// The seed preset with generated data is about 400 bytes; with 200 listed points about 1,300.
// Decoding checks every field and every count before using it: a truncated, corrupted, oversized,
// wrong-version or hostile text gives an error that says what is wrong, never a partial state.
// The code: the bytes (link_bytes.h), each part's writer and reader (link_parts.h), the formats
// (link_formats.h: format 3 in link_format3.cpp, formats 1 and 2 in link_formats_1_2.cpp), and
// encode_link and decode_link (share_link.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/link_bytes.h"  // base64url_encode, base64url_decode, crc32
#include "core/trainer.h"

namespace bp {

constexpr int kLinkVersion = 3;
constexpr size_t kLinkHistory = 64;  // loss samples a link carries at most (the plot's shape: about 0.5 KB)
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
    bool discretize = false;       // the data view's boundary as two colours (v3)
    bool show_test_points = true;  // the data view draws the test points (v3)
};

struct LabSnapshot {
    bool moment = true;  // false: "the starting point" (no weights, counters at zero)
    TrainingSettings settings;
    std::vector<Point> points;  // on the grid (dataset.h)
    // The points are generated_points(settings), unedited: the link carries the settings alone
    // (decoding generates them again).
    bool generated_data = false;
    RunState run;               // only for a moment (run.history at most kLinkHistory samples;
                                // run.optimizer in the shapes the settings' optimizer uses)
    int phases_walked = 0;      // only for a moment: phases of the begun step already run (0: none)
    LinkView view;
};

std::string encode_link(const LabSnapshot& snapshot);

struct LinkDecode {
    LabSnapshot snapshot;
    std::string error;  // "" when the text was a whole, valid link
};
LinkDecode decode_link(const std::string& text);

}  // namespace bp
