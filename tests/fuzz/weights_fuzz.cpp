// libFuzzer target on the weights-JSON import (app/lab/lab_files.h): any text either is refused with
// a message and leaves the lab exactly as it was (settings, weights, biases, counters, points), or
// gives valid settings and finite weights that export and import back to the same state, and the lab
// trains on. A refused import changes nothing, so one lab serves every input until one is accepted.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lab/lab_files.h"
#include "app/lab/settings_json.h"

namespace {

// Everything an import may change.
struct State {
    nlohmann::json settings;
    bp::Network network;
    long long step = 0, epoch = 0;
    std::vector<bp::Point> points;

    explicit State(const bp::Lab& lab)
        : settings(bp::settings_json(lab.settings())),
          network(lab.trainer().network()),
          step(lab.trainer().step_count()),
          epoch(lab.trainer().epoch_count()),
          points(lab.trainer().points()) {}
};

bool same_parameters(const bp::Network& a, const bp::Network& b) {
    if (a.sizes != b.sizes || a.W.size() != b.W.size() || a.b.size() != b.b.size()) return false;
    for (size_t l = 0; l < a.W.size(); ++l)
        if (a.W[l] != b.W[l] || a.b[l] != b.b[l]) return false;
    return true;
}

bool same(const State& a, const State& b) {
    return a.settings == b.settings && same_parameters(a.network, b.network) && a.step == b.step &&
           a.epoch == b.epoch && a.points == b.points;
}

bool all_finite(const bp::Network& n) {
    for (const auto& W : n.W)
        if (!W.allFinite()) return false;
    for (const auto& b : n.b)
        if (!b.allFinite()) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::unique_ptr<bp::Lab> lab;
    static std::unique_ptr<State> before;
    if (!lab) {
        lab = std::make_unique<bp::Lab>();
        lab->train(2);  // counters and weights that a refused import must leave alone
        before = std::make_unique<State>(*lab);
    }
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string error = bp::import_weights_json(*lab, text);
    if (!error.empty()) {
        if (!same(State(*lab), *before)) std::abort();
        return 0;
    }
    std::unique_ptr<bp::Lab> accepted = std::move(lab);  // the next input starts from a fresh lab
    if (!bp::validate(accepted->settings()).empty() || !all_finite(accepted->trainer().network())) std::abort();
    // The export of the imported state imports to the same settings and parameters.
    bp::Lab other;
    if (!bp::import_weights_json(other, bp::export_weights_json(*accepted)).empty()) std::abort();
    if (bp::settings_json(other.settings()) != bp::settings_json(accepted->settings()) ||
        !same_parameters(other.trainer().network(), accepted->trainer().network()))
        std::abort();
    accepted->train(2);
    return 0;
}
