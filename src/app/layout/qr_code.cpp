// QrCode: nayuki's QR Code generator (Debian's qr-code-generator source) does the encoding; this
// keeps its grid and refuses, instead of letting it throw, a text too long for any QR code.
#include "app/layout/qr_code.h"

#include <qrcodegen.hpp>

#include <cmath>
#include <cstdint>

namespace bp {

namespace {

char ecc_letter(qrcodegen::QrCode::Ecc ecc) {
    switch (ecc) {
        case qrcodegen::QrCode::Ecc::LOW: return 'L';
        case qrcodegen::QrCode::Ecc::MEDIUM: return 'M';
        case qrcodegen::QrCode::Ecc::QUARTILE: return 'Q';
        case qrcodegen::QrCode::Ecc::HIGH: return 'H';
    }
    return '?';
}

}  // namespace

QrCode QrCode::encode(const std::string& text) {
    QrCode code;
    // The generator throws for a text that no version holds; the web build cannot catch exceptions,
    // so the length is checked first (byte mode: one byte per character byte).
    if (text.size() > kMaxBytes) {
        code.error_ = "the link has " + std::to_string(text.size()) + " characters, more than a QR code holds (" +
                      std::to_string(kMaxBytes) + ")";
        return code;
    }
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    const std::vector<qrcodegen::QrSegment> segments{qrcodegen::QrSegment::makeBytes(bytes)};
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeSegments(segments, qrcodegen::QrCode::Ecc::LOW);
    code.size_ = qr.getSize();
    code.version_ = qr.getVersion();
    code.ecc_ = ecc_letter(qr.getErrorCorrectionLevel());
    code.modules_.resize(static_cast<size_t>(code.size_) * code.size_);
    for (int y = 0; y < code.size_; ++y)
        for (int x = 0; x < code.size_; ++x) code.modules_[static_cast<size_t>(y) * code.size_ + x] = qr.getModule(x, y);
    return code;
}

bool QrCode::dark(int x, int y) const {
    if (x < 0 || y < 0 || x >= size_ || y >= size_) return false;
    return modules_[static_cast<size_t>(y) * size_ + x] != 0;
}

QrPlacement place_qr_code(Vec2 min, float side, int modules, float pixel_ratio) {
    QrPlacement p;
    if (modules <= 0 || side <= 0.0f) return p;
    const float ratio = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
    const float whole = std::floor(side * ratio / modules);  // device pixels per module
    p.module = whole >= 1.0f ? whole / ratio : side / modules;
    const float margin = (side - p.module * modules) / 2;
    p.origin = {std::round((min.x + margin) * ratio) / ratio, std::round((min.y + margin) * ratio) / ratio};
    return p;
}

}  // namespace bp
