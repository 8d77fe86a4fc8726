// Network geometry and hit testing.
#include "app/layout/network_layout.h"

#include <algorithm>
#include <cmath>

namespace bp {

Vec2 NetworkLayout::bias_center(int l, int j) const {
    const Vec2 c = nodes[l][j];
    return Vec2{c.x - radius * 0.95f, c.y + radius * 0.95f};
}

NetworkLayout layout_network(const std::vector<int>& sizes, Vec2 min, Vec2 max, float max_radius) {
    NetworkLayout layout;
    const int layers = static_cast<int>(sizes.size());
    if (layers == 0) return layout;
    const int widest = *std::max_element(sizes.begin(), sizes.end());
    const float w = max.x - min.x, h = max.y - min.y;
    // The radius fits both the vertical spacing of the widest layer (circles 84 % of it across, so that
    // sixteen neurons still show their maps) and the spacing of the columns;
    // the first and last columns touch the rectangle's sides, so the drawing uses its whole width.
    const float row = h / std::max(widest, 1);
    const float column = w / std::max(layers - 1, 1);
    layout.radius = std::clamp(std::min(row * 0.42f, column * 0.22f), 6.0f, std::max(6.0f, max_radius));
    // A rectangle too small for 6-pixel nodes gets smaller ones, never a mirrored drawing.
    layout.radius = std::max(0.5f, std::min(layout.radius, std::min(w / (2.0f * layers), row * 0.5f)));
    layout.bias_size = std::max(std::min(6.0f, layout.radius), layout.radius * 0.55f);
    const float span = std::max(0.0f, w - 2.0f * layout.radius);
    for (int l = 0; l < layers; ++l) {
        const float x = min.x + layout.radius + (layers > 1 ? span * l / (layers - 1) : span * 0.5f);
        std::vector<Vec2> column_nodes;
        const float top = min.y + (h - row * sizes[l]) * 0.5f;
        for (int j = 0; j < sizes[l]; ++j) column_nodes.push_back(Vec2{x, top + row * (j + 0.5f)});
        layout.nodes.push_back(std::move(column_nodes));
    }
    return layout;
}

float distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length2 = dx * dx + dy * dy;
    float t = length2 > 0.0f ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y;
    return std::sqrt(cx * cx + cy * cy);
}

NetworkHit hit_test(const NetworkLayout& layout, Vec2 p, float tolerance) {
    NetworkHit hit;
    const int layers = static_cast<int>(layout.nodes.size());
    for (int l = 0; l < layers; ++l)
        for (int j = 0; j < static_cast<int>(layout.nodes[l].size()); ++j) {
            const Vec2 c = layout.nodes[l][j];
            if (l > 0) {
                const Vec2 b = layout.bias_center(l, j);
                if (std::fabs(p.x - b.x) <= layout.bias_size * 0.5f + 1 && std::fabs(p.y - b.y) <= layout.bias_size * 0.5f + 1)
                    return {NetworkHit::Bias, l, 0, j};
            }
            const float dx = p.x - c.x, dy = p.y - c.y;
            if (dx * dx + dy * dy <= layout.radius * layout.radius) return {NetworkHit::Node, l, 0, j};
        }
    float best = tolerance;
    for (int l = 1; l < layers; ++l)
        for (int i = 0; i < static_cast<int>(layout.nodes[l - 1].size()); ++i)
            for (int j = 0; j < static_cast<int>(layout.nodes[l].size()); ++j) {
                const float d = distance_to_segment(p, layout.nodes[l - 1][i], layout.nodes[l][j]);
                if (d <= best) {
                    best = d;
                    hit = {NetworkHit::Edge, l, i, j};
                }
            }
    return hit;
}

}  // namespace bp
