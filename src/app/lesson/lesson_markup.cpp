// Markup to glyphs: \names, ^superscripts and _subscripts.
#include "app/lesson/lesson_markup.h"

#include <cctype>
#include <cstdio>

#include "app/notation/glyph_ranges.h"

namespace bp {

namespace {

struct Glyph {
    char ascii;
    const char* utf8;
};

constexpr Glyph kSuperscripts[] = {
    {'0', "\u2070"}, {'1', "\u00b9"}, {'2', "\u00b2"}, {'3', "\u00b3"}, {'4', "\u2074"}, {'5', "\u2075"},
    {'6', "\u2076"}, {'7', "\u2077"}, {'8', "\u2078"}, {'9', "\u2079"}, {'+', "\u207a"}, {'-', "\u207b"},
    {'=', "\u207c"}, {'(', "\u207d"}, {')', "\u207e"}, {'n', "\u207f"}, {'i', "\u2071"}, {',', ","},
    {'l', "\u02e1"}, {'j', "\u02b2"}, {'h', "\u02b0"}, {'r', "\u02b3"}, {'w', "\u02b7"}, {'y', "\u02b8"},
    {'s', "\u02e2"}, {'x', "\u02e3"}, {'a', "\u1d43"}, {'b', "\u1d47"}, {'d', "\u1d48"}, {'e', "\u1d49"},
    {'g', "\u1d4d"}, {'k', "\u1d4f"}, {'m', "\u1d50"}, {'o', "\u1d52"}, {'p', "\u1d56"}, {'t', "\u1d57"},
    {'u', "\u1d58"}, {'v', "\u1d5b"}, {'T', "\u1d40"}, {'L', "\u1d38"}, {'W', "\u1d42"},
};
constexpr Glyph kSubscripts[] = {
    {'0', "\u2080"}, {'1', "\u2081"}, {'2', "\u2082"}, {'3', "\u2083"}, {'4', "\u2084"}, {'5', "\u2085"},
    {'6', "\u2086"}, {'7', "\u2087"}, {'8', "\u2088"}, {'9', "\u2089"}, {'+', "\u208a"}, {'-', "\u208b"},
    {'=', "\u208c"}, {'(', "\u208d"}, {')', "\u208e"}, {'a', "\u2090"}, {'e', "\u2091"}, {'o', "\u2092"},
    {'x', "\u2093"}, {'h', "\u2095"}, {'k', "\u2096"}, {'l', "\u2097"}, {'m', "\u2098"}, {'n', "\u2099"},
    {'p', "\u209a"}, {'s', "\u209b"}, {'t', "\u209c"}, {',', ","},
    {'i', "\u1d62"}, {'j', "\u2c7c"}, {'r', "\u1d63"}, {'u', "\u1d64"}, {'v', "\u1d65"},
};

struct Name {
    const char* name;
    const char* utf8;
};

// \name -> glyph. The names are TeX's where TeX has one.
constexpr Name kNames[] = {
    {"alpha", "\u03b1"},  {"beta", "\u03b2"},    {"gamma", "\u03b3"},   {"delta", "\u03b4"},  {"Delta", "\u0394"},
    {"epsilon", "\u03b5"}, {"eta", "\u03b7"},    {"theta", "\u03b8"},   {"lambda", "\u03bb"}, {"mu", "\u03bc"},
    {"sigma", "\u03c3"},  {"Sigma", "\u03a3"},   {"sum", "\u03a3"},     {"partial", "\u2202"}, {"nabla", "\u2207"},
    {"cdot", "\u00b7"},   {"times", "\u00d7"},   {"odot", "\u2299"},    {"minus", "\u2212"},  {"pm", "\u00b1"},
    {"approx", "\u2248"}, {"ne", "\u2260"},      {"le", "\u2264"},      {"ge", "\u2265"},     {"to", "\u2192"},
    {"leftarrow", "\u2190"}, {"rightarrow", "\u2192"}, {"prime", "\u2032"}, {"yhat", "\u0177"}, {"infty", "\u221e"},
    {"check", "\u2713"},
};

const char* find(const Glyph* table, size_t n, char c) {
    for (size_t k = 0; k < n; ++k)
        if (table[k].ascii == c) return table[k].utf8;
    return nullptr;
}

template <size_t N>
const char* find(const Glyph (&table)[N], char c) {
    return find(table, N, c);
}

// Decodes the code point at s[k] (advancing k); false on invalid UTF-8.
bool decode(const std::string& s, size_t& k, unsigned& cp) {
    const auto byte = [&](size_t at) { return static_cast<unsigned char>(s[at]); };
    const unsigned char c = byte(k);
    int extra = 0;
    if (c < 0x80) cp = c;
    else if ((c & 0xE0) == 0xC0) cp = c & 0x1F, extra = 1;
    else if ((c & 0xF0) == 0xE0) cp = c & 0x0F, extra = 2;
    else if ((c & 0xF8) == 0xF0) cp = c & 0x07, extra = 3;
    else return false;
    if (k + extra >= s.size() && extra > 0) return false;
    for (int e = 1; e <= extra; ++e) {
        if ((byte(k + e) & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (byte(k + e) & 0x3F);
    }
    k += 1 + extra;
    return true;
}

bool in_font(unsigned cp) {
    for (const GlyphRange& r : kLabGlyphRanges)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

// A ^ or _ group: "{...}", or a run of digits, or one character; empty when there is none.
std::string group(const std::string& s, size_t& k) {
    if (k >= s.size()) return "";
    if (s[k] == '{') {
        const size_t close = s.find('}', k);
        if (close == std::string::npos) return "";
        std::string g = s.substr(k + 1, close - k - 1);
        k = close + 1;
        return g;
    }
    // Unbraced: a run of digits (w^1_11), or one letter or sign that no letter follows (x_i, a^n;
    // file_name stays as typed).
    size_t end = k;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    if (end == k) {
        if (k + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[k + 1]))) return "";
        end = k + 1;
    }
    std::string g = s.substr(k, end - k);
    k = end;
    return g;
}

}  // namespace

bool drawable_text(const std::string& text, std::string& error) {
    for (size_t k = 0; k < text.size();) {
        unsigned cp = 0;
        const size_t at = k;
        if (!decode(text, k, cp)) {
            error = "the text is not valid UTF-8 (byte " + std::to_string(at + 1) + ")";
            return false;
        }
        if (cp != '\t' && !in_font(cp)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", cp);
            error = "the character '" + text.substr(at, k - at) + "' (" + code + ") is not in the lab's font";
            return false;
        }
    }
    return true;
}

bool render_markup(const std::string& line, std::string& out, std::string& error) {
    out.clear();
    for (size_t k = 0; k < line.size();) {
        const char c = line[k];
        if (c == '\\' && k + 1 < line.size() && std::isalpha(static_cast<unsigned char>(line[k + 1]))) {
            size_t end = k + 1;
            while (end < line.size() && std::isalpha(static_cast<unsigned char>(line[end]))) ++end;
            const std::string name = line.substr(k + 1, end - k - 1);
            const char* glyph = nullptr;
            for (const Name& n : kNames)
                if (name == n.name) glyph = n.utf8;
            if (!glyph) {
                error = "unknown markup '\\" + name + "' (docs/LESSONS.md lists the names)";
                return false;
            }
            out += glyph;
            k = end;
            // "\partial{}L" ends a name without a space; ∂ and ∇ always take their variable, so
            // "\partial L" is ∂L.
            if (line.compare(k, 2, "{}") == 0) k += 2;
            else if ((name == "partial" || name == "nabla") && k + 1 < line.size() && line[k] == ' ') ++k;
            continue;
        }
        if (c == '{') {  // {quantity}: a name, shown as its value, with no markup inside
            if (line.compare(k, 2, "{{") == 0) {  // as templates elsewhere write it: not this format
                error = "'{{' is not read here: a quantity is written in single braces, like {loss}, and a brace itself as \\{";
                return false;
            }
            const size_t close = line.find('}', k);
            const size_t end = close == std::string::npos ? line.size() : close + 1;
            out += line.substr(k, end - k);
            k = end;
            continue;
        }
        if ((c == '^' || c == '_') && k + 1 < line.size() && line[k + 1] != ' ') {
            size_t at = k + 1;
            const bool braced = line[at] == '{';
            const std::string g = group(line, at);
            std::string glyphs;
            bool all = !g.empty();
            for (char gc : g) {
                const char* glyph = c == '^' ? find(kSuperscripts, gc) : find(kSubscripts, gc);
                if (!glyph) {
                    all = false;
                    break;
                }
                glyphs += glyph;
            }
            if (all) {
                out += glyphs;
                k = at;
                continue;
            }
            if (braced) {
                error = std::string("the lab's font has no ") + (c == '^' ? "superscript" : "subscript") + " for every character of '" + g + "'";
                return false;
            }
            // Not a group the font can write (snake_case, x^y): kept as typed.
        }
        if (c == '\\' && k + 1 < line.size() && (line[k + 1] == '{' || line[k + 1] == '}')) {
            out += line[k + 1] == '{' ? "{{" : "}";  // a brace itself: "{{" until the panel shows it as "{"
            k += 2;
            continue;
        }
        if (c == '\\' && k + 1 < line.size() && (line[k + 1] == '\\' || line[k + 1] == '^' || line[k + 1] == '_')) {
            out += line[k + 1];  // \^ \_ \\ are the characters themselves
            k += 2;
            continue;
        }
        if (c == '}') {  // "}}", or "{loss}}": a brace itself is written \}, so a bare one is a slip
            error = "a '}' without its '{': {name} shows a quantity, like {loss}, and a brace itself is written \\}";
            return false;
        }
        out += c;
        ++k;
    }
    return drawable_text(out, error);
}

}  // namespace bp
