// The inner loops of the forward and backward passes for one layer, specialised for each layer width
// n_l = 1..16 so that a sample's row of z (or of the weight gradient) stays in registers and the
// compiler unrolls and vectorises the loop over it. Row-major storage throughout (see network.h).
// Called through layer_ops.h, which names each one as its equation.
#pragma once

#include <array>
#include <utility>

namespace bp::kernels {

constexpr int kMaxWidth = 16;

// Z (n x out) = A (n x in) W (in x out) + b (1 x out), row by row: z_s = b + sum_i a_si (row i of W).
template <int OUT>
void affine(const double* __restrict W, const double* __restrict b, const double* __restrict A,
            double* __restrict Z, int n, int in) {
    for (int s = 0; s < n; ++s) {
        double z[OUT];
        for (int j = 0; j < OUT; ++j) z[j] = b[j];
        const double* a = A + s * in;
        for (int i = 0; i < in; ++i) {
            const double ai = a[i];
            const double* w = W + i * OUT;
            for (int j = 0; j < OUT; ++j) z[j] += ai * w[j];
        }
        for (int j = 0; j < OUT; ++j) Z[s * OUT + j] = z[j];
    }
}

// dW (in x out) = A^T (in x n) D (n x out) * scale: each row i of dW is sum_s a_si d_s, summed over
// samples in order; db (1 x out) = scale * sum_s d_s.
template <int OUT>
void weight_gradient(const double* __restrict A, const double* __restrict D, double* __restrict dW,
                     double* __restrict db, int n, int in, double scale) {
    for (int i = 0; i < in; ++i) {
        double g[OUT] = {};
        for (int s = 0; s < n; ++s) {
            const double ai = A[s * in + i];
            const double* d = D + s * OUT;
            for (int j = 0; j < OUT; ++j) g[j] += ai * d[j];
        }
        for (int j = 0; j < OUT; ++j) dW[i * OUT + j] = g[j] * scale;
    }
    double sum[OUT] = {};
    for (int s = 0; s < n; ++s)
        for (int j = 0; j < OUT; ++j) sum[j] += D[s * OUT + j];
    for (int j = 0; j < OUT; ++j) db[j] = sum[j] * scale;
}

// Dp (n x in) = D (n x out) W^T (out x in): dp_si = sum_j w_ij d_sj (before the f' factor).
template <int OUT>
void back_propagate(const double* __restrict W, const double* __restrict D, double* __restrict Dp, int n, int in) {
    for (int s = 0; s < n; ++s) {
        const double* d = D + s * OUT;
        for (int i = 0; i < in; ++i) {
            const double* w = W + i * OUT;
            double sum = 0.0;
            for (int j = 0; j < OUT; ++j) sum += w[j] * d[j];
            Dp[s * in + i] = sum;
        }
    }
}

// Tables of the specialisations, indexed by width - 1.
using AffineFn = void (*)(const double*, const double*, const double*, double*, int, int);
using WeightGradientFn = void (*)(const double*, const double*, double*, double*, int, int, double);
using BackPropagateFn = void (*)(const double*, const double*, double*, int, int);

template <size_t... K>
constexpr std::array<AffineFn, sizeof...(K)> affine_table(std::index_sequence<K...>) {
    return {&affine<static_cast<int>(K) + 1>...};
}
template <size_t... K>
constexpr std::array<WeightGradientFn, sizeof...(K)> weight_gradient_table(std::index_sequence<K...>) {
    return {&weight_gradient<static_cast<int>(K) + 1>...};
}
template <size_t... K>
constexpr std::array<BackPropagateFn, sizeof...(K)> back_propagate_table(std::index_sequence<K...>) {
    return {&back_propagate<static_cast<int>(K) + 1>...};
}

inline constexpr auto kAffine = affine_table(std::make_index_sequence<kMaxWidth>());
inline constexpr auto kWeightGradient = weight_gradient_table(std::make_index_sequence<kMaxWidth>());
inline constexpr auto kBackPropagate = back_propagate_table(std::make_index_sequence<kMaxWidth>());

}  // namespace bp::kernels
