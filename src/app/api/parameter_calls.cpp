// window.lab's parameter references and setParameter (see parameter_calls.h).
#include "app/api/parameter_calls.h"

#include "app/lab/settings_json.h"

namespace bp {

using json = nlohmann::json;

std::string read_parameter_ref(const json& spec, Selection& out, const std::string& field) {
    if (!spec.is_object()) return "takes {layer, i, j} or {layer, j, bias: true}";
    const std::string prefix = field.empty() ? "" : field + ".";
    if (spec.contains("bias") && !spec["bias"].is_boolean()) return prefix + "bias must be true or false";
    Selection s;
    int i = 1;
    s.is_bias = spec.value("bias", false);
    std::string error = read_whole(spec.value("layer", json()), (prefix + "layer").c_str(), s.layer);
    if (error.empty() && !s.is_bias) error = read_whole(spec.value("i", json()), (prefix + "i").c_str(), i);
    if (error.empty()) error = read_whole(spec.value("j", json()), (prefix + "j").c_str(), s.j);
    if (!error.empty()) return error;
    s.i = s.is_bias ? 0 : i - 1;
    s.j -= 1;
    out = s;
    return "";
}

json set_parameter(const ApiCall& c) {
    Selection which;
    std::string error = read_parameter_ref(c.arg(0), which);
    double value = 0.0;
    const json& v = c.arg(1);
    const bool not_finite = v.is_string() && (v == "NaN" || v == "Infinity" || v == "-Infinity");  // as the page sends them
    if (error.empty()) error = not_finite ? "the value must be a finite number" : read_number(v, "the value", value);
    if (error.empty()) error = c.lab.set_parameter(which, value);
    return result(error);
}

}  // namespace bp
