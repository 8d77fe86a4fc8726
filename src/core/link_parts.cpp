// Link parts: each part of a share link's record written, and read back with every field checked.
#include "core/link_parts.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace bp {

namespace {

// One parameter-shaped block of optimizer state (velocity, m or v): every dW^l then db^l, f64, in
// the shapes the layer sizes give (zeros where the state has no such layer: a fresh state).
void write_block(LinkWriter& w, const Gradients& g, const std::vector<int>& sizes) {
    for (size_t l = 1; l < sizes.size(); ++l) {
        const bool fits = l - 1 < g.dW.size() && g.dW[l - 1].rows() == sizes[l - 1] && g.dW[l - 1].cols() == sizes[l] &&
                          g.db[l - 1].size() == sizes[l];
        for (Eigen::Index k = 0; k < Eigen::Index(sizes[l - 1]) * sizes[l]; ++k) w.f64(fits ? g.dW[l - 1].data()[k] : 0.0);
        for (Eigen::Index j = 0; j < sizes[l]; ++j) w.f64(fits ? g.db[l - 1](j) : 0.0);
    }
}

// Reads a block in the network's shapes; false (with the reader failed) on a value that is not
// finite, or negative where it must not be (Adam's second moment).
bool read_block(LinkReader& r, const std::vector<int>& sizes, bool non_negative, Gradients& g) {
    for (size_t l = 1; l < sizes.size() && r.ok(); ++l) {
        g.dW.emplace_back(Matrix::Zero(sizes[l - 1], sizes[l]));
        g.db.emplace_back(RowVector::Zero(sizes[l]));
        for (Eigen::Index k = 0; k < g.dW.back().size(); ++k) g.dW.back().data()[k] = r.f64();
        for (Eigen::Index j = 0; j < g.db.back().size(); ++j) g.db.back()(j) = r.f64();
        if (!r.ok()) break;
        const bool finite = g.dW.back().allFinite() && g.db.back().allFinite();
        const bool signs = !non_negative || (g.dW.back().minCoeff() >= 0.0 && g.db.back().minCoeff() >= 0.0);
        if (!finite || !signs) {
            r.fail("the link holds an optimizer state that is impossible (not finite, or a negative second moment)");
            return false;
        }
    }
    return r.ok();
}

int training_point_count(const std::vector<Point>& points) {
    int n = 0;
    for (const Point& p : points) n += !p.test;
    return n;
}

}  // namespace

void read_kind(LinkReader& r, LabSnapshot& snap) {
    const unsigned kind = r.u8();
    if (kind > 1) r.fail("the link is of an unknown kind");
    snap.moment = kind == 1;
}

unsigned contents_of(const LabSnapshot& snap) {
    const bool phased = snap.moment && snap.phases_walked > 0;
    const bool history = snap.moment && !snap.run.history.empty();
    bool test_losses = false;
    for (const LossSample& h : snap.run.history) test_losses |= !std::isnan(h.test_loss);
    return (snap.generated_data ? kGeneratedData : 0) | (phased ? kHalfWalkedStep : 0) | (history ? kLossHistory : 0) |
           (history && test_losses ? kTestLosses : 0);
}

unsigned read_contents(LinkReader& r, LabSnapshot& snap) {
    const unsigned contents = r.u8();
    if (contents > 15 || (!snap.moment && (contents & (kHalfWalkedStep | kLossHistory))) ||
        ((contents & kTestLosses) && !(contents & kLossHistory)))
        r.fail("the link says it holds parts it cannot hold");
    snap.generated_data = (contents & kGeneratedData) != 0;
    return contents;
}

void write_settings(LinkWriter& w, const TrainingSettings& s) {
    w.u8(static_cast<unsigned>(s.features.size()));
    for (Feature f : s.features) w.u8(static_cast<unsigned>(f));
    w.u8(static_cast<unsigned>(s.hidden.size()));
    for (int n : s.hidden) w.u8(static_cast<unsigned>(n));
    w.u8(static_cast<unsigned>(s.hidden_activation));
    w.u8(static_cast<unsigned>(s.output_activation));
    w.u8(static_cast<unsigned>(s.loss));
    w.u8(static_cast<unsigned>(s.dataset));
    w.f64(s.learning_rate);
    w.u16(static_cast<unsigned>(s.batch_size));
    w.u64(s.seed);
    w.f64(s.noise);
    w.f64(s.test_fraction);
    w.u16(static_cast<unsigned>(s.point_count));
}

