// Whether a byte string is well-formed UTF-8 (no overlong forms, no surrogates, nothing past
// U+10FFFF): what every message the lab writes to JSON and to the screen must be. Written here for
// the tests, independently of the parser that the tests check.
#pragma once

#include <cstddef>
#include <string>

namespace test_util {

inline bool is_utf8(const std::string& s) {
    for (size_t k = 0; k < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[k]);
        const size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || k + n > s.size()) return false;
        for (size_t j = 1; j < n; ++j)
            if ((static_cast<unsigned char>(s[k + j]) & 0xC0) != 0x80) return false;
        const unsigned char second = static_cast<unsigned char>(n > 1 ? s[k + 1] : 0);
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
            (c == 0xF4 && second > 0x8F))
            return false;
        k += n;
    }
    return true;
}

}  // namespace test_util
