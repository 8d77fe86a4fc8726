// The name of an enumeration's value read back: one lookup for every kind the lab names in links,
// settings and lessons (activations, losses, data sets, optimizers, regularization).
#pragma once

#include <optional>
#include <string>

namespace bp {

// The value among `all` whose `name_of(value)` is `name`; none for any other text.
template <typename Value, size_t N, typename NameOf>
std::optional<Value> value_named(const Value (&all)[N], NameOf name_of, const std::string& name) {
    for (Value v : all)
        if (name == name_of(v)) return v;
    return std::nullopt;
}

}  // namespace bp
