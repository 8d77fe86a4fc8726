// Per-sample losses L(y-hat, y) and dL/dy-hat, named as the API spells them.
//   mse: L = 1/2 (y-hat - y)^2                          dL/dy-hat = y-hat - y
//   bce: L = -[y log y-hat + (1 - y) log(1 - y-hat)]     dL/dy-hat = (y-hat - y) / (y-hat (1 - y-hat))
// bce needs a sigmoid output (y-hat in (0, 1)); with it, dL/dz = y-hat - y exactly.
#pragma once

#include <optional>
#include <string>

#include "core/activation.h"

namespace bp {

enum class Loss { Mse, Bce };

constexpr Loss kAllLosses[] = {Loss::Mse, Loss::Bce};

const char* loss_name(Loss loss);
std::optional<Loss> parse_loss(const std::string& name);

// Output activations a loss can be paired with (bce: sigmoid only).
bool loss_accepts_output(Loss loss, Activation output);

// L for one sample, from the output's pre-activation z and y-hat = f(z). bce is computed from z
// (log(1 + e^z) - y z) so that it stays finite when y-hat rounds to 0 or 1.
double sample_loss(Loss loss, double z, double y_hat, double y);
// dL/dy-hat for one sample.
double loss_derivative(Loss loss, double y_hat, double y);
// delta^L = dL/dz^L for one sample: dL/dy-hat * f'(z), simplified to y-hat - y for bce + sigmoid.
double output_delta(Loss loss, Activation output, double z, double y_hat, double y);

}  // namespace bp