void read_settings(LinkReader& r, TrainingSettings& s) {
    const unsigned features = r.u8();
    if (features < 1 || features > static_cast<unsigned>(kMaxInputs)) r.fail("the link names an impossible number of inputs");
    s.features.clear();
    for (unsigned k = 0; k < features && r.ok(); ++k) {
        const unsigned id = r.u8();
        if (id >= std::size(kAllFeatures)) r.fail("the link names an unknown input feature");
        s.features.push_back(static_cast<Feature>(id % std::size(kAllFeatures)));
    }
    const unsigned hidden = r.u8();
    if (hidden > static_cast<unsigned>(kMaxHiddenLayers)) r.fail("the link has too many hidden layers");
    s.hidden.clear();
    for (unsigned k = 0; k < hidden && r.ok(); ++k) s.hidden.push_back(static_cast<int>(r.u8()));
    const unsigned hidden_f = r.u8(), output_f = r.u8(), loss = r.u8(), dataset = r.u8();
    if (hidden_f >= std::size(kAllActivations) || output_f >= std::size(kAllActivations))
        r.fail("the link names an unknown activation");
    if (loss >= std::size(kAllLosses)) r.fail("the link names an unknown loss");
    if (dataset >= std::size(kAllDatasets)) r.fail("the link names an unknown data set");
    if (!r.ok()) return;
    s.hidden_activation = static_cast<Activation>(hidden_f);
    s.output_activation = static_cast<Activation>(output_f);
    s.loss = static_cast<Loss>(loss);
    s.dataset = static_cast<DatasetKind>(dataset);
    s.learning_rate = r.f64();
    s.batch_size = static_cast<int>(r.u16());
    s.seed = r.u64();
    s.noise = r.f64();
    s.test_fraction = r.f64();
    s.point_count = static_cast<int>(r.u16());
}

// The kinds in one byte (bits 0-1 the regularization, bits 2-3 the optimizer), then only the numbers
// the kinds use, so the default lab's link (and its QR code) grows by one byte.
void write_training_rules(LinkWriter& w, const TrainingSettings& s) {
    w.u8(static_cast<unsigned>(s.regularization.kind) | static_cast<unsigned>(s.optimizer.kind) << 2);
    if (s.regularization.on()) w.f64(s.regularization.rate);
    if (s.optimizer.kind == OptimizerKind::Momentum) w.f64(s.optimizer.beta);
    if (s.optimizer.kind == OptimizerKind::Adam) {
        w.f64(s.optimizer.beta1);
        w.f64(s.optimizer.beta2);
        w.f64(s.optimizer.epsilon);
    }
}

void read_training_rules(LinkReader& r, TrainingSettings& s) {
    const unsigned kinds = r.u8();
    const unsigned regularization = kinds & 3, optimizer = kinds >> 2;
    if (regularization >= std::size(kAllRegularizations)) r.fail("the link names an unknown regularization");
    if (optimizer >= std::size(kAllOptimizers)) r.fail("the link names an unknown optimizer");
    if (!r.ok()) return;
    s.regularization.kind = static_cast<RegularizationKind>(regularization);
    s.optimizer.kind = static_cast<OptimizerKind>(optimizer);
    if (s.regularization.on()) s.regularization.rate = r.f64();
    if (s.optimizer.kind == OptimizerKind::Momentum) s.optimizer.beta = r.f64();
    if (s.optimizer.kind == OptimizerKind::Adam) {
        s.optimizer.beta1 = r.f64();
        s.optimizer.beta2 = r.f64();
        s.optimizer.epsilon = r.f64();
    }
}

bool settings_possible(LinkReader& r, const TrainingSettings& s) {
    if (!r.ok()) return false;
    if (auto problem = validate(s); !problem.empty()) r.fail("the link's settings are impossible: " + problem);
    return r.ok();
}

void write_view(LinkWriter& w, const LinkView& v) {
    w.u8(static_cast<unsigned>(v.selected_layer));
    w.u8(static_cast<unsigned>(v.selected_i));
    w.u8(static_cast<unsigned>(v.selected_j));
    w.u8(v.selected_bias ? 1 : 0);
    w.u8(v.inspect_batch ? 1 : 0);
    w.u16(static_cast<unsigned>(v.inspect_index));
    w.u8(static_cast<unsigned>(v.edge_mode));
    w.f64(v.speed);
    w.u32(v.flags);
}

