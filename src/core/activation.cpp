// Activation functions and derivatives.
#include "core/activation.h"

#include <cmath>

#include "core/deterministic_math.h"
#include "core/named_values.h"

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

std::optional<Activation> parse_activation(const std::string& name) { return value_named(kAllActivations, activation_name, name); }

double activate(Activation f, double z) {
    switch (f) {
        case Activation::Sigmoid: return sigmoid_det(z);
        case Activation::Tanh: return tanh_det(z);
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

void activate(Activation f, const double* z, double* a, int count) {
    // One switch per block, then a tight loop per function.
    switch (f) {
        case Activation::Sigmoid:
            for (int k = 0; k < count; ++k) a[k] = sigmoid_det(z[k]);
            break;
        case Activation::Tanh:
            for (int k = 0; k < count; ++k) a[k] = tanh_det(z[k]);
            break;
        case Activation::Relu:
            for (int k = 0; k < count; ++k) a[k] = z[k] > 0.0 ? z[k] : 0.0;
            break;
        case Activation::Linear:
            for (int k = 0; k < count; ++k) a[k] = z[k];
            break;
    }
}

void scale_by_derivative(Activation f, const double* z, const double* a, double* d, int count) {
    switch (f) {
        case Activation::Sigmoid:
            for (int k = 0; k < count; ++k) d[k] *= a[k] * (1.0 - a[k]);
            break;
        case Activation::Tanh:
            for (int k = 0; k < count; ++k) d[k] *= 1.0 - a[k] * a[k];
            break;
        case Activation::Relu:
            for (int k = 0; k < count; ++k) d[k] = z[k] > 0.0 ? d[k] : 0.0;
            break;
        case Activation::Linear: break;
    }
}

}  // namespace bp
