// Lab: the share link of the current state, and opening one.
#include <algorithm>

#include "app/lab/lab.h"

namespace bp {

namespace {
// At most kLinkHistory samples, evenly spread over the run, the first and the last always kept: the
// shape the loss plot draws.
std::vector<LossSample> thinned(const std::vector<LossSample>& all) {
    if (all.size() <= kLinkHistory) return all;
    std::vector<LossSample> out;
    for (size_t k = 0; k < kLinkHistory; ++k) out.push_back(all[k * (all.size() - 1) / (kLinkHistory - 1)]);
    return out;
}

}  // namespace

std::string Lab::share_link(bool moment, uint32_t link_locks) const {
    LabSnapshot snap;
    snap.moment = moment;
    snap.settings = trainer_.settings();
    snap.points = trainer_.points();
    // Data generated and never edited travels as its settings alone: a short link (and QR code).
    snap.generated_data = data_is_generated();
    if (moment) {
        snap.run = trainer_.run_state();
        snap.phases_walked = phases_walked(trainer_.phase(), trainer_.network().layer_count());
        // The plot as it is, up to the step the link starts from (mid-step: before the begun step).
        for (const LossSample& h : thinned(trainer_.history().samples()))
            if (h.step <= snap.run.step) snap.run.history.push_back(h);
    }
    LinkView& v = snap.view;
    v.selected_layer = selection_.layer;
    v.selected_i = selection_.i;
    v.selected_j = selection_.j;
    v.selected_bias = selection_.is_bias;
    // A half-walked step is walked again on opening, so its batch sample can be shared as one; else
    // the link carries no last batch (its pass needs the weights before the last update), and a
    // batch sample is shared as the data point it is, inspected on the current weights.
    v.inspect_batch = snap.phases_walked > 0 && inspecting_batch();
    v.inspect_index = std::clamp(v.inspect_batch ? inspected_.index : inspected_point(), 0, 65535);
    v.edge_mode = edge_mode_ == EdgeMode::Gradients ? 1 : 0;
    v.speed = clock_.speed();
    v.discretize = display_.discretize;
    v.show_test_points = display_.show_test_points;
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
    for (int k = 0; k < snap.phases_walked; ++k) trainer.advance_phase();  // the half-walked step, again
    trainer_ = std::move(trainer);
    playing_ = false;
    history_.clear();
    const LinkView& v = snap.view;
    const Selection wanted{v.selected_layer, v.selected_i, v.selected_j, v.selected_bias};
    selection_ = validate_selection(wanted).empty() ? wanted : Selection{};
    inspected_ = {v.inspect_batch, v.inspect_index};
    edge_mode_ = v.edge_mode == 1 ? EdgeMode::Gradients : EdgeMode::Weights;
    clock_.set_speed(std::min(v.speed, PlayClock::kMaxSpeed));
    display_ = {v.discretize, v.show_test_points};
    set_locks(v.flags);
    clock_.measure_anew();
    changed();
    return "";
}

}  // namespace bp
