// Activation functions f and their derivatives f', applied elementwise, named as the API spells them.
// sigmoid and tanh use the deterministic exp (deterministic_math.h): the same bits everywhere.
#pragma once

#include <optional>
#include <string>

namespace bp {

enum class Activation { Sigmoid, Tanh, Relu, Linear };

constexpr Activation kAllActivations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                          Activation::Linear};

// "sigmoid", "tanh", "relu", "linear".
const char* activation_name(Activation f);
std::optional<Activation> parse_activation(const std::string& name);

double activate(Activation f, double z);
// f'(z), written with the already computed a = f(z) where that is cheaper (sigmoid, tanh).
double activate_derivative(Activation f, double z, double a);

// a[k] = f(z[k]) for count contiguous values (a block of rows).
void activate(Activation f, const double* z, double* a, int count);
// d[k] *= f'(z[k]) for count contiguous values, with a = f(z) already known.
void scale_by_derivative(Activation f, const double* z, const double* a, double* d, int count);

}  // namespace bp
