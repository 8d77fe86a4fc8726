// Which layers of the inspected sample are known at the current phase of a step.
#include "app/ui/known_values.h"

namespace bp {

KnownValues known_values(const Lab& lab) {
    const Trainer& t = lab.trainer();
    const int L = t.network().layer_count();
    KnownValues v;
    v.forward_through = L;
    v.delta_from = 1;
    v.show_loss = true;
    const StepPhase p = t.phase();
    // While Play runs, a large network's step may be between phases at the end of a frame: the
    // views then show the whole pass of the inspected sample, not a walk.
    if (lab.inspecting_batch() && p.phase != Phase::Ready && !lab.playing()) {
        v.phased = true;
        switch (p.phase) {
            case Phase::Forward:
                v.forward_through = p.layer;
                v.delta_from = L + 1;
                v.show_loss = false;
                break;
            case Phase::Loss: v.delta_from = L + 1; break;
            case Phase::Backward: v.delta_from = p.layer; break;
            case Phase::Update: v.update = true; break;
            case Phase::Ready: break;
        }
    }
    const bool backward_phase = v.phased && (p.phase == Phase::Backward);
    v.gradient_edges = t.step_count() + (t.mid_step() ? 1 : 0) > 0 &&
                       (lab.edge_mode() == Lab::EdgeMode::Gradients || backward_phase);
    return v;
}

}  // namespace bp
