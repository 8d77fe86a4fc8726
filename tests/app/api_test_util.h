// The app tests' way into window.lab: one call with JSON arguments, its JSON result; and a window
// whose open lesson, view and screen are kept between calls, as the page's are.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"

namespace api_test {

inline nlohmann::json call(bp::Lab& lab, const std::string& method, const nlohmann::json& args = nlohmann::json::array()) {
    return nlohmann::json::parse(bp::call_lab_api(lab, method, args.dump()));
}

// A lab with the window's state the lesson and view calls act on, kept from call to call.
struct Window {
    bp::Lab lab;
    bp::ScreenGeometry screen;
    bp::ViewSettings view;
    bp::LessonRun lesson;
    nlohmann::json call(const std::string& method, const nlohmann::json& args = nlohmann::json::array()) {
        return nlohmann::json::parse(bp::call_lab_api(lab, method, args.dump(), screen, view, lesson));
    }
};

}  // namespace api_test
