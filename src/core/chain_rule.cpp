// ChainRule: path expansion of one parameter's gradient for one sample.
#include "core/chain_rule.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "core/deterministic_math.h"
#include <utility>

namespace bp {

namespace {

// dL/dy-hat and dy-hat/dz^L for one sample. For a sigmoid output the slope is computed from z
// (e^-|z| / (1 + e^-|z|)^2) so that it stays positive when y-hat rounds to 1, and bce's dL/dy-hat
// = (y-hat - y) / slope stays finite: their product is y-hat - y, as the backward pass has it.
void output_factors(const Network& net, Loss loss, const Pass& s, double& dl_dyhat, double& dyhat_dz) {
    const int L = net.layer_count();
    const double z = s.z[L](0, 0), y_hat = s.a[L](0, 0), y = s.y(0);
    if (net.output == Activation::Sigmoid) {
        const double e = exp_det(-std::fabs(z));
        dyhat_dz = e / ((1.0 + e) * (1.0 + e));
    } else {
        dyhat_dz = activate_derivative(net.output, z, y_hat);
    }
    dl_dyhat = loss == Loss::Bce && net.output == Activation::Sigmoid ? (y_hat - y) / dyhat_dz : loss_derivative(loss, y_hat, y);
}

// One forward pass of the sample in `sample` on `net` into `pass` (rows = 1); returns its loss.
double forward_sample(const Network& net, Loss loss, const Pass& sample, Pass& pass) {
    pass.reserve(net, 1);
    pass.rows = 1;
    pass.a[0].row(0) = sample.a[0].row(0);
    pass.y(0) = sample.y(0);
    forward(net, pass);
    return mean_loss(net, loss, pass);
}

int sign(double z) { return (z > 0.0) - (z < 0.0); }

// Whether a ReLU's pre-activation z^m_k has a different sign in some of the passes (rows = 1 each):
// its kink at z = 0 then lies between them. Reports the first such neuron.
bool find_relu_kink(const Network& net, const std::vector<Pass>& passes, int& layer, int& neuron) {
    for (int m = 1; m <= net.layer_count(); ++m) {
        if (net.activation(m) != Activation::Relu) continue;
        for (int k = 0; k < net.sizes[m]; ++k)
            for (const Pass& p : passes)
                if (sign(p.z[m](0, k)) != sign(passes[0].z[m](0, k))) {
                    layer = m;
                    neuron = k;
                    return true;
                }
    }
    return false;
}

// The factors of one path; neurons[m - layer] is the neuron of layer m.
ChainPath build_path(const Network& net, Loss loss, const Pass& s, int layer, int i, bool is_bias,
                     const std::vector<int>& neurons) {
    const int L = net.layer_count();
    ChainPath path;
    path.neurons = neurons;
    auto k = [&](int m) { return neurons[m - layer]; };
    double dl_dyhat, dyhat_dz;
    output_factors(net, loss, s, dl_dyhat, dyhat_dz);
    path.factors.push_back({PathFactor::LossByOutput, L, 0, 0, dl_dyhat});
    for (int m = L; m >= layer; --m) {
        // da^m_k/dz^m_k = f'(z^m_k)
        const double slope = m == L ? dyhat_dz : activate_derivative(net.activation(m), s.z[m](0, k(m)), s.a[m](0, k(m)));
        path.factors.push_back({PathFactor::ActivationByInput, m, k(m), k(m), slope});
        // dz^m_k/da^{m-1}_q = w^m_qk, down to the parameter's own layer
        if (m > layer) path.factors.push_back({PathFactor::InputByActivation, m, k(m - 1), k(m), net.W[m - 1](k(m - 1), k(m))});
    }
    // dz^l_j/dw^l_ij = a^{l-1}_i, dz^l_j/db^l_j = 1
    path.factors.push_back({PathFactor::InputByParameter, layer, i, k(layer), is_bias ? 1.0 : s.a[layer - 1](0, i)});
    path.product = 1.0;
    for (const PathFactor& f : path.factors) path.product *= f.value;
    return path;
}

}  // namespace

int64_t count_paths(const Network& net, int layer) {
    int64_t n = 1;
    for (int m = layer + 1; m <= net.layer_count(); ++m) n *= net.sizes[m];
    return n;
}

std::vector<int> path_neurons(const Network& net, int layer, int j, uint32_t ordinal) {
    std::vector<int> neurons(net.layer_count() - layer + 1, 0);
    neurons[0] = j;
    for (int m = net.layer_count(); m > layer; --m) {
        neurons[m - layer] = static_cast<int>(ordinal % static_cast<uint32_t>(net.sizes[m]));
        ordinal /= static_cast<uint32_t>(net.sizes[m]);
    }
    return neurons;
}

ChainPath ranked_path(const Network& net, Loss loss, const Pass& sample, const ChainRule& rule, size_t rank) {
    return build_path(net, loss, sample, rule.layer, rule.i, rule.is_bias,
                      path_neurons(net, rule.layer, rule.j, rule.ranked[rank].ordinal));
}

namespace {

// The ranking's order: larger |product| first, equal ones in enumeration order, so the ranking is
// the same everywhere.
bool ranks_before(const RankedPath& a, const RankedPath& b) {
    return a.magnitude != b.magnitude ? a.magnitude > b.magnitude : a.ordinal < b.ordinal;
}

// |f'(z^m_k)| and friends: the local slope of every neuron of layers layer..L for the sample (the
// output's is dy-hat/dz^L), so a path's product needs no activation function.
std::vector<std::vector<double>> neuron_slopes(const Network& net, const Pass& sample, int layer, double output_slope) {
    const int L = net.layer_count();
    std::vector<std::vector<double>> slope(L + 1);
    for (int m = layer; m <= L; ++m)
        for (int k = 0; k < net.sizes[m]; ++k)
            slope[m].push_back(m == L ? output_slope
                                      : activate_derivative(net.activation(m), sample.z[m](0, k), sample.a[m](0, k)));
    return slope;
}

// Every path multiplied out with a mixed-radix counter over the neurons of layers layer+1..L:
// their sum, and either all of them ranked or the largest `keep` of them.
void multiply_out_every_path(const Network& net, int layer, int j, double head, double tail,
                             const std::vector<std::vector<double>>& slope, bool rank_all, size_t keep, ChainRule& rule) {
    const int L = net.layer_count();
    std::vector<int> neurons(L - layer + 1, 0);
    neurons[0] = j;
    // A heap whose top is the path ranked last among those kept.
    std::priority_queue<RankedPath, std::vector<RankedPath>, decltype(&ranks_before)> largest(&ranks_before);
    if (rank_all) rule.ranked.reserve(static_cast<size_t>(rule.path_count));
    for (int64_t p = 0; p < rule.path_count; ++p) {
        double product = head;
        for (int m = L; m >= layer; --m) {
            const int k = neurons[m - layer];
            product *= slope[m][k];
            if (m > layer) product *= net.W[m - 1](neurons[m - 1 - layer], k);
        }
        product *= tail;
        rule.sum += product;
        const RankedPath entry{std::fabs(product), static_cast<uint32_t>(p)};
        if (rank_all) {
            rule.ranked.push_back(entry);
        } else if (largest.size() < keep) {
            largest.push(entry);
        } else if (keep > 0 && ranks_before(entry, largest.top())) {
            largest.pop();
            largest.push(entry);
        }
        for (int m = L; m > layer; --m) {  // next path: count up from the last layer
            if (++neurons[m - layer] < net.sizes[m]) break;
            neurons[m - layer] = 0;
        }
    }
    for (; !largest.empty(); largest.pop()) rule.ranked.push_back(largest.top());
}

// The sum over every path without listing them, by the distributive law: the paths leaving neuron k
// of layer m share their start, so S(m, k) = f'(z^m_k) Σ_k' w^{m+1}_kk' S(m+1, k'), S(L, 0) = dL/dy-hat · f_L'(z^L),
// and the sum is S(layer, j) times the parameter's own factor.
double sum_by_layers(const Network& net, int layer, int j, double head, double tail,
                     const std::vector<std::vector<double>>& slope) {
    const int L = net.layer_count();
    std::vector<double> next{head * slope[L][0]};
    for (int m = L - 1; m >= layer; --m) {
        std::vector<double> here(static_cast<size_t>(net.sizes[m]), 0.0);
        for (int k = 0; k < net.sizes[m]; ++k) {
            double through = 0.0;
            for (int q = 0; q < net.sizes[m + 1]; ++q) through += net.W[m](k, q) * next[q];
            here[k] = slope[m][k] * through;
        }
        next = std::move(here);
    }
    return next[j] * tail;
}

// The `keep` largest paths by |product|, found best-first without visiting the others. A partial
// path from the parameter to neuron k of layer m is worth at most its product so far times the
// largest product a continuation from (m, k) to the loss can add (best[m][k], by dynamic
// programming), so partial paths come off a max-heap in the order of the best path they can still
// become, and complete paths in the order of their size. Each neuron's next steps are sorted by
// that worth once, and a popped entry pushes only its own best next step and its next sibling, so
// the work is about keep x (L - layer) heap operations, however many paths there are.
void largest_paths(const Network& net, int layer, int j, double head, double tail,
                   const std::vector<std::vector<double>>& slope, size_t keep, ChainRule& rule) {
    const int L = net.layer_count();
    // step[m][k][q]: |dz^{m+1}_q/da^m_k · da^{m+1}_q/dz^{m+1}_q| = |w^{m+1}_kq f'(z^{m+1}_q)|
    auto step = [&](int m, int k, int q) { return std::fabs(net.W[m](k, q)) * std::fabs(slope[m + 1][q]); };
    std::vector<std::vector<double>> best(L + 1);
    std::vector<std::vector<std::vector<int>>> order(L + 1);  // next neurons of (m, k), best first
    best[L].assign(1, 1.0);
    for (int m = L - 1; m >= layer; --m)
        for (int k = 0; k < net.sizes[m]; ++k) {
            std::vector<int> next(static_cast<size_t>(net.sizes[m + 1]));
            for (int q = 0; q < net.sizes[m + 1]; ++q) next[q] = q;
            auto worth = [&](int q) { return step(m, k, q) * best[m + 1][q]; };
            std::stable_sort(next.begin(), next.end(), [&](int a, int b) { return worth(a) > worth(b); });
            best[m].push_back(worth(next[0]));
            order[m].push_back(std::move(next));
        }
    // An entry is the child_rank-th best next step from a partial path ending at (layer - 1, parent).
    struct Entry {
        double bound, magnitude;  // the best the path can become; its product so far
        uint32_t ordinal;         // its neurons so far, as path_neurons counts them
        int layer, neuron, parent, child_rank;
        double parent_magnitude;
        uint32_t parent_ordinal;
    };
    auto worse = [](const Entry& a, const Entry& b) {
        if (a.bound != b.bound) return a.bound < b.bound;
        if (a.layer != b.layer) return a.layer < b.layer;  // complete paths first
        return a.ordinal > b.ordinal;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> open(worse);
    auto push_child = [&](int m, int parent, int rank, double parent_magnitude, uint32_t parent_ordinal) {
        if (rank >= net.sizes[m + 1]) return;
        const int q = order[m][parent][rank];
        const double magnitude = parent_magnitude * step(m, parent, q);
        open.push({magnitude * best[m + 1][q], magnitude, parent_ordinal * static_cast<uint32_t>(net.sizes[m + 1]) + q,
                   m + 1, q, parent, rank, parent_magnitude, parent_ordinal});
    };
    push_child(layer, j, 0, std::fabs(head) * std::fabs(tail) * std::fabs(slope[layer][j]), 0);
    while (!open.empty() && rule.ranked.size() < keep) {
        const Entry e = open.top();
        open.pop();
        push_child(e.layer - 1, e.parent, e.child_rank + 1, e.parent_magnitude, e.parent_ordinal);  // its next sibling
        if (e.layer == L) rule.ranked.push_back({e.magnitude, e.ordinal});
        else push_child(e.layer, e.neuron, 0, e.magnitude, e.ordinal);  // its best continuation
    }
}

}  // namespace

ChainRule expand_paths(const Network& net, Loss loss, const Pass& sample, int layer, int i, int j, bool is_bias,
                       int max_listed, bool rank_all) {
    ChainRule rule;
    rule.layer = layer;
    rule.i = i;
    rule.j = j;
    rule.is_bias = is_bias;
    rule.path_count = count_paths(net, layer);

    // The factors every path shares (dL/dy-hat first, the parameter's own dz/dw last), and the
    // per-neuron slopes; a path's product multiplies them in build_path's order.
    double head, output_slope;
    output_factors(net, loss, sample, head, output_slope);
    const double tail = is_bias ? 1.0 : sample.a[layer - 1](0, i);
    const std::vector<std::vector<double>> slope = neuron_slopes(net, sample, layer, output_slope);
    const size_t listed = static_cast<size_t>(std::max(max_listed, 0));
    if (rule.path_count <= kMultipliedOutPaths) {
        const bool rank_every = rank_all && rule.path_count <= kRankedPaths;
        multiply_out_every_path(net, layer, j, head, tail, slope, rank_every,
                                rank_all ? static_cast<size_t>(kRankedPaths) : listed, rule);
    } else {
        rule.sum = sum_by_layers(net, layer, j, head, tail, slope);
        largest_paths(net, layer, j, head, tail, slope, rank_all ? static_cast<size_t>(kRankedPaths) : listed, rule);
    }
    std::sort(rule.ranked.begin(), rule.ranked.end(), ranks_before);
    for (size_t k = 0; k < rule.ranked.size() && k < listed; ++k) rule.paths.push_back(ranked_path(net, loss, sample, rule, k));

    rule.backprop = is_bias ? sample.delta[layer](0, j) : sample.a[layer - 1](0, i) * sample.delta[layer](0, j);

    // Finite differences: the loss at p - h, p and p + h, on a copy of the network.
    Network copy = net;
    double& p = is_bias ? copy.b[layer - 1](j) : copy.W[layer - 1](i, j);
    const double saved = p, h = 1e-5 * std::max(1.0, std::fabs(saved));
    std::vector<Pass> passes(3);  // at p - h, p, p + h
    p = saved + h;
    const double up = forward_sample(copy, loss, sample, passes[2]);
    p = saved - h;
    const double down = forward_sample(copy, loss, sample, passes[0]);
    p = saved;
    const double at = forward_sample(copy, loss, sample, passes[1]);
    rule.numeric_step = h;
    rule.numeric = (up - down) / (2.0 * h);
    rule.numeric_left = (at - down) / h;
    rule.numeric_right = (up - at) / h;
    rule.numeric_kink = find_relu_kink(copy, passes, rule.kink_layer, rule.kink_neuron);
    return rule;
}

}  // namespace bp
