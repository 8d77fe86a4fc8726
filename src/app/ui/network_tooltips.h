// Hover tooltips of the network view: exact values and what each edge, neuron and bias is.
#pragma once

#include "app/lab/lab.h"
#include "app/ui/known_values.h"

namespace bp {

void edge_tooltip(const Lab& lab, const KnownValues& view, int l, int i, int j);
void node_tooltip(const Lab& lab, const KnownValues& view, int l, int j);
void bias_tooltip(const Lab& lab, const KnownValues& view, int l, int j);

}  // namespace bp
