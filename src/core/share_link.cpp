// ShareLink: encoding and checked decoding of the lab's state.
#include "core/share_link.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace bp {

namespace {

class Writer {
public:
    void u8(unsigned v) { bytes.push_back(static_cast<uint8_t>(v)); }
    void u16(unsigned v) { put(v, 2); }
    void u32(uint32_t v) { put(v, 4); }
    void u64(uint64_t v) { put(v, 8); }
    void f64(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, 8);
        put(bits, 8);
    }
    void f32(float v) {
        uint32_t bits;
        std::memcpy(&bits, &v, 4);
        put(bits, 4);
    }
    // 7 bits a byte, low first; the high bit says another byte follows.
    void varint(uint64_t v) {
        for (; v >= 0x80; v >>= 7) bytes.push_back(static_cast<uint8_t>(v | 0x80));
        bytes.push_back(static_cast<uint8_t>(v));
    }
    std::vector<uint8_t> bytes;

private:
    void put(uint64_t v, int n) {
        for (int k = 0; k < n; ++k) bytes.push_back(static_cast<uint8_t>(v >> (8 * k)));
    }
};

// Reads with a bounds check on every field; the first problem sticks and later reads give zeros.
class Reader {
public:
    explicit Reader(const std::vector<uint8_t>& b) : bytes_(b) {}
    unsigned u8() { return static_cast<unsigned>(get(1)); }
    unsigned u16() { return static_cast<unsigned>(get(2)); }
    uint32_t u32() { return static_cast<uint32_t>(get(4)); }
    uint64_t u64() { return get(8); }
    double f64() {
        const uint64_t bits = get(8);
        double v;
        std::memcpy(&v, &bits, 8);
        return v;
    }
    float f32() {
        const uint32_t bits = static_cast<uint32_t>(get(4));
        float v;
        std::memcpy(&v, &bits, 4);
        return v;
    }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const uint64_t byte = get(1);
            v |= (byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        fail("the link holds a number that cannot be read");
        return 0;
    }
    size_t position() const { return pos_; }
    bool ok() const { return error.empty(); }
    bool at_end() const { return pos_ == bytes_.size(); }
    void fail(const std::string& message) {
        if (error.empty()) error = message;
    }
    std::string error;

private:
    uint64_t get(int n) {
        if (!error.empty()) return 0;
        if (bytes_.size() - pos_ < static_cast<size_t>(n)) {
            error = "the link is cut short (it may have been truncated when copied)";
            return 0;
        }
        uint64_t v = 0;
        for (int k = 0; k < n; ++k) v |= static_cast<uint64_t>(bytes_[pos_ + k]) << (8 * k);
        pos_ += n;
        return v;
    }
    const std::vector<uint8_t>& bytes_;
    size_t pos_ = 0;
};

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void write_settings(Writer& w, const TrainingSettings& s) {
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

void read_settings(Reader& r, TrainingSettings& s) {
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

// v3: the regularization and the optimizer, after the rest of the settings: their kinds in one byte
// (bits 0-1 the regularization, bits 2-3 the optimizer), then only the numbers the kinds use, so the
// default lab's link (and its QR code) grows by one byte.
void write_training_rules(Writer& w, const TrainingSettings& s) {
    w.u8(static_cast<unsigned>(s.regularization.kind) | static_cast<unsigned>(s.optimizer.kind) << 2);
    if (s.regularization.on()) w.f64(s.regularization.rate);
    if (s.optimizer.kind == OptimizerKind::Momentum) w.f64(s.optimizer.beta);
    if (s.optimizer.kind == OptimizerKind::Adam) {
        w.f64(s.optimizer.beta1);
        w.f64(s.optimizer.beta2);
        w.f64(s.optimizer.epsilon);
    }
}

void read_training_rules(Reader& r, TrainingSettings& s) {
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

// v3: one parameter-shaped block of optimizer state (velocity, m or v): every dW^l then db^l, f64,
// in the shapes the layer sizes give (zeros where the state has no such layer: a fresh state).
void write_block(Writer& w, const Gradients& g, const std::vector<int>& sizes) {
    for (size_t l = 1; l < sizes.size(); ++l) {
        const bool fits = l - 1 < g.dW.size() && g.dW[l - 1].rows() == sizes[l - 1] && g.dW[l - 1].cols() == sizes[l] &&
                          g.db[l - 1].size() == sizes[l];
        for (Eigen::Index k = 0; k < Eigen::Index(sizes[l - 1]) * sizes[l]; ++k) w.f64(fits ? g.dW[l - 1].data()[k] : 0.0);
        for (Eigen::Index j = 0; j < sizes[l]; ++j) w.f64(fits ? g.db[l - 1](j) : 0.0);
    }
}

// Reads a block in the network's shapes; false (with the reader failed) on a value that is not
// finite, or negative where it must not be (Adam's second moment).
bool read_block(Reader& r, const std::vector<int>& sizes, bool non_negative, Gradients& g) {
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

// The contents byte of a version 2 link.
constexpr unsigned kGeneratedData = 1, kHalfWalkedStep = 2, kLossHistory = 4, kTestLosses = 8;
// The view's switches of a version 3 link.
constexpr unsigned kDiscretize = 1, kShowTestPoints = 2;

void write_points(Writer& w, const std::vector<Point>& points, bool regression) {
    w.u16(static_cast<unsigned>(points.size()));
    for (const Point& p : points) {
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

}  // namespace

std::string base64url_encode(const std::vector<uint8_t>& bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 63];
    return out;
}

bool base64url_decode(const std::string& text, std::vector<uint8_t>& bytes) {
    bytes.clear();
    if (text.size() % 4 == 1) return false;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const char* at = std::strchr(kAlphabet, c);
        if (c == '\0' || !at) return false;
        buffer = (buffer << 6) | static_cast<uint32_t>(at - kAlphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<uint8_t>(buffer >> bits));
        }
    }
    return (buffer & ((1u << bits) - 1)) == 0;  // the unused low bits of the last character
}

uint32_t crc32(const uint8_t* bytes, size_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t k = 0; k < size; ++k) {
        crc ^= bytes[k];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string encode_link(const LabSnapshot& snap) {
    Writer w;
    w.u8('B');
    w.u8('L');
    w.u8(kLinkVersion);
    w.u8(snap.moment ? 1 : 0);
    const bool phased = snap.moment && snap.phases_walked > 0;
    const bool history = snap.moment && !snap.run.history.empty();
    bool test_losses = false;
    for (const LossSample& h : snap.run.history) test_losses |= !std::isnan(h.test_loss);
    w.u8((snap.generated_data ? kGeneratedData : 0) | (phased ? kHalfWalkedStep : 0) | (history ? kLossHistory : 0) |
         (history && test_losses ? kTestLosses : 0));
    write_settings(w, snap.settings);
    write_training_rules(w, snap.settings);
    const LinkView& v = snap.view;
    w.u8(static_cast<unsigned>(v.selected_layer));
    w.u8(static_cast<unsigned>(v.selected_i));
    w.u8(static_cast<unsigned>(v.selected_j));
    w.u8(v.selected_bias ? 1 : 0);
    w.u8(v.inspect_batch ? 1 : 0);
    w.u16(static_cast<unsigned>(v.inspect_index));
    w.u8(static_cast<unsigned>(v.edge_mode));
    w.f64(v.speed);
    w.u32(v.flags);
    w.u8((v.discretize ? kDiscretize : 0) | (v.show_test_points ? kShowTestPoints : 0));
    const bool regression = is_regression(snap.settings.dataset);
    if (!snap.generated_data) write_points(w, snap.points, regression);
    if (snap.moment) {
        const RunState& run = snap.run;
        const std::vector<int> sizes = snap.settings.layer_sizes();
        w.u64(static_cast<uint64_t>(run.step));
        w.u64(static_cast<uint64_t>(run.epoch));
        w.u64(static_cast<uint64_t>(run.samples_seen));
        for (uint64_t s : run.epoch_rng.s) w.u64(s);
        w.u32(run.cursor);
        for (size_t l = 0; l < run.W.size(); ++l) {
            for (Eigen::Index k = 0; k < run.W[l].size(); ++k) w.f64(run.W[l].data()[k]);
            for (Eigen::Index j = 0; j < run.b[l].size(); ++j) w.f64(run.b[l](j));
        }
        switch (snap.settings.optimizer.kind) {
            case OptimizerKind::Sgd: break;
            case OptimizerKind::Momentum: write_block(w, run.optimizer.velocity, sizes); break;
            case OptimizerKind::Adam:
                w.u64(static_cast<uint64_t>(run.optimizer.t));
                write_block(w, run.optimizer.first, sizes);
                write_block(w, run.optimizer.second, sizes);
                break;
        }
        if (phased) w.u8(static_cast<unsigned>(snap.phases_walked));
        if (history) {
            const size_t n = std::min(run.history.size(), kLinkHistory);
            w.u8(static_cast<unsigned>(n));
            int64_t previous = 0;
            for (size_t k = 0; k < n; ++k) {
                const LossSample& h = run.history[k];
                w.varint(static_cast<uint64_t>(h.step - previous));
                previous = h.step;
                w.f32(static_cast<float>(h.loss));
                if (test_losses) w.f32(static_cast<float>(h.test_loss));
            }
        }
    }
    const uint32_t check = crc32(w.bytes.data(), w.bytes.size());
    w.u32(check);
    return base64url_encode(w.bytes);
}

LinkDecode decode_link(const std::string& text) {
    LinkDecode out;
    auto fail = [&](const std::string& message) {
        out.error = message;
        out.snapshot = {};
        return out;
    };
    if (text.empty()) return fail("the link holds no lab state");
    if (text.size() > kMaxLinkLength) return fail("the link is too long to be a Backprop Lab link");
    std::vector<uint8_t> bytes;
    if (!base64url_decode(text, bytes)) return fail("the link has characters a Backprop Lab link never contains (it may be damaged)");
    if (bytes.size() < 3 || bytes[0] != 'B' || bytes[1] != 'L') return fail("this is not a Backprop Lab link");
    const unsigned version = bytes[2];
    if (version < 1 || version > kLinkVersion)
        return fail("the link was made by " + std::string(version > kLinkVersion ? "a newer" : "an unknown") +
                    " version of the lab (format " + std::to_string(version) + "); this page reads formats 1 to " +
                    std::to_string(kLinkVersion));
    if (version >= 2) {  // the last four bytes check all the others
        if (bytes.size() < 8) return fail("the link is cut short (it may have been truncated when copied)");
        const size_t body = bytes.size() - 4;
        uint32_t stored = 0;
        for (int k = 0; k < 4; ++k) stored |= static_cast<uint32_t>(bytes[body + k]) << (8 * k);
        if (stored != crc32(bytes.data(), body))
            return fail("the link is damaged (its check digits do not match: part of it was changed or lost when "
                        "it was copied); ask for it again");
        bytes.resize(body);
    }
    Reader r(bytes);
    r.u8();
    r.u8();
    r.u8();
    LabSnapshot& snap = out.snapshot;
    const unsigned kind = r.u8();
    if (kind > 1) r.fail("the link is of an unknown kind");
    snap.moment = kind == 1;
    const unsigned contents = version >= 2 ? r.u8() : 0;
    if (contents > 15 || (!snap.moment && (contents & (kHalfWalkedStep | kLossHistory))) ||
        ((contents & kTestLosses) && !(contents & kLossHistory)))
        r.fail("the link says it holds parts it cannot hold");
    snap.generated_data = (contents & kGeneratedData) != 0;
    read_settings(r, snap.settings);
    if (version >= 3) read_training_rules(r, snap.settings);
    if (!r.ok()) return fail(r.error);
    if (auto problem = validate(snap.settings); !problem.empty()) return fail("the link's settings are impossible: " + problem);

    LinkView& v = snap.view;
    v.selected_layer = static_cast<int>(r.u8());
    v.selected_i = static_cast<int>(r.u8());
    v.selected_j = static_cast<int>(r.u8());
    v.selected_bias = r.u8() != 0;
    v.inspect_batch = r.u8() != 0;
    v.inspect_index = static_cast<int>(r.u16());
    v.edge_mode = static_cast<int>(r.u8());
    v.speed = r.f64();
    v.flags = r.u32();
    const unsigned switches = version >= 3 ? r.u8() : kShowTestPoints;
    v.discretize = (switches & kDiscretize) != 0;
    v.show_test_points = (switches & kShowTestPoints) != 0;
    if (r.ok() && (!std::isfinite(v.speed) || v.speed < 1.0 || v.speed > 1e6 || v.edge_mode > 1 || switches > 3))
        return fail("the link's view settings are impossible");

    const bool regression = is_regression(snap.settings.dataset);
    const unsigned count = snap.generated_data ? 0 : r.u16();
    if (count > static_cast<unsigned>(kMaxPoints)) return fail("the link holds more than " + std::to_string(kMaxPoints) + " points");
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
    if (!r.ok()) return fail(r.error);

    if (snap.moment) {
        RunState& run = snap.run;
        run.step = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
        run.epoch = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
        run.samples_seen = static_cast<int64_t>(r.u64() & 0x3FFFFFFFFFFFFFFFull);
        for (uint64_t& s : run.epoch_rng.s) s = r.u64();
        run.cursor = r.u32();
        const std::vector<int> sizes = snap.settings.layer_sizes();
        for (size_t l = 1; l < sizes.size() && r.ok(); ++l) {
            run.W.emplace_back(Matrix::Zero(sizes[l - 1], sizes[l]));
            run.b.emplace_back(RowVector::Zero(sizes[l]));
            for (Eigen::Index k = 0; k < run.W.back().size(); ++k) run.W.back().data()[k] = r.f64();
            for (Eigen::Index j = 0; j < run.b.back().size(); ++j) run.b.back()(j) = r.f64();
            if (r.ok() && (!run.W.back().allFinite() || !run.b.back().allFinite()))
                return fail("the link holds a weight that is not a finite number");
            if (r.ok() && (run.W.back().cwiseAbs().maxCoeff() > kMaxParameter || run.b.back().cwiseAbs().maxCoeff() > kMaxParameter))
                return fail("the link holds a weight beyond \u00b11,000,000, which training never reaches (it stops "
                            "first): the link was made by hand or damaged");
        }
        switch (snap.settings.optimizer.kind) {  // only version 3 names another optimizer than SGD
            case OptimizerKind::Sgd: break;
            case OptimizerKind::Momentum: read_block(r, sizes, false, run.optimizer.velocity); break;
            case OptimizerKind::Adam: {
                const uint64_t t = r.u64();
                if (r.ok() && t > static_cast<uint64_t>(run.step))
                    return fail("the link's optimizer has taken more steps than the run");
                run.optimizer.t = static_cast<int64_t>(t);
                if (read_block(r, sizes, false, run.optimizer.first)) read_block(r, sizes, true, run.optimizer.second);
                break;
            }
        }
        int training_points = 0;
        for (const Point& p : snap.points) training_points += !p.test;
        if (r.ok() && run.cursor >= static_cast<uint32_t>(std::max(training_points, 1)))
            return fail("the link's position in the epoch is past its last training point");
        if (r.ok() && (run.epoch > run.step || run.samples_seen < run.step))
            return fail("the link's step, epoch and sample counters do not fit together");
        if (contents & kHalfWalkedStep) {
            snap.phases_walked = static_cast<int>(r.u8());
            const int most = phases_per_step(static_cast<int>(sizes.size()) - 1) - 1;  // all but the update
            if (r.ok() && (snap.phases_walked < 1 || snap.phases_walked > most || training_points == 0))
                return fail("the link's half-walked step is impossible");
        }
        if (contents & kLossHistory) {
            const unsigned n = r.u8();
            if (r.ok() && (n < 1 || n > kLinkHistory)) return fail("the link's loss history is impossible");
            int64_t step = 0;
            for (unsigned k = 0; k < n && r.ok(); ++k) {
                const uint64_t increase = r.varint();
                if (increase > static_cast<uint64_t>(run.step - step) || (k > 0 && increase == 0)) {
                    r.fail("the link's loss history is impossible");
                    break;
                }
                step += static_cast<int64_t>(increase);
                const double loss = r.f32();
                const double test_loss = (contents & kTestLosses) ? r.f32() : std::numeric_limits<double>::quiet_NaN();
                if (r.ok() && (!(loss >= 0.0) || !std::isfinite(loss) || !(std::isnan(test_loss) || (test_loss >= 0.0 && std::isfinite(test_loss))))) {
                    r.fail("the link's loss history holds an impossible loss");
                    break;
                }
                run.history.push_back({step, loss, test_loss});
            }
        }
    }
    if (!r.ok()) return fail(r.error);
    if (!r.at_end()) return fail("the link has bytes after its end (it may have been damaged)");
    return out;
}

}  // namespace bp
