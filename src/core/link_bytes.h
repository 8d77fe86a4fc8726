// Link bytes: the little-endian writer and bounds-checked reader of a share link's binary record, its
// CRC-32 and its base64url text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bp {

// Appends fields little-endian.
class LinkWriter {
public:
    void u8(unsigned v) { bytes.push_back(static_cast<uint8_t>(v)); }
    void u16(unsigned v) { put(v, 2); }
    void u32(uint32_t v) { put(v, 4); }
    void u64(uint64_t v) { put(v, 8); }
    void f64(double v);
    void f32(float v);
    // 7 bits a byte, low first; the high bit says another byte follows.
    void varint(uint64_t v);
    std::vector<uint8_t> bytes;

private:
    void put(uint64_t v, int n);
};

// Reads with a bounds check on every field; the first problem sticks (fail() after it changes
// nothing) and later reads give zeros.
class LinkReader {
public:
    explicit LinkReader(const std::vector<uint8_t>& b) : bytes_(b) {}
    unsigned u8() { return static_cast<unsigned>(get(1)); }
    unsigned u16() { return static_cast<unsigned>(get(2)); }
    uint32_t u32() { return static_cast<uint32_t>(get(4)); }
    uint64_t u64() { return get(8); }
    double f64();
    float f32();
    uint64_t varint();
    bool ok() const { return error.empty(); }
    bool at_end() const { return pos_ == bytes_.size(); }
    void fail(const std::string& message) {
        if (error.empty()) error = message;
    }
    std::string error;

private:
    uint64_t get(int n);
    const std::vector<uint8_t>& bytes_;
    size_t pos_ = 0;
};

std::string base64url_encode(const std::vector<uint8_t>& bytes);
// The CRC-32 of IEEE 802.3 (as zlib and PNG compute it) of the bytes.
uint32_t crc32(const uint8_t* bytes, size_t size);
// false on a character outside the base64url alphabet, an impossible length or unused bits that
// are not zero (so every text decodes to different bytes).
bool base64url_decode(const std::string& text, std::vector<uint8_t>& bytes);

}  // namespace bp
