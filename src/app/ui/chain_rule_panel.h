// Chain-rule inspector: for the selected parameter and the inspected sample, dL/dw as the sum over
// every path to the loss, beside backprop and a finite difference, then the update.
#pragma once

#include "app/lab/lab.h"
#include "app/ui/parameter_editor.h"

namespace bp {

// The inspector's own state: the path row and the factor under the pointer, which the network view
// highlights (-1: none).
struct Inspector {
    int hovered_path = -1;    // rank in lab.chain_rule().ranked
    int hovered_factor = -1;  // index into that path's factors
    // A lesson's question asks for what the results would give away (∂L/∂w, the update): they wait
    // for the answer. Set by the window each frame.
    bool hold_results = false;
    ParameterEditor editor;  // the selected parameter's value, set by hand
    // The hovered path with its factors; false when there is none.
    bool hovered_chain_path(const Lab& lab, ChainPath& path) const;
};

void draw_chain_rule_panel(Inspector& inspector, Lab& lab);  // inside a child or tab the caller opened

}  // namespace bp
