// Lab: the share link of the current state, and opening one.
#include <algorithm>

#include "app/lab/lab.h"

namespace bp {

std::string Lab::share_link(bool moment, uint32_t link_locks) const {
    LabSnapshot snap;
    snap.moment = moment;
    snap.settings = trainer_.settings();
    snap.points = trainer_.points();
    if (moment) snap.run = trainer_.run_state();
    LinkView& v = snap.view;
    v.selected_layer = selection_.layer;
    v.selected_i = selection_.i;
    v.selected_j = selection_.j;
    v.selected_bias = selection_.is_bias;
    // A link carries no last batch (its pass needs the weights before the last update), so a batch
    // sample is shared as the data point it is; the receiver inspects it on the current weights.
    v.inspect_batch = false;
    v.inspect_index = std::clamp(inspected_point(), 0, 65535);
    v.edge_mode = edge_mode_ == EdgeMode::Gradients ? 1 : 0;
    v.speed = speed_;
    v.flags = link_locks;
    return encode_link(snap);
}

std::string Lab::open_link(const std::string& payload) {
    LinkDecode in = decode_link(payload);
    if (!in.error.empty()) return in.error;
    LabSnapshot& snap = in.snapshot;
    for (const Point& p : snap.points)
        if (auto problem = point_problem(p, is_regression(snap.settings.dataset)); !problem.empty())
            return "the link holds a point that does not fit its data set: " + problem;
    Trainer trainer(snap.settings);
    trainer.set_points(std::move(snap.points));
    if (snap.moment) trainer.restore(snap.run);
    else trainer.reset();  // the starting point: exactly as a fresh lab with these points starts
    trainer_ = std::move(trainer);
    playing_ = false;
    undo_.clear();
    redo_.clear();
    const LinkView& v = snap.view;
    const Selection wanted{v.selected_layer, v.selected_i, v.selected_j, v.selected_bias};
    selection_ = validate_selection(wanted).empty() ? wanted : Selection{};
    inspected_ = {v.inspect_batch, v.inspect_index};
    edge_mode_ = v.edge_mode == 1 ? EdgeMode::Gradients : EdgeMode::Weights;
    speed_ = std::min(v.speed, kMaxSpeed);
    set_locks(v.flags);
    changed();
    return "";
}

}  // namespace bp
