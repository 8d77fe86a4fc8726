// Per-sample losses and their derivatives.
#include "core/loss.h"

#include <cmath>

#include "core/named_values.h"

namespace bp {

const char* loss_name(Loss loss) { return loss == Loss::Mse ? "mse" : "bce"; }

std::optional<Loss> parse_loss(const std::string& name) { return value_named(kAllLosses, loss_name, name); }

bool loss_accepts_output(Loss loss, Activation output) {
    return loss == Loss::Mse || output == Activation::Sigmoid;
}

double sample_loss(Loss loss, double z, double y_hat, double y) {
    if (loss == Loss::Mse) {
        const double e = y_hat - y;
        return 0.5 * e * e;
    }
    // -[y log s(z) + (1-y) log(1 - s(z))] = log(1 + e^z) - y z = max(z, 0) - y z + log1p(e^-|z|)
    return std::max(z, 0.0) - y * z + std::log1p(std::exp(-std::fabs(z)));
}

double loss_derivative(Loss loss, double y_hat, double y) {
    if (loss == Loss::Mse) return y_hat - y;
    return (y_hat - y) / (y_hat * (1.0 - y_hat));
}

double output_delta(Loss loss, Activation output, double z, double y_hat, double y) {
    if (loss == Loss::Bce && output == Activation::Sigmoid) return y_hat - y;
    return loss_derivative(loss, y_hat, y) * activate_derivative(output, z, y_hat);
}

}  // namespace bp
