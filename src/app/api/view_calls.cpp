// The window's calls: geometry out, view settings in.
#include "app/api/view_calls.h"

#include "app/lab/settings_json.h"

#include <cmath>
#include <optional>
#include <string>

namespace bp {

using nlohmann::json;

namespace {

json rect_json(const Rect& r) {
    return {{"left", r.min.x}, {"top", r.min.y}, {"right", r.max.x}, {"bottom", r.max.y}};
}

}  // namespace

json layout_json(const ApiCall& c) {
    json layers = json::array();
    for (const auto& layer : c.screen.network.nodes) {
        json nodes = json::array();
        for (const Vec2& p : layer) nodes.push_back({{"x", p.x}, {"y", p.y}});
        layers.push_back(nodes);
    }
    const Rect& plane = c.screen.data_plane;
    json plane_json = rect_json(plane);
    plane_json["extent"] = kPlaneExtent;
    // Every shown view's rectangle in CSS pixels; a hidden view is absent.
    const ScreenLayout& s = c.screen.views;
    json views = json::object();
    const std::pair<const char*, const Rect*> all[] = {{"topBar", &s.top_bar},
                                                       {panel_name(Panel::Network), &s.network},
                                                       {panel_name(Panel::Data), &s.data},
                                                       {panel_name(Panel::Loss), &s.loss},
                                                       {panel_name(Panel::Inspector), &s.inspector},
                                                       {panel_name(Panel::Controls), &s.controls},
                                                       {"tabBar", &s.tab_bar},
                                                       {panel_name(Panel::Lesson), &s.lesson}};
    for (const auto& [name, r] : all)
        if (shown(*r)) views[name] = rect_json(*r);
    // The lesson panel's controls, where it is shown.
    const LessonControls& lc = c.screen.lesson;
    json lesson = json::object();
    const std::pair<const char*, const Rect*> controls[] = {{"back", &lc.back},     {"next", &lc.next},   {"showMe", &lc.show_me},
                                                            {"answer", &lc.answer}, {"check", &lc.check}, {"hide", &lc.hide},
                                                            {"showAnswer", &lc.show_answer}, {"text", &lc.text},
                                                            {"question", &lc.question}};
    for (const auto& [name, r] : controls)
        if (shown(*r)) lesson[name] = rect_json(*r);
    if (!lc.keys.empty()) {
        lesson["keys"] = json::object();
        for (const auto& [label, r] : lc.keys) lesson["keys"][label] = rect_json(r);
    }
    if (!lc.choices.empty()) {
        lesson["choices"] = json::array();
        for (const Rect& r : lc.choices) lesson["choices"].push_back(rect_json(r));
    }
    json parameter_field = shown(c.screen.parameter_field) ? rect_json(c.screen.parameter_field) : json(nullptr);
    // The neuron whose map the data plane shows (1-based j, as on screen), or null for the output.
    const NeuronRef& shows = c.screen.data_neuron;
    const json data_shows = shows.any() ? json{{"layer", shows.layer}, {"j", shows.j + 1}} : json(nullptr);
    // Where each neuron's value and δ are written on the network ([layer][j], null where none is).
    auto written = [](const std::vector<std::vector<Rect>>& rects) {
        json out = json::array();
        for (const auto& layer : rects) {
            json row = json::array();
            for (const Rect& r : layer) row.push_back(shown(r) ? rect_json(r) : json(nullptr));
            out.push_back(row);
        }
        return out;
    };
    return {{"lessonControls", lesson},
            {"values", written(c.screen.values)},
            {"deltas", written(c.screen.deltas)},
            {"parameterField", parameter_field},
            {"playButton", rect_json(c.screen.play_button)},
            {"neuronMaps", c.screen.neuron_maps},
            {"dataShows", data_shows},
            {"nodes", layers},
            {"radius", c.screen.network.radius},
            {"dataPlane", plane_json},
            {"mode", layout_mode_name(s.mode)},
            {"views", views}};
}

json view_state_json(const ApiCall& c) {
    return {{"textScale", c.view.text_scale}, {"presenter", c.view.presenter}, {"lossTab", c.view.landscape ? "landscape" : "curve"}};
}

json set_text_scale(const ApiCall& c) {
    const json& s = c.arg(0);
    if (!s.is_number() || !std::isfinite(s.get<double>()))
        return result("takes a number from 1 (100 %) to 2 (200 %)");
    const double scale = s.get<double>();
    if (scale < kMinTextScale || scale > kMaxTextScale)
        return result("the text scale must be from 1 (100 %) to 2 (200 %); got " + short_number(scale));
    c.view.text_scale = static_cast<float>(scale);
    return result("");
}

json set_presenter(const ApiCall& c) {
    if (!c.arg(0).is_boolean()) return result("takes true or false");
    c.view.presenter = c.arg(0).get<bool>();
    return result("");
}

json show_view(const ApiCall& c) {
    const json& name = c.arg(0);
    const std::optional<Panel> panel = name.is_string() ? panel_named(name.get<std::string>(), kViewPanels) : std::nullopt;
    if (!panel) return result("takes " + panel_list(kViewPanels, "\""));
    show_panel(c.view, *panel);
    return result("");
}

}  // namespace bp
