// window.lab's calls on the window rather than the lab: where the views are (layout), the text
// scale, presenter mode and which view a phone shows. They read the last frame's geometry and
// change the window's ViewSettings, which the next frame applies.
#pragma once

#include <nlohmann/json.hpp>

#include "app/api/lab_api.h"

namespace bp {

nlohmann::json layout_json(const ApiCall& call);       // layout()
nlohmann::json view_state_json(const ApiCall& call);   // the view's part of state()
nlohmann::json set_text_scale(const ApiCall& call);    // setTextScale(s), s in [1, 2]
nlohmann::json set_presenter(const ApiCall& call);     // presenter(on)
nlohmann::json show_view(const ApiCall& call);         // showView(one of kViewPanels' names)

}  // namespace bp
