// Size and depth checked before parsing, in one pass over the text that skips strings.
#include "app/lab/untrusted_json.h"

namespace bp {

namespace {
// The deepest nesting of arrays and objects in the text (brackets inside strings do not count).
int nesting_depth(const std::string& text, int stop_above) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) > stop_above) break;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}
}  // namespace

nlohmann::json parse_untrusted_json(const std::string& text, const JsonLimits& limits, std::string& error) {
    error.clear();
    if (text.size() > limits.max_bytes) {
        error = "the text is too long (" + std::to_string(text.size()) + " bytes; at most " +
                std::to_string(limits.max_bytes) + ")";
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    if (nesting_depth(text, limits.max_depth) > limits.max_depth) {
        error = "the JSON is nested more than " + std::to_string(limits.max_depth) + " levels deep";
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded()) error = "this is not JSON";
    return value;
}

}  // namespace bp
