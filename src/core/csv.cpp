// CSV codec for data points.
#include "core/csv.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp {

namespace {

const char* const kColumns[] = {"x1", "x2", "y", "split"};

std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

std::vector<std::string> split_cells(const std::string& line) {
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
        const size_t comma = line.find(',', start);
        cells.push_back(trim(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return cells;
}

// A finite number using the whole cell.
bool parse_number(const std::string& cell, double& out) {
    if (cell.empty()) return false;
    char* end = nullptr;
    out = std::strtod(cell.c_str(), &end);
    return end == cell.c_str() + cell.size() && std::isfinite(out);
}

std::string where(int row, int column) {
    return "row " + std::to_string(row) + ", column " + std::to_string(column + 1) + " (" + kColumns[column] + ")";
}

// The cell for a message, cut to about 24 bytes on a UTF-8 character boundary.
std::string shown(const std::string& cell) {
    if (cell.size() <= 24) return "'" + cell + "'";
    size_t cut = 24;
    while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    return "'" + cell.substr(0, cut) + "\u2026'";
}

std::string format_plane(double v) {
    char text[16];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
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
    std::vector<Point> points;
    size_t start = 0;
    int row = 0;
    bool first = true;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = trim(text.substr(start, end - start));
        start = end + 1;
        ++row;
        if (line.empty()) {
            if (end == text.size()) break;
            continue;
        }
        const std::vector<std::string> cells = split_cells(line);
        double probe;
        if (first && !parse_number(cells[0], probe)) {  // a header row
            first = false;
            continue;
        }
        first = false;
        auto fail = [&](const std::string& message) {
            result.error = message;
            return result;
        };
        if (cells.size() < 3 || cells.size() > 4)
            return fail("row " + std::to_string(row) + ": expected 3 or 4 values (x1, x2, y, and optionally split), found " +
                        std::to_string(cells.size()));
        double values[3];
        for (int c = 0; c < 3; ++c)
            if (!parse_number(cells[c], values[c])) return fail(where(row, c) + ": " + shown(cells[c]) + " is not a number");
        for (int c = 0; c < 2; ++c)
            if (std::fabs(values[c]) > kPlaneExtent)
                return fail(where(row, c) + ": " + format_plane(values[c]) + " is outside the plane (" +
                            format_plane(-kPlaneExtent) + " to " + format_plane(kPlaneExtent) + ")");
        if (!regression && values[2] != 0.0 && values[2] != 1.0)
            return fail(where(row, 2) + ": " + shown(cells[2]) + " is not a class (0 or 1)");
        if (regression && std::fabs(values[2]) > kCurveRange)
            return fail(where(row, 2) + ": " + shown(cells[2]) + " is outside " + format_plane(-kCurveRange) + " to " +
                        format_plane(kCurveRange));
        Point p{values[0], values[1], values[2], false};
        if (cells.size() == 4) {
            std::string split = cells[3];
            for (char& ch : split) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (split != "train" && split != "test" && !split.empty())
                return fail(where(row, 3) + ": " + shown(cells[3]) + " is neither train nor test");
            p.test = split == "test";
        }
        if (static_cast<int>(points.size()) >= max_points)
            return fail("row " + std::to_string(row) + ": more than " + std::to_string(max_points) + " points");
        points.push_back(p);
        if (end == text.size()) break;
    }
    result.points = std::move(points);
    return result;
}

}  // namespace bp
