// Network geometry: where every node, edge and bias of the network view goes, and what lies under
// the mouse. Pure functions of the layer sizes and a rectangle, so tests can check them.
#pragma once

#include "app/layout/vec2.h"

#include <vector>

namespace bp {

struct NetworkLayout {
    std::vector<std::vector<Vec2>> nodes;  // nodes[l][j]: centre of neuron j of layer l (l = 0 inputs)
    float radius = 0.0f;                     // node radius
    float bias_size = 0.0f;                  // side of the bias square

    // Centre of the bias square of neuron j of layer l >= 1 (below-left of the node).
    Vec2 bias_center(int l, int j) const;
};

// Layers spread evenly left to right inside [min, max]; each layer's nodes centred vertically. The
// node radius is at most max_radius (larger text asks for larger nodes, to hold their numbers).
NetworkLayout layout_network(const std::vector<int>& sizes, Vec2 min, Vec2 max, float max_radius = 36.0f);

// A neuron: layer l (0 = the inputs) and j, 0-based; layer -1 for none.
struct NeuronRef {
    int layer = -1, j = 0;
    bool any() const { return layer >= 0; }
};

struct NetworkHit {
    enum Kind { None, Node, Bias, Edge } kind = None;
    int layer = 0;  // node/bias: its layer l (0 = inputs); edge: the weight's layer l >= 1
    int i = 0;      // edge: source neuron in layer l-1
    int j = 0;      // node/bias/edge: the (target) neuron
};

// What is under point p: a node, a bias square, or the nearest edge within tolerance pixels.
NetworkHit hit_test(const NetworkLayout& layout, Vec2 p, float tolerance);

float distance_to_segment(Vec2 p, Vec2 a, Vec2 b);

}  // namespace bp
