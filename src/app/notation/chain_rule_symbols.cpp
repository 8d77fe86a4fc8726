// Symbols of the chain rule's parameter and factors.
#include "app/notation/chain_rule_symbols.h"

#include "app/notation/glyphs.h"

namespace bp {

std::string parameter_symbol(int layer, int i, int j, bool is_bias) {
    return is_bias ? bias_symbol(layer - 1, j) : weight_symbol(layer - 1, i, j);
}

std::string factor_symbol(const Network& net, const PathFactor& f, bool is_bias, int param_layer) {
    const int L = net.layer_count();
    auto z = [](int m, int k) { return neuron_symbol("z", m, k); };
    auto a = [&](int m, int k) { return m == L ? std::string("\u0177") : neuron_symbol("a", m, k); };
    const std::string d = "\u2202";
    switch (f.kind) {
        case PathFactor::LossByOutput: return d + "L/" + d + "\u0177";
        case PathFactor::ActivationByInput: return d + a(f.layer, f.to) + "/" + d + z(f.layer, f.to);
        case PathFactor::InputByActivation: return d + z(f.layer, f.to) + "/" + d + neuron_symbol("a", f.layer - 1, f.from);
        case PathFactor::InputByParameter:
            return d + z(f.layer, f.to) + "/" + d + parameter_symbol(param_layer, f.from, f.to, is_bias);
    }
    return "?";
}

}  // namespace bp
