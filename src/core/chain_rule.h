// ChainRule: dL/dw for one weight (or bias) and one sample, written out as the sum over every path
// from that parameter to the loss, one product of local derivatives per path, beside the backprop
// value and finite differences (central and one-sided, and whether a ReLU kink lies between them).
//
// For w^l_ij the paths run from neuron j of layer l through one neuron k_m of every later layer
// m = l+1..L to the output, so there are n_{l+1} * ... * n_L of them. Along a path (from the loss):
//   dL/dy-hat · dy-hat/dz^L · prod_{m=L..l+1} [ dz^m_{k_m}/da^{m-1}_{k_{m-1}} · da^{m-1}_{k_{m-1}}/dz^{m-1}_{k_{m-1}} ]
//           · dz^l_j/dw^l_ij
// with dz^m_k/da^{m-1}_q = w^m_qk, da/dz = f'(z) and dz^l_j/dw^l_ij = a^{l-1}_i (1 for a bias).
#pragma once

#include <cstdint>
#include <vector>

#include "core/network.h"

namespace bp {

struct PathFactor {
    enum Kind {
        LossByOutput,       // dL/dy-hat
        ActivationByInput,  // da^m_k/dz^m_k = f'(z^m_k)  (the output's: dy-hat/dz^L)
        InputByActivation,  // dz^m_k/da^{m-1}_q = w^m_qk
        InputByParameter,   // dz^l_j/dw^l_ij = a^{l-1}_i, or dz^l_j/db^l_j = 1
    } kind;
    int layer;  // m (1-based layer of the z or a in the numerator)
    int from;   // q: the neuron of layer m-1 (InputByActivation), i (InputByParameter)
    int to;     // k: the neuron of layer m
    double value;
};

struct ChainPath {
    std::vector<int> neurons;         // k_l = j, k_{l+1}, ..., k_L = 0: the neuron of each layer l..L
    std::vector<PathFactor> factors;  // in the order written above, from the loss to the parameter
    double product = 0.0;
};

// A path's place in the ranking: |product| and its ordinal (its neurons, counted with the last
// layer's neuron the fastest digit; see path_neurons).
struct RankedPath {
    double magnitude;
    uint32_t ordinal;
};

struct ChainRule {
    int layer = 1, i = 0, j = 0;  // the parameter: w^layer_ij, or b^layer_j when is_bias
    bool is_bias = false;
    int64_t path_count = 0;        // every path, also those not listed
    std::vector<ChainPath> paths;  // the listed paths, largest |product| first
    std::vector<RankedPath> ranked;  // the largest paths, largest |product| first (see expand_paths)
    double sum = 0.0;              // sum of the products of all paths
    double backprop = 0.0;         // the per-sample gradient from the backward pass
    // Finite differences of this sample's loss L(p) in the parameter p, with step h:
    double numeric_step = 0.0;     // h = 1e-5 max(1, |p|)
    double numeric = 0.0;          // central: (L(p + h) - L(p - h)) / 2h
    double numeric_left = 0.0;     // one-sided, from below: (L(p) - L(p - h)) / h
    double numeric_right = 0.0;    // one-sided, from above: (L(p + h) - L(p)) / h
    // True when a ReLU's kink lies inside [p - h, p + h]: the pre-activation z of some ReLU neuron
    // (hidden, or the output with a relu output) has a different sign (-, 0, +) at p - h, p and p + h.
    // L then has no derivative there to approximate: the central difference averages the two
    // one-sided slopes (half of one when the other is 0), and backprop, which takes f'(0) = 0, gives
    // one of them; compare it with numeric_left / numeric_right rather than with numeric.
    bool numeric_kink = false;
    int kink_layer = 0;    // the first such neuron (when numeric_kink): layer m (1-based) ...
    int kink_neuron = -1;  // ... and neuron k (0-based) of z^m_k
};

// Number of paths from a parameter of layer l (1-based) to the loss.
int64_t count_paths(const Network& net, int layer);

// Expands dL/dw^layer_ij (or dL/db^layer_j) for the one sample in `sample` (rows = 1, after forward
// and backward on `net`). The sum covers every path: multiplied out one by one up to
// kMultipliedOutPaths paths, beyond that grouped layer by layer (the same sum, by the distributive
// law). `ranked` orders paths by |product|, largest first: with rank_all, every path when there are
// at most kRankedPaths, else the kRankedPaths largest, found best-first without visiting the others;
// without it, the max_listed largest. `paths` lists the first max_listed of them with their factors
// (a view builds the others with ranked_path() as they scroll into view). The work is bounded
// whatever the network's size, so a view can refresh it while training. net is only read (the
// finite difference works on a copy).
constexpr int64_t kMultipliedOutPaths = 65536;
constexpr int64_t kRankedPaths = 1024;
ChainRule expand_paths(const Network& net, Loss loss, const Pass& sample, int layer, int i, int j, bool is_bias,
                       int max_listed = 200, bool rank_all = false);

// The neurons of layers layer..L on the path with this ordinal, the first being j.
std::vector<int> path_neurons(const Network& net, int layer, int j, uint32_t ordinal);
// The factors of rule.ranked[rank], for the same net, loss and sample as expand_paths had.
ChainPath ranked_path(const Network& net, Loss loss, const Pass& sample, const ChainRule& rule, size_t rank);

}  // namespace bp
