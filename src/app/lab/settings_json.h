// The lab's settings and parameters as JSON, named as window.lab takes them, and the checked readers
// the API uses for its arguments (built without C++ exceptions: every type is checked first).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/trainer.h"

namespace bp {

// Each returns "" or a message naming what is wrong, and writes only on success.
std::string read_number(const nlohmann::json& value, const char* what, double& out);
std::string read_whole(const nlohmann::json& value, const char* what, int& out);
// A name or key from outside as a message quotes it: 'name', cut after kMaxQuotedChars characters
// ("…" marks the cut), so that a megabyte of text given as a name does not come back in the error.
// Anything but a text is quoted as its JSON, cut the same way.
constexpr size_t kMaxQuotedChars = 40;
std::string quoted_name(const nlohmann::json& name);
// A number as a message shows it: at most 6 significant digits, 1e+308 rather than 309 digits.
std::string short_number(double v);
// "" if every key of `object` is one of `known` (a comma-separated list); else "<what> has no
// '<key>' (use <known>)".
std::string unknown_key(const nlohmann::json& object, const char* what, const char* known);
// Applies a configure()-style object onto s; returns the first problem found.
std::string apply_settings(const nlohmann::json& in, TrainingSettings& s);
// The settings as a configure()-style object.
nlohmann::json settings_json(const TrainingSettings& s);
// {weights: [W^1..W^L], biases: [b^1..b^L]}, each matrix an array of rows (row i = source neuron):
// the parameters, or their gradients.
nlohmann::json parameters_json(const std::vector<Matrix>& W, const std::vector<RowVector>& b);

}  // namespace bp
