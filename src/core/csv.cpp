// CSV codec for data points; a header row says which column is which.
#include "core/csv.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace bp {

namespace {

// What a column holds; kColumns names each as the export writes it.
enum Field { kX1, kX2, kY, kSplit };
const char* const kColumns[] = {"x1", "x2", "y", "split"};

// The field of each column: the export's order, unless a header names them in another. Rows may
// leave out split when it is the last column; a header without split lets rows add it as a fourth
// column, as rows without a header can.
struct Layout {
    Field at[4] = {kX1, kX2, kY, kSplit};

    bool split_optional() const { return at[3] == kSplit; }
    int column_of(Field f) const {
        int c = 0;
        while (at[c] != f) ++c;
        return c;
    }
    // "3 or 4 values (x1, x2, y, and optionally split)", or "4 values (split, x1, x2, y)".
    std::string expected() const {
        if (split_optional())
            return std::string("3 or 4 values (") + kColumns[at[0]] + ", " + kColumns[at[1]] + ", " + kColumns[at[2]] +
                   ", and optionally split)";
        return std::string("4 values (") + kColumns[at[0]] + ", " + kColumns[at[1]] + ", " + kColumns[at[2]] + ", " +
               kColumns[at[3]] + ")";
    }
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// A cell as read: trimmed, and without the double quotes a spreadsheet may wrap it in.
std::string_view cell_text(std::string_view raw) {
    std::string_view s = trim(raw);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim(s.substr(1, s.size() - 2));
    return s;
}

// Calls f(column, cell) for each comma-separated cell of the line, in order, until f returns false.
template <typename F>
void for_each_cell(std::string_view line, F f) {
    size_t start = 0;
    for (int column = 0;; ++column) {
        const size_t comma = line.find(',', start);
        const std::string_view raw = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!f(column, cell_text(raw)) || comma == std::string_view::npos) return;
        start = comma + 1;
    }
}

// Where the first byte that is not UTF-8 is (npos when all is UTF-8): no stray continuation bytes,
// no truncated or overlong sequences, no surrogates (U+D800..DFFF), nothing above U+10FFFF.
size_t first_non_utf8(std::string_view s) {
    size_t k = 0;
    while (k < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[k]);
        if (c < 0x80) {
            ++k;
            continue;
        }
        size_t length;
        unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else return k;
        if (k + length > s.size()) return k;
        const unsigned char second = static_cast<unsigned char>(s[k + 1]);
        if (second < lo || second > hi) return k;
        for (size_t j = 2; j < length; ++j)
            if ((static_cast<unsigned char>(s[k + j]) & 0xC0) != 0x80) return k;
        k += length;
    }
    return std::string_view::npos;
}

// Whether a cell begins the way a number (or nan or inf) does: then its row is data, not a header.
bool begins_like_number(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    if (s.empty()) return false;
    if (is_digit(s[0]) || (s[0] == '.' && s.size() > 1 && is_digit(s[1]))) return true;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (s.size() < 3) return false;
    const std::string word{lower(s[0]), lower(s[1]), lower(s[2])};
    return word == "nan" || word == "inf";
}

// A plain decimal number using the whole cell: [sign] digits [. digits] [e [sign] digits], with at
// least one digit before the exponent. No hex, no nan, no inf.
bool decimal_syntax(std::string_view s) {
    size_t k = 0, digits = 0;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    while (k < s.size() && is_digit(s[k])) ++k, ++digits;
    if (k < s.size() && s[k] == '.') {
        ++k;
        while (k < s.size() && is_digit(s[k])) ++k, ++digits;
    }
    if (digits == 0) return false;
    if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
        ++k;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        size_t exponent = 0;
        while (k < s.size() && is_digit(s[k])) ++k, ++exponent;
        if (exponent == 0) return false;
    }
    return k == s.size();
}

std::string where(int row, int column) { return "row " + std::to_string(row) + ", column " + std::to_string(column + 1); }

