// Network view: every neuron with its value for the inspected sample (and its map over the plane),
// every weight as an edge and every bias as a square; click an edge or bias to choose the parameter
// the inspector expands.
#pragma once

#include <imgui.h>

#include "app/lab/lab.h"
#include <vector>

#include "app/layout/network_layout.h"
#include "app/ui/chain_rule_panel.h"
#include "app/ui/platform.h"

namespace bp {

struct NetworkView {
    NetworkLayout layout;  // where the nodes were drawn last frame
    NeuronRef hovered;     // the neuron under the pointer (touch: the one last tapped), whose map the data view shows
    bool maps_drawn = false;  // the GPU drew every neuron's map inside its circle last frame
    bool data_shown = true;   // the data view is on screen too (else a neuron's tooltip holds its map)
    bool short_header = false;  // a phone: no title line above the point's values, to give the neurons its height
    std::vector<std::vector<Rect>> values, deltas;  // where each neuron's value and δ were written ([layer][j]; empty: none)
};

// The least height of the view for neurons that keep their labels apart and their numbers readable:
// its header (the point's values, with the title line unless `short_header`), the layer labels above
// the neurons, the margin under them, and a line and a quarter for each neuron of the largest layer
// (at least 5 lines, at most 20: sixteen neurons whose maps can be told apart).
float network_view_least_height(int largest_layer, bool short_header);

// The inspector's hovered path and factor are highlighted on the network. Where the platform has a
// GPU, each neuron's circle holds its map: its activation over the plane.
void draw_network_view(NetworkView& view, Lab& lab, const Inspector& inspector, Platform& platform, ImVec2 size);

}  // namespace bp
