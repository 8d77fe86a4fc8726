// The lab's views and the panel's tabs, and their one table of names: window.lab, the lessons and the
// window all read a name here, so each is spelled the same everywhere. The inspector (the panel
// below the network, whose first tab is the chain rule) also answers to "chain rule", as lessons
// have always called it.
#pragma once

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

namespace bp {

enum class Panel { Network, Data, Loss, Landscape, Inspector, Controls, Matrices, DataTable, Lesson };

struct PanelName {
    Panel panel;
    const char* name;
};

// Each panel's name first; a later row for the same panel is an alias, read but never written.
constexpr PanelName kPanelNames[] = {
    {Panel::Network, "network"},     {Panel::Data, "data"},         {Panel::Loss, "loss"},
    {Panel::Landscape, "landscape"}, {Panel::Inspector, "inspector"}, {Panel::Inspector, "chain rule"},
    {Panel::Controls, "controls"},   {Panel::Matrices, "matrices"}, {Panel::DataTable, "data table"},
    {Panel::Lesson, "lesson"}};

// What each reader accepts: the views a phone shows (showView, a lesson's `view:`), the panel's tabs
// (a lesson's `tab:`) and what a lesson may point at (`point: panel ...`).
constexpr Panel kViewPanels[] = {Panel::Network, Panel::Loss, Panel::Landscape, Panel::Inspector, Panel::Controls, Panel::Lesson};
constexpr Panel kTabPanels[] = {Panel::Controls, Panel::Inspector, Panel::Matrices, Panel::DataTable};
constexpr Panel kPointedPanels[] = {Panel::Network,   Panel::Data,     Panel::Loss,     Panel::Landscape,
                                    Panel::Inspector, Panel::Controls, Panel::Matrices, Panel::DataTable};

inline const char* panel_name(Panel panel) {
    for (const PanelName& n : kPanelNames)
        if (n.panel == panel) return n.name;
    return "";
}

// The panel among `accepted` that `name` (or its alias) names; none for any other text.
template <size_t N>
std::optional<Panel> panel_named(const std::string& name, const Panel (&accepted)[N]) {
    for (const PanelName& n : kPanelNames)
        if (name == n.name && std::find(std::begin(accepted), std::end(accepted), n.panel) != std::end(accepted))
            return n.panel;
    return std::nullopt;
}

// "network, loss, inspector (or chain rule), ...": the accepted names with their aliases, each
// between `quote`s, for a message.
template <size_t N>
std::string panel_list(const Panel (&accepted)[N], const std::string& quote = "") {
    std::string out;
    for (Panel p : accepted) {
        out += (out.empty() ? "" : ", ") + quote + panel_name(p) + quote;
        for (const PanelName& n : kPanelNames)
            if (n.panel == p && n.name != panel_name(p)) out += " (or " + quote + n.name + quote + ")";
    }
    return out;
}

}  // namespace bp