void read_view(LinkReader& r, LinkView& v) {
    v.selected_layer = static_cast<int>(r.u8());
    v.selected_i = static_cast<int>(r.u8());
    v.selected_j = static_cast<int>(r.u8());
    v.selected_bias = r.u8() != 0;
    v.inspect_batch = r.u8() != 0;
    v.inspect_index = static_cast<int>(r.u16());
    v.edge_mode = static_cast<int>(r.u8());
    v.speed = r.f64();
    v.flags = r.u32();
}

void write_view_switches(LinkWriter& w, const LinkView& v) {
    w.u8((v.discretize ? kDiscretize : 0) | (v.show_test_points ? kShowTestPoints : 0));
}

void read_view_switches(LinkReader& r, LinkView& v) {
    const unsigned switches = r.u8();
    if (switches > 3) r.fail("the link's view settings are impossible");
    v.discretize = (switches & kDiscretize) != 0;
    v.show_test_points = (switches & kShowTestPoints) != 0;
}

bool view_possible(LinkReader& r, const LinkView& v) {
    if (r.ok() && (!std::isfinite(v.speed) || v.speed < 1.0 || v.speed > 1e6 || v.edge_mode > 1))
        r.fail("the link's view settings are impossible");
    return r.ok();
}

void write_points(LinkWriter& w, const LabSnapshot& snap) {
    if (snap.generated_data) return;
    const bool regression = is_regression(snap.settings.dataset);
    w.u16(static_cast<unsigned>(snap.points.size()));
    for (const Point& p : snap.points) {
        w.u16(grid_index(p.x1));
        w.u16(grid_index(p.x2));
        if (regression) {
            w.u16(grid_index(p.y));
            w.u8(p.test ? 2 : 0);
        } else {
            w.u8((p.y > 0.5 ? 1 : 0) | (p.test ? 2 : 0));
        }
    }
}

bool read_points(LinkReader& r, LabSnapshot& snap) {
    const bool regression = is_regression(snap.settings.dataset);
    const unsigned count = snap.generated_data ? 0 : r.u16();
    if (count > static_cast<unsigned>(kMaxPoints)) {
        r.fail("the link holds more than " + std::to_string(kMaxPoints) + " points");
        return false;
    }
    if (snap.generated_data && r.ok()) snap.points = generated_points(snap.settings);
    snap.points.reserve(r.ok() ? count : 0);
    for (unsigned k = 0; k < count && r.ok(); ++k) {
        Point p;
        p.x1 = grid_value(static_cast<uint16_t>(r.u16()));
        p.x2 = grid_value(static_cast<uint16_t>(r.u16()));
        const unsigned y = regression ? r.u16() : 0, bits = r.u8();
        if (bits > 3 || (regression && (bits & 1))) r.fail("the link holds a point that cannot be read");
        p.y = regression ? grid_value(static_cast<uint16_t>(y)) : static_cast<double>(bits & 1);
        p.test = (bits & 2) != 0;
        snap.points.push_back(p);
    }
    return r.ok();
}

void write_run(LinkWriter& w, const RunState& run) {
    w.u64(static_cast<uint64_t>(run.step));
    w.u64(static_cast<uint64_t>(run.epoch));
    w.u64(static_cast<uint64_t>(run.samples_seen));
    for (uint64_t s : run.epoch_rng.s) w.u64(s);
    w.u32(run.cursor);
    for (size_t l = 0; l < run.W.size(); ++l) {
        for (Eigen::Index k = 0; k < run.W[l].size(); ++k) w.f64(run.W[l].data()[k]);
        for (Eigen::Index j = 0; j < run.b[l].size(); ++j) w.f64(run.b[l](j));
    }
}

bool read_run(LinkReader& r, const TrainingSettings& s, RunState& run) {
    run.step = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
    run.epoch = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
    run.samples_seen = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
    for (uint64_t& word : run.epoch_rng.s) word = r.u64();
    run.cursor = r.u32();
    const std::vector<int> sizes = s.layer_sizes();
    for (size_t l = 1; l < sizes.size() && r.ok(); ++l) {
        run.W.emplace_back(Matrix::Zero(sizes[l - 1], sizes[l]));
        run.b.emplace_back(RowVector::Zero(sizes[l]));
        for (Eigen::Index k = 0; k < run.W.back().size(); ++k) run.W.back().data()[k] = r.f64();
        for (Eigen::Index j = 0; j < run.b.back().size(); ++j) run.b.back()(j) = r.f64();
        if (r.ok() && (!run.W.back().allFinite() || !run.b.back().allFinite()))
            r.fail("the link holds a weight that is not a finite number");
        if (r.ok() && (run.W.back().cwiseAbs().maxCoeff() > kMaxParameter || run.b.back().cwiseAbs().maxCoeff() > kMaxParameter))
            r.fail("the link holds a weight beyond \u00b11,000,000, which training never reaches (it stops first): the "
                   "link was made by hand or damaged");
    }
    return r.ok();
}