// A cell of a point row, with the name of its column when it has one.
std::string where(int row, int column, const Layout& layout) {
    std::string text = where(row, column);
    if (column < 4) text += std::string(" (") + kColumns[layout.at[column]] + ")";
    return text;
}

// The cell for a message, cut to about 24 bytes on a UTF-8 character boundary; control characters
// show as '?'. The cell is UTF-8 (checked before any cell is read).
std::string shown(std::string_view cell) {
    std::string text(cell.substr(0, 24));
    if (cell.size() > 24) {
        size_t cut = 24;
        while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
        text = std::string(cell.substr(0, cut)) + "\u2026";
    }
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    return "'" + text + "'";
}

std::string format_plane(double v) {
    char text[16];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

// Reads one cell as a number, or says what is wrong with it ("" when out is set).
std::string read_number(std::string_view cell, double& out) {
    if (cell.empty()) return "the cell is empty";
    if (!decimal_syntax(cell)) return shown(cell) + " is not a number";
    const std::string copy(cell);
    char* end = nullptr;
    out = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return shown(cell) + " is not a number";
    if (!std::isfinite(out)) return shown(cell) + " is too large";
    return "";
}

std::string lowercase(std::string_view s) {
    std::string text(s);
    for (char& ch : text)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return text;
}

// The field a header cell names, or -1: the export's names in any case, and x₁, x₂ and class as the
// data table titles its columns.
int field_named(std::string_view cell) {
    const std::string name = lowercase(cell);
    for (int f = kX1; f <= kSplit; ++f)
        if (name == kColumns[f]) return f;
    if (name == "x\u2081") return kX1;
    if (name == "x\u2082") return kX2;
    if (name == "class") return kY;
    return -1;
}

// Reads the header row into the layout; "" or what is wrong with it: a cell that names no column or
// a column named twice (by its column), or a column that x1, x2 and y need (by its name).
std::string read_header(std::string_view line, int row, Layout& layout) {
    int column_of[4] = {-1, -1, -1, -1};
    std::string error;
    for_each_cell(line, [&](int column, std::string_view cell) {
        const int field = field_named(cell);
        if (field < 0)
            error = where(row, column) + ": " + (cell.empty() ? std::string("the column has no name") : shown(cell) + " is not a column") +
                    " (the columns are x1, x2, y and split)";
        else if (column_of[field] >= 0)
            error = where(row, column) + ": " + kColumns[field] + " again (it is column " + std::to_string(column_of[field] + 1) + ")";
        else column_of[field] = column;
        return error.empty();
    });
    if (!error.empty()) return error;
    for (int f = kX1; f <= kY; ++f)
        if (column_of[f] < 0)
            return "row " + std::to_string(row) + ": the header has no " + kColumns[f] +
                   " column (it needs x1, x2 and y in any order, and optionally split)";
    // Three or four distinct names: split, when the header leaves it out, may follow as a fourth.
    Layout named;
    named.at[3] = kSplit;
    for (int f = kX1; f <= kSplit; ++f)
        if (column_of[f] >= 0) named.at[column_of[f]] = static_cast<Field>(f);
    layout = named;
    return "";
}

// Checks one point row (the line holds something besides spaces) against the layout; "" and the
// point, or the error. Numbers are checked first, then their ranges, then the split, each in column
// order.
std::string read_point(std::string_view line, int row, bool regression, const Layout& layout, Point& p) {
    size_t count = 1;
    for (char c : line) count += c == ',';
    if (count != 4 && !(count == 3 && layout.split_optional()))
        return "row " + std::to_string(row) + ": expected " + layout.expected() + ", found " + std::to_string(count);
    const int columns = static_cast<int>(count);
    std::string_view cells[4];
    for_each_cell(line, [&](int column, std::string_view cell) {
        cells[column] = cell;
        return true;
    });
    double values[3];  // x1, x2, y
    for (int c = 0; c < columns; ++c)
        if (const Field f = layout.at[c]; f != kSplit)
            if (std::string problem = read_number(cells[c], values[f]); !problem.empty()) return where(row, c, layout) + ": " + problem;
    for (int c = 0; c < columns; ++c)
        if (const Field f = layout.at[c]; (f == kX1 || f == kX2) && std::fabs(values[f]) > kPlaneExtent)
            return where(row, c, layout) + ": " + format_plane(values[f]) + " is outside the plane (" +
                   format_plane(-kPlaneExtent) + " to " + format_plane(kPlaneExtent) + ")";
    const int y = layout.column_of(kY);
    if (!regression && values[kY] != 0.0 && values[kY] != 1.0)
        return where(row, y, layout) + ": " + shown(cells[y]) + " is not a class (0 or 1)";
    if (regression && std::fabs(values[kY]) > kCurveRange)
        return where(row, y, layout) + ": " + shown(cells[y]) + " is outside " + format_plane(-kCurveRange) + " to " +
               format_plane(kCurveRange);
    p = Point{values[kX1], values[kX2], values[kY], false};
    if (const int s = layout.column_of(kSplit); s < columns) {
        const std::string split = lowercase(cells[s]);
        if (split != "train" && split != "test" && !split.empty())
            return where(row, s, layout) + ": " + shown(cells[s]) + " is neither train nor test";
        p.test = split == "test";
    }
    return "";
}

}  // namespace

