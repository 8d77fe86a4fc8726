// ShareLink: a snapshot to link text (format 3 with its CRC, in base64url), and link text of any
// format back to a checked snapshot, by the reader of its version.
#include "core/share_link.h"

#include "core/link_formats.h"

namespace bp {

std::string encode_link(const LabSnapshot& snap) {
    LinkWriter w;
    write_format3(w, snap);
    w.u32(crc32(w.bytes.data(), w.bytes.size()));
    return base64url_encode(w.bytes);
}

namespace {

// Formats 2 and 3 end with the CRC-32 of every byte before it: "" and the bytes without it when it
// matches, else what is wrong.
std::string strip_check(std::vector<uint8_t>& bytes) {
    if (bytes.size() < 8) return "the link is cut short (it may have been truncated when copied)";
    const size_t body = bytes.size() - 4;
    uint32_t stored = 0;
    for (int k = 0; k < 4; ++k) stored |= static_cast<uint32_t>(bytes[body + k]) << (8 * k);
    if (stored != crc32(bytes.data(), body))
        return "the link is damaged (its check digits do not match: part of it was changed or lost when it was "
               "copied); ask for it again";
    bytes.resize(body);
    return "";
}

}  // namespace

LinkDecode decode_link(const std::string& text) {
    LinkDecode out;
    auto fail = [&](const std::string& message) {
        out.error = message;
        out.snapshot = {};
        return out;
    };
    if (text.empty()) return fail("the link holds no lab state");
    if (text.size() > kMaxLinkLength) return fail("the link is too long to be a Backprop Lab link");
    std::vector<uint8_t> bytes;
    if (!base64url_decode(text, bytes)) return fail("the link has characters a Backprop Lab link never contains (it may be damaged)");
    if (bytes.size() < 3 || bytes[0] != 'B' || bytes[1] != 'L') return fail("this is not a Backprop Lab link");
    const unsigned version = bytes[2];
    if (version < 1 || version > kLinkVersion)
        return fail("the link was made by " + std::string(version > kLinkVersion ? "a newer" : "an unknown") +
                    " version of the lab (format " + std::to_string(version) + "); this page reads formats 1 to " +
                    std::to_string(kLinkVersion));
    if (version >= 2)
        if (auto problem = strip_check(bytes); !problem.empty()) return fail(problem);
    LinkReader r(bytes);
    for (int k = 0; k < 3; ++k) r.u8();  // "BL" and the version, read above
    switch (version) {
        case 1: read_format1(r, out.snapshot); break;
        case 2: read_format2(r, out.snapshot); break;
        default: read_format3(r, out.snapshot); break;
    }
    if (!r.ok()) return fail(r.error);
    if (!r.at_end()) return fail("the link has bytes after its end (it may have been damaged)");
    return out;
}

}  // namespace bp
