// Network: a multilayer perceptron's parameters, and the forward and backward passes over a batch.
//
// Notation (docs/ARCHITECTURE.md, "Notation"), with layers l = 1..L and code indices 0-based:
//   W^l is (n_{l-1} x n_l): w^l_ij joins neuron i of layer l-1 to neuron j of layer l.
//   z^l = a^{l-1} W^l + b^l,   a^l = f_l(z^l),   a^0 = x,   y-hat = a^L.
//   delta^l = dL/dz^l,   dL/dW^l = (a^{l-1})^T delta^l,   dL/db^l = delta^l,
//   delta^{l-1} = f'(z^{l-1}) ⊙ (delta^l (W^l)^T).
// A batch is a block of rows: z, a and delta are (batch x n_l). The Pass keeps all of them, because
// the views show them; its matrices are sized once for a capacity, so a step allocates nothing.
//
// Layout: every matrix is row-major, so a sample's row and a weight's source row are contiguous and
// the inner loops of the passes run over contiguous memory (axpy form, which the compiler vectorises
// without reordering sums). The loops are written out rather than left to Eigen's expression
// templates: at these sizes (n <= 16) that is several times faster, natively and in WebAssembly,
// and it fixes the order of every sum, so results are the same bits on every platform. network.cpp
// calls them by their equations (layer_ops.h); textbook_mlp.h is the same passes in plain scalar
// loops, the independent reference the tests hold these against.
#pragma once

#include <vector>

#include "core/activation.h"
#include "core/loss.h"
#include "core/matrix.h"
#include "core/rng.h"

namespace bp {

// No weight or bias of a lab ever grows past this: training stops before (gradient descent has
// diverged by then; inputs and targets lie within ±2), and links and imports refuse larger ones.
// It keeps every loss and output finite, so the screen never has to show an overflow.
constexpr double kMaxParameter = 1e6;

struct Network {
    std::vector<int> sizes;               // n_0 (inputs) .. n_L (outputs)
    Activation hidden = Activation::Tanh;  // f_l for l < L
    Activation output = Activation::Sigmoid;  // f_L
    std::vector<Matrix> W;       // W[l-1] = W^l   (n_{l-1} x n_l)
    std::vector<RowVector> b;    // b[l-1] = b^l   (1 x n_l)

    Network() = default;
    Network(std::vector<int> layer_sizes, Activation hidden_f, Activation output_f);

    int layer_count() const { return static_cast<int>(sizes.size()) - 1; }  // L
    Activation activation(int l) const { return l == layer_count() ? output : hidden; }  // f_l, l >= 1
    int weight_count() const;
    int bias_count() const;
    // Glorot/Xavier uniform: w ~ U(-r, r), r = sqrt(6 / (n_{l-1} + n_l)); biases 0.
    void init_glorot(Rng& rng);
    bool all_finite() const;
    // Every weight and bias finite and within ±kMaxParameter.
    bool all_within_limit() const;
};

// A weight w^layer_ij or a bias b^layer_j: layer 1-based, i and j 0-based (as in the code; i = 0 for
// a bias).
struct ParameterRef {
    int layer = 1, i = 0, j = 0;
    bool is_bias = false;
    bool operator==(const ParameterRef& o) const {
        return layer == o.layer && i == o.i && j == o.j && is_bias == o.is_bias;
    }
    bool operator!=(const ParameterRef& o) const { return !(*this == o); }
};

// The mean gradient of a batch, in the parameters' layout.
struct Gradients {
    std::vector<Matrix> dW;     // dW[l-1] = dL/dW^l   (n_{l-1} x n_l)
    std::vector<RowVector> db;  // db[l-1] = dL/db^l   (1 x n_l)

    void resize_like(const Network& net);
    void set_zero();
};

// What one forward and backward pass over a batch leaves behind: every layer's z, a and delta.
struct Pass {
    int rows = 0;                          // samples in the batch (<= capacity)
    std::vector<Matrix> z;        // z[l] (capacity x n_l), l = 1..L; z[0] unused
    std::vector<Matrix> a;        // a[0] = x, a[l] = f_l(z[l])
    std::vector<Matrix> delta;    // delta[l] = dL/dz^l per sample, l = 1..L
    Eigen::VectorXd y;                     // targets (capacity)
    Eigen::VectorXd loss;                  // per-sample loss (capacity)

    void reserve(const Network& net, int capacity);
    // True when reserve(net, capacity) would change nothing.
    bool fits(const Network& net, int capacity) const;
    int capacity() const { return static_cast<int>(y.size()); }
};

// z and a of every layer for the first pass.rows rows of pass.a[0].
void forward(const Network& net, Pass& pass);
// z^l and a^l only (layer l >= 1; a^{l-1} must be there). forward() runs it for l = 1..L.
void forward_layer(const Network& net, Pass& pass, int l);
// Per-sample loss (into pass.loss) and the batch's mean loss. Needs forward() and pass.y.
double mean_loss(const Network& net, Loss loss, Pass& pass);
// Per-sample loss and delta of every layer, and the batch-mean gradient. Needs forward() first and
// pass.y filled. Returns the batch's mean loss. The network has one output (n_L = 1).
double backward(const Network& net, Loss loss, Pass& pass, Gradients& grad);
// delta^l, dL/dW^l and dL/db^l only (delta^{l+1} must be there unless l = L). backward() runs it
// for l = L..1.
void backward_layer(const Network& net, Loss loss, Pass& pass, Gradients& grad, int l);
// Plain SGD: w' = w - alpha * g for every weight and bias.
void apply_sgd(Network& net, const Gradients& grad, double learning_rate);

// True when the network has that parameter.
bool has_parameter(const Network& net, const ParameterRef& p);
// Its value (the parameter must exist).
double& parameter(Network& net, const ParameterRef& p);
double parameter(const Network& net, const ParameterRef& p);
// Its component of a gradient shaped like the network.
double parameter_gradient(const Gradients& grad, const ParameterRef& p);

}  // namespace bp
