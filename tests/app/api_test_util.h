// The app tests' way into window.lab: one call with JSON arguments, its JSON result.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"

namespace api_test {

inline nlohmann::json call(bp::Lab& lab, const std::string& method, const nlohmann::json& args = nlohmann::json::array()) {
    return nlohmann::json::parse(bp::call_lab_api(lab, method, args.dump()));
}

}  // namespace api_test