std::string points_to_csv(const std::vector<Point>& points) {
    std::string out = "x1,x2,y,split\n";
    char line[128];
    for (const Point& p : points) {
        std::snprintf(line, sizeof line, "%.17g,%.17g,%.17g,%s\n", p.x1, p.x2, p.y, p.test ? "test" : "train");
        out += line;
    }
    return out;
}

CsvImport points_from_csv(const std::string& text, bool regression, int max_points) {
    CsvImport result;
    auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };
    std::vector<Point> points;
    const std::string_view all(text);
    size_t start = all.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark
    int row = 0;
    int header_row = 0;        // the header's row, 0 when there is none
    bool seen_content = false;  // a non-blank row came before
    Layout layout;              // the export's order, or the header's
    while (start < all.size()) {
        size_t end = all.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view line = all.substr(start, end - start);
        start = end;
        if (start < all.size()) start += all[start] == '\r' && start + 1 < all.size() && all[start + 1] == '\n' ? 2 : 1;
        if (row == 2147483647) return fail("the text has more than 2147483647 rows");
        ++row;

        if (const size_t bad = first_non_utf8(line); bad != std::string_view::npos) {
            int column = 0;
            for (size_t k = 0; k < bad; ++k) column += line[k] == ',';
            return fail(where(row, column, layout) + ": the text is not UTF-8 here (save the file as UTF-8)");
        }
        if (trim(line).empty()) continue;  // a blank row
        if (!seen_content) {
            seen_content = true;
            bool text_cell = false, number_cell = false;
            for_each_cell(line, [&](int, std::string_view cell) {
                text_cell = text_cell || !cell.empty();
                number_cell = begins_like_number(cell);
                return !number_cell;
            });
            if (text_cell && !number_cell) {
                header_row = row;
                if (std::string error = read_header(line, row, layout); !error.empty()) return fail(error);
                continue;
            }
        }
        if (static_cast<int>(points.size()) >= max_points)
            return fail("row " + std::to_string(row) + ": more than " + std::to_string(max_points) + " points (the lab holds at most " +
                        std::to_string(max_points) + ")");
        Point p;
        if (std::string error = read_point(line, row, regression, layout, p); !error.empty()) return fail(error);
        points.push_back(p);
    }
    if (points.empty()) {
        if (header_row > 0)
            return fail("there are no data rows, only a header (row " + std::to_string(header_row) + ")");
        return fail("the text is empty");
    }
    result.points = std::move(points);
    return result;
}

}  // namespace bp
