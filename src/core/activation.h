// Activation functions f and their derivatives f', applied elementwise, named as the API spells them.
#pragma once

#include <Eigen/Core>
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

// a = f(z), elementwise; z and a have the same shape (batch x n).
void activate(Activation f, const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> a);

}  // namespace bp
