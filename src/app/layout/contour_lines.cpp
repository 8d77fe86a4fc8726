// Marching squares over a grid of samples, and contour levels.
#include "app/layout/contour_lines.h"

#include <cmath>

namespace bp {

namespace {

// Where `level` crosses the edge from p (value vp) to q (value vq): p + t (q - p), t = (level - vp) / (vq - vp).
GridPoint crossing(GridPoint p, double vp, GridPoint q, double vq, double level) {
    const double t = vq == vp ? 0.5 : (level - vp) / (vq - vp);
    return {p.c + t * (q.c - p.c), p.r + t * (q.r - p.r)};
}

}  // namespace

std::vector<ContourSegment> contour_segments(const std::vector<double>& values, int rows, int cols, double level) {
    std::vector<ContourSegment> out;
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < cols; ++c) {
            // Corners counter-clockwise from (c, r): 0 = (c, r), 1 = (c+1, r), 2 = (c+1, r+1), 3 = (c, r+1).
            const GridPoint p[4] = {{double(c), double(r)}, {c + 1.0, double(r)}, {c + 1.0, r + 1.0}, {double(c), r + 1.0}};
            const double v[4] = {values[r * cols + c], values[r * cols + c + 1], values[(r + 1) * cols + c + 1],
                                 values[(r + 1) * cols + c]};
            if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) || !std::isfinite(v[3])) continue;
            int mask = 0;
            for (int k = 0; k < 4; ++k)
                if (v[k] >= level) mask |= 1 << k;
            if (mask == 0 || mask == 15) continue;
            // The crossing on edge e (corner e to corner e+1).
            const auto edge = [&](int e) { return crossing(p[e], v[e], p[(e + 1) % 4], v[(e + 1) % 4], level); };
            int crossed[4], count = 0;  // edges whose ends lie on different sides, in order 0..3
            for (int e = 0; e < 4; ++e)
                if (((mask >> e) & 1) != ((mask >> ((e + 1) % 4)) & 1)) crossed[count++] = e;
            if (count == 2) {
                out.push_back({edge(crossed[0]), edge(crossed[1])});
            } else {  // a saddle (mask 5 or 10): four crossings; the mean decides which corners join
                const bool centre_above = (v[0] + v[1] + v[2] + v[3]) / 4.0 >= level;
                const bool corner0_above = mask & 1;
                if (centre_above == corner0_above) {  // corner 0's side links 0 and 2: cut off corners 1 and 3
                    out.push_back({edge(0), edge(1)});
                    out.push_back({edge(2), edge(3)});
                } else {  // cut off corners 0 and 2
                    out.push_back({edge(3), edge(0)});
                    out.push_back({edge(1), edge(2)});
                }
            }
        }
    return out;
}

std::vector<double> contour_levels(double lo, double hi, int count, bool log_scale) {
    std::vector<double> levels;
    if (!(hi > lo) || count < 1 || (log_scale && !(lo > 0.0))) return levels;
    for (int k = 1; k <= count; ++k) {
        const double t = double(k) / (count + 1);
        levels.push_back(log_scale ? std::pow(10.0, std::log10(lo) + t * (std::log10(hi) - std::log10(lo))) : lo + t * (hi - lo));
    }
    return levels;
}

}  // namespace bp
