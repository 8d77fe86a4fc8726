// Link bytes: fixed-width and varint fields, CRC-32 and base64url without padding.
#include "core/link_bytes.h"

#include <cstring>

namespace bp {

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

void LinkWriter::f64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    put(bits, 8);
}

void LinkWriter::f32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    put(bits, 4);
}

void LinkWriter::varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7) bytes.push_back(static_cast<uint8_t>(v | 0x80));
    bytes.push_back(static_cast<uint8_t>(v));
}

void LinkWriter::put(uint64_t v, int n) {
    for (int k = 0; k < n; ++k) bytes.push_back(static_cast<uint8_t>(v >> (8 * k)));
}

double LinkReader::f64() {
    const uint64_t bits = get(8);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
}

float LinkReader::f32() {
    const uint32_t bits = static_cast<uint32_t>(get(4));
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
}

uint64_t LinkReader::varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const uint64_t byte = get(1);
        v |= (byte & 0x7F) << shift;
        if (!(byte & 0x80)) return v;
    }
    fail("the link holds a number that cannot be read");
    return 0;
}

uint64_t LinkReader::get(int n) {
    if (!error.empty()) return 0;
    if (bytes_.size() - pos_ < static_cast<size_t>(n)) {
        error = "the link is cut short (it may have been truncated when copied)";
        return 0;
    }
    uint64_t v = 0;
    for (int k = 0; k < n; ++k) v |= static_cast<uint64_t>(bytes_[pos_ + k]) << (8 * k);
    pos_ += n;
    return v;
}

std::string base64url_encode(const std::vector<uint8_t>& bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 63];
    return out;
}

bool base64url_decode(const std::string& text, std::vector<uint8_t>& bytes) {
    bytes.clear();
    if (text.size() % 4 == 1) return false;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const char* at = std::strchr(kAlphabet, c);
        if (c == '\0' || !at) return false;
        buffer = (buffer << 6) | static_cast<uint32_t>(at - kAlphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<uint8_t>(buffer >> bits));
        }
    }
    return (buffer & ((1u << bits) - 1)) == 0;  // the unused low bits of the last character
}

uint32_t crc32(const uint8_t* bytes, size_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t k = 0; k < size; ++k) {
        crc ^= bytes[k];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

}  // namespace bp
