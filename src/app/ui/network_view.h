// Network view: every neuron with its value for the inspected sample, every weight as an edge and
// every bias as a square; click an edge or bias to choose the parameter the inspector expands.
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"
#include "app/layout/network_layout.h"
#include "app/ui/chain_rule_panel.h"

namespace bp {

struct NetworkView {
    NetworkLayout layout;  // where the nodes were drawn last frame
};

// The inspector's hovered path and factor are highlighted on the network.
void draw_network_view(NetworkView& view, Lab& lab, const Inspector& inspector, ImVec2 size);

}  // namespace bp
