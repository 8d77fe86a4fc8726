// The textbook MLP: the forward pass, the loss and backpropagation written as plainly as the
// equations, one sample and one scalar at a time (notation: docs/ARCHITECTURE.md, "Notation").
// It is the documented reference for network.cpp's batched, width-specialised passes and shares no
// code with them: it only reads the Network's parameters, and computes f, f' and the loss with
// <cmath> from their formulas. The tests check the fast passes against it (and against finite
// differences). Not bit-identical to them and not meant to be fast.
#pragma once

#include <vector>

#include "core/network.h"

namespace bp::textbook {

// One sample's z^l_j and a^l_j, l = 0..L (a[0] = x; z[0] is empty).
struct Activations {
    std::vector<std::vector<double>> z, a;
};

// dL/dw^l_ij and dL/db^l_j, averaged over a batch: w[l-1][i][j], b[l-1][j].
struct Gradient {
    std::vector<std::vector<std::vector<double>>> w;
    std::vector<std::vector<double>> b;
};

double f(Activation act, double z);        // f(z)
double f_prime(Activation act, double z);  // f'(z)

// The forward pass of one sample x (n_0 values).
Activations forward(const Network& net, const std::vector<double>& x);
// L(y-hat, y) for one sample.
double loss(Loss kind, double y_hat, double y);
// The mean loss of the samples xs with targets ys.
double batch_loss(const Network& net, Loss kind, const std::vector<std::vector<double>>& xs,
                  const std::vector<double>& ys);
// Backpropagation, sample by sample, averaged over the batch.
Gradient batch_gradient(const Network& net, Loss kind, const std::vector<std::vector<double>>& xs,
                        const std::vector<double>& ys);

}  // namespace bp::textbook
