// What the network view can show for the inspected sample at this moment of a step: while stepping
// through phases, only the layers computed so far have values.
#pragma once

#include "app/lab/lab.h"

namespace bp {

struct KnownValues {
    int forward_through = 0;   // layers 0..forward_through have z and a
    int delta_from = 0;        // layers delta_from..L have delta (L + 1: none yet)
    bool show_loss = false;    // y-hat, y and L are known
    bool phased = false;       // a step is being walked through (or its last phase, Update, is shown)
    bool update = false;       // the Update phase: edges show the change of each weight
    bool gradient_edges = false;  // edges show dL/dw (the last step's batch mean) where known

    bool forward_known(int l) const { return l <= forward_through; }
    bool delta_known(int l) const { return l >= delta_from; }
};

KnownValues known_values(const Lab& lab);

}  // namespace bp