void write_optimizer_state(LinkWriter& w, const TrainingSettings& s, const RunState& run) {
    const std::vector<int> sizes = s.layer_sizes();
    switch (s.optimizer.kind) {
        case OptimizerKind::Sgd: break;
        case OptimizerKind::Momentum: write_block(w, run.optimizer.velocity, sizes); break;
        case OptimizerKind::Adam:
            w.u64(static_cast<uint64_t>(run.optimizer.t));
            write_block(w, run.optimizer.first, sizes);
            write_block(w, run.optimizer.second, sizes);
            break;
    }
}

bool read_optimizer_state(LinkReader& r, const TrainingSettings& s, RunState& run) {
    const std::vector<int> sizes = s.layer_sizes();
    switch (s.optimizer.kind) {
        case OptimizerKind::Sgd: break;
        case OptimizerKind::Momentum: read_block(r, sizes, false, run.optimizer.velocity); break;
        case OptimizerKind::Adam: {
            const uint64_t t = r.u64();
            if (r.ok() && t > static_cast<uint64_t>(run.step)) {
                r.fail("the link's optimizer has taken more steps than the run");
                return false;
            }
            run.optimizer.t = static_cast<int64_t>(t);
            if (read_block(r, sizes, false, run.optimizer.first)) read_block(r, sizes, true, run.optimizer.second);
            break;
        }
    }
    return r.ok();
}

bool run_possible(LinkReader& r, const LabSnapshot& snap) {
    const RunState& run = snap.run;
    if (r.ok() && run.cursor >= static_cast<uint32_t>(std::max(training_point_count(snap.points), 1)))
        r.fail("the link's position in the epoch is past its last training point");
    if (r.ok() && (run.epoch > run.step || run.samples_seen < run.step))
        r.fail("the link's step, epoch and sample counters do not fit together");
    return r.ok();
}

void write_half_walked_step(LinkWriter& w, const LabSnapshot& snap) { w.u8(static_cast<unsigned>(snap.phases_walked)); }

bool read_half_walked_step(LinkReader& r, LabSnapshot& snap) {
    snap.phases_walked = static_cast<int>(r.u8());
    const int most = phases_per_step(static_cast<int>(snap.settings.hidden.size()) + 1) - 1;  // all but the update
    if (r.ok() && (snap.phases_walked < 1 || snap.phases_walked > most || training_point_count(snap.points) == 0))
        r.fail("the link's half-walked step is impossible");
    return r.ok();
}

void write_loss_history(LinkWriter& w, const RunState& run, bool test_losses) {
    const size_t n = std::min(run.history.size(), kLinkHistory);
    w.u8(static_cast<unsigned>(n));
    int64_t previous = 0;
    for (size_t k = 0; k < n; ++k) {
        const LossSample& h = run.history[k];
        w.varint(static_cast<uint64_t>(h.step - previous));  // the first whole, then the increase
        previous = h.step;
        w.f32(static_cast<float>(h.loss));
        if (test_losses) w.f32(static_cast<float>(h.test_loss));
    }
}

bool read_loss_history(LinkReader& r, bool test_losses, RunState& run) {
    const unsigned n = r.u8();
    if (r.ok() && (n < 1 || n > kLinkHistory)) {
        r.fail("the link's loss history is impossible");
        return false;
    }
    int64_t step = 0;
    for (unsigned k = 0; k < n && r.ok(); ++k) {
        const uint64_t increase = r.varint();
        if (increase > static_cast<uint64_t>(run.step - step) || (k > 0 && increase == 0)) {
            r.fail("the link's loss history is impossible");
            break;
        }
        step += static_cast<int64_t>(increase);
        const double loss = r.f32();
        const double test_loss = test_losses ? r.f32() : std::numeric_limits<double>::quiet_NaN();
        const bool test_possible = std::isnan(test_loss) || (test_loss >= 0.0 && std::isfinite(test_loss));
        if (r.ok() && (!(loss >= 0.0) || !std::isfinite(loss) || !test_possible)) {
            r.fail("the link's loss history holds an impossible loss");
            break;
        }
        run.history.push_back({step, loss, test_loss});
    }
    return r.ok();
}

}  // namespace bp
