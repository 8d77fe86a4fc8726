// Activation functions and derivatives.
#include "core/activation.h"

#include <cmath>

namespace bp {

const char* activation_name(Activation f) {
    switch (f) {
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Tanh: return "tanh";
        case Activation::Relu: return "relu";
        case Activation::Linear: return "linear";
    }
    return "?";
}

std::optional<Activation> parse_activation(const std::string& name) {
    for (Activation f : kAllActivations)
        if (name == activation_name(f)) return f;
    return std::nullopt;
}

double activate(Activation f, double z) {
    switch (f) {
        case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
        case Activation::Tanh: return std::tanh(z);
        case Activation::Relu: return z > 0.0 ? z : 0.0;
        case Activation::Linear: return z;
    }
    return z;
}

double activate_derivative(Activation f, double z, double a) {
    switch (f) {
        case Activation::Sigmoid: return a * (1.0 - a);  // s'(z) = s(z)(1 - s(z))
        case Activation::Tanh: return 1.0 - a * a;       // tanh'(z) = 1 - tanh(z)^2
        case Activation::Relu: return z > 0.0 ? 1.0 : 0.0;
        case Activation::Linear: return 1.0;
    }
    return 1.0;
}

void activate(Activation f, const Eigen::Ref<const Eigen::MatrixXd>& z, Eigen::Ref<Eigen::MatrixXd> a) {
    for (Eigen::Index c = 0; c < z.cols(); ++c)
        for (Eigen::Index r = 0; r < z.rows(); ++r) a(r, c) = activate(f, z(r, c));
}

}  // namespace bp
