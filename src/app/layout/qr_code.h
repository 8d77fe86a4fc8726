// A text as a QR code: the square grid of dark and light modules that a phone's camera reads, and
// where to draw it so every module covers whole pixels. Pure data; app/ui draws it.
//
// The text goes in byte mode (a link has lower-case letters, so the denser alphanumeric mode cannot
// hold it) at error correction level Low, raised to Medium, Quartile or High whenever the higher
// level still fits the same size. A code on a screen or a projector is never torn or smudged, so
// recovering lost modules matters less than large modules: Low keeps the grid smallest (a link of
// 200 characters is version 9, 53 modules a side, where Medium needs version 10), so each module is
// as large as possible and the code scans from the back of a classroom.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/layout/vec2.h"

namespace bp {

class QrCode {
public:
    static constexpr int kQuietZone = 4;          // light modules around the code, on each side
    static constexpr size_t kMaxBytes = 2953;     // the most a QR code holds in byte mode (version 40, Low)

    QrCode() = default;  // no code: valid() is false, with no reason
    // The QR code of `text` (UTF-8 bytes); refused with a reason when the text does not fit.
    static QrCode encode(const std::string& text);

    bool valid() const { return size_ > 0; }
    const std::string& error() const { return error_; }  // why there is no code ("" when valid)
    int size() const { return size_; }                   // modules on each side, 21 to 177
    int version() const { return version_; }             // 1 to 40: size = 17 + 4 * version
    char ecc() const { return ecc_; }                    // the error correction level: 'L', 'M', 'Q' or 'H'
    // True for a dark module; x is the column and y the row, from the top left. Outside the grid
    // (the quiet zone) every module is light.
    bool dark(int x, int y) const;

private:
    int size_ = 0;
    int version_ = 0;
    char ecc_ = 0;
    std::vector<unsigned char> modules_;  // row by row, 1 for dark
    std::string error_;
};

// Where a code of `modules` modules a side (its quiet zone included) goes in a square of `side` CSS
// pixels at `min`: the largest module that is a whole number of device pixels (`pixel_ratio` device
// pixels per CSS pixel) and fits, with the code centred on a device pixel's edge. Below one device
// pixel a module keeps its exact fraction (no code would scan anyway).
struct QrPlacement {
    Vec2 origin;         // top-left corner of the quiet zone
    float module = 0.0f; // side of one module, in CSS pixels
};
QrPlacement place_qr_code(Vec2 min, float side, int modules, float pixel_ratio);

}  // namespace bp
