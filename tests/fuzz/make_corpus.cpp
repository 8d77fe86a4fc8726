// Writes the fuzzer's seed corpus: links of the seed preset (the moment and the starting point), of a
// regression run, of a deep network, and of Adam and momentum runs with regularization (format 3).
// Run once; the files are committed under tests/fuzz/corpus.
#include <cstdio>
#include <string>

#include "core/share_link.h"

namespace {
void write(const char* name, const bp::TrainingSettings& settings, int steps, bool moment) {
    bp::Trainer trainer(settings);
    trainer.run(steps);
    bp::LabSnapshot s;
    s.moment = moment;
    s.settings = trainer.settings();
    s.points = trainer.points();
    if (moment) s.run = trainer.run_state();
    const std::string link = bp::encode_link(s);
    if (std::FILE* f = std::fopen(name, "wb")) {
        std::fwrite(link.data(), 1, link.size(), f);
        std::fclose(f);
    }
}
}  // namespace

int main() {
    bp::TrainingSettings seed;
    write("seed_moment", seed, 137, true);
    write("seed_start", seed, 0, false);
    bp::TrainingSettings curve;
    curve.dataset = bp::DatasetKind::Curve;
    curve.features = {bp::Feature::X1, bp::Feature::X1Sq};
    curve.output_activation = bp::Activation::Linear;
    curve.point_count = 40;
    curve.test_fraction = 0.25;
    write("curve_moment", curve, 50, true);
    bp::TrainingSettings deep;
    deep.hidden = {8, 8, 8, 8, 8, 8};
    deep.features = {bp::Feature::X1, bp::Feature::X2};
    deep.point_count = 30;
    write("deep_moment", deep, 10, true);
    // Format 3's parts: Adam's moments with L2, and momentum's velocity with L1.
    bp::TrainingSettings adam;
    adam.optimizer.kind = bp::OptimizerKind::Adam;
    adam.regularization = {bp::RegularizationKind::L2, 0.01};
    adam.point_count = 40;
    write("adam_moment", adam, 20, true);
    bp::TrainingSettings momentum;
    momentum.optimizer.kind = bp::OptimizerKind::Momentum;
    momentum.regularization = {bp::RegularizationKind::L1, 0.001};
    momentum.point_count = 30;
    write("momentum_moment", momentum, 15, true);
    return 0;
}
