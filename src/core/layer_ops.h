// The operations of one layer's forward and backward pass over a batch, named and shaped as the
// equations in network.h, so that network.cpp reads as the math. Each takes the batch's rows of the
// Pass's matrices (`m.topRows(n)`, by reference, never copied) and the layer's parameters,
// checks the shapes in debug builds, and hands the raw rows to the kernel specialised for the layer's
// width (layer_kernels.h): the same loops, the same order of every sum, nothing allocated.
// n is the number of rows in the batch; n_l the width of layer l.
#pragma once

#include "core/activation.h"
#include "core/layer_kernels.h"
#include "core/loss.h"
#include "core/matrix.h"

namespace bp {

// Each Rows argument is a batch's rows of one of the Pass's row-major matrices (`m.topRows(n)`) or a
// whole one: an Eigen block read and written in place through its data(), row s at data() + s * cols.
// Anything that is not such a block of rows (a product, a column-major or strided view) fails to
// compile, so nothing is ever copied; eigen_assert checks the shapes and that the rows are packed.
namespace detail {
template <class M>
void check_rows() {
    static_assert(int(M::Flags) & Eigen::DirectAccessBit, "pass rows of a matrix, not an expression");
    static_assert(int(M::Flags) & Eigen::RowMajorBit, "the kernels read row-major rows");
}
template <class M>
bool packed(const Eigen::MatrixBase<M>& m) {
    return m.rows() <= 1 || m.derived().outerStride() == m.cols();
}
}  // namespace detail

// z^l = a^{l-1} W^l + b^l   (n x n_{l-1}) (n_{l-1} x n_l) + (1 x n_l) -> (n x n_l)
template <class APrev, class Z>
void affine(const Eigen::MatrixBase<APrev>& a_prev, const Matrix& W, const RowVector& b, Eigen::MatrixBase<Z>& z) {
    detail::check_rows<APrev>();
    detail::check_rows<Z>();
    eigen_assert(a_prev.cols() == W.rows() && z.cols() == W.cols() && b.size() == W.cols());
    eigen_assert(z.rows() == a_prev.rows() && detail::packed(a_prev) && detail::packed(z));
    kernels::kAffine[W.cols() - 1](W.data(), b.data(), a_prev.derived().data(), z.derived().data(),
                                   static_cast<int>(z.rows()), static_cast<int>(W.rows()));
}

// a^l = f_l(z^l), elementwise   (n x n_l)
template <class Z, class A>
void activate(Activation f, const Eigen::MatrixBase<Z>& z, Eigen::MatrixBase<A>& a) {
    detail::check_rows<Z>();
    detail::check_rows<A>();
    eigen_assert(z.rows() == a.rows() && z.cols() == a.cols() && detail::packed(z) && detail::packed(a));
    activate(f, z.derived().data(), a.derived().data(), static_cast<int>(z.size()));
}

// delta^L = dL/dy-hat · f_L'(z^L)   (n x 1): the output layer's delta, sample by sample, from its
// z^L, a^L = y-hat and the targets y (n).
template <class Z, class A, class Y, class D>
void output_delta(Loss loss, Activation f, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                  const Eigen::MatrixBase<Y>& y, Eigen::MatrixBase<D>& delta) {
    eigen_assert(z.cols() == 1 && a.cols() == 1 && delta.cols() == 1);
    eigen_assert(z.rows() == delta.rows() && a.rows() == delta.rows() && y.size() == delta.rows());
    for (Eigen::Index s = 0; s < delta.rows(); ++s) delta(s, 0) = output_delta(loss, f, z(s, 0), a(s, 0), y(s));
}

// delta^l = delta^{l+1} (W^{l+1})^T   (n x n_{l+1}) (n_{l+1} x n_l) -> (n x n_l),
// the sum over the neurons k of layer l+1 of w^{l+1}_jk delta^{l+1}_k, before the f_l'(z^l) factor.
template <class DNext, class D>
void backpropagate(const Eigen::MatrixBase<DNext>& delta_next, const Matrix& W_next, Eigen::MatrixBase<D>& delta) {
    detail::check_rows<DNext>();
    detail::check_rows<D>();
    eigen_assert(delta_next.cols() == W_next.cols() && delta.cols() == W_next.rows());
    eigen_assert(delta.rows() == delta_next.rows() && detail::packed(delta_next) && detail::packed(delta));
    kernels::kBackPropagate[W_next.cols() - 1](W_next.data(), delta_next.derived().data(), delta.derived().data(),
                                               static_cast<int>(delta.rows()), static_cast<int>(W_next.rows()));
}

// delta^l ⊙= f_l'(z^l), elementwise   (n x n_l); a^l = f_l(z^l) is already known.
template <class Z, class A, class D>
void multiply_by_derivative(Activation f, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                            Eigen::MatrixBase<D>& delta) {
    detail::check_rows<Z>();
    detail::check_rows<A>();
    detail::check_rows<D>();
    eigen_assert(z.rows() == delta.rows() && z.cols() == delta.cols() && a.rows() == z.rows() && a.cols() == z.cols());
    eigen_assert(detail::packed(z) && detail::packed(a) && detail::packed(delta));
    scale_by_derivative(f, z.derived().data(), a.derived().data(), delta.derived().data(), static_cast<int>(delta.size()));
}

// dL/dW^l = (a^{l-1})^T delta^l / n   (n_{l-1} x n) (n x n_l) -> (n_{l-1} x n_l)
// dL/db^l = (1/n) Σ_s delta^l_s          (1 x n_l)
// The batch mean: each sample's gradient summed in row order, then scaled by 1/n.
template <class APrev, class D>
void weight_gradient(const Eigen::MatrixBase<APrev>& a_prev, const Eigen::MatrixBase<D>& delta, Matrix& dW,
                     RowVector& db) {
    detail::check_rows<APrev>();
    detail::check_rows<D>();
    eigen_assert(dW.rows() == a_prev.cols() && dW.cols() == delta.cols() && db.size() == delta.cols());
    eigen_assert(a_prev.rows() == delta.rows() && detail::packed(a_prev) && detail::packed(delta));
    const int n = static_cast<int>(delta.rows());
    kernels::kWeightGradient[delta.cols() - 1](a_prev.derived().data(), delta.derived().data(), dW.data(), db.data(),
                                               n, static_cast<int>(a_prev.cols()), 1.0 / n);
}

}  // namespace bp
