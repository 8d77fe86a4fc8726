// Training and grid-evaluation throughput of the core, natively or as WebAssembly under Node.
// Prints "key value" lines for bench/table.mjs. Workloads (see docs/PERFORMANCE.md):
//   W1: 4-3-2-1 (x1, x2, x1², x2²), tanh hidden and output, mse, batch 10, 250 circle points, α 0.03
//   W2: 2 -> 6 hidden layers of 8 -> 1, otherwise the same.
// A training sample is its share of a step (forward, backward, update), including the full-set loss
// the trainer records after every epoch, as Play does. Each figure is the median of several runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/landscape.h"
#include "core/prediction.h"
#include "core/trainer.h"

using namespace bp;

namespace {

double now_s() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

TrainingSettings workload(const std::string& name) {
    TrainingSettings s;
    s.hidden_activation = Activation::Tanh;
    s.output_activation = Activation::Tanh;
    s.loss = Loss::Mse;
    s.batch_size = 10;
    s.point_count = 250;
    s.learning_rate = 0.03;
    if (name == "W1") {
        s.features = {Feature::X1, Feature::X2, Feature::X1Sq, Feature::X2Sq};
        s.hidden = {3, 2};
    } else {
        s.features = {Feature::X1, Feature::X2};
        s.hidden = {8, 8, 8, 8, 8, 8};
    }
    return s;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Samples per second: runs of `seconds` each after a warm-up; the median run.
double training_rate(const TrainingSettings& s, double seconds, int runs) {
    Trainer trainer(s);
    std::vector<double> rates;
    for (int r = -1; r < runs; ++r) {  // run -1 is the warm-up
        const double start = now_s();
        long steps = 0;
        while (now_s() - start < seconds) {
            steps += trainer.run(250);
            if (!trainer.error().empty()) trainer.reset();
        }
        const double elapsed = now_s() - start;
        if (r >= 0) rates.push_back(steps * s.batch_size / elapsed);
    }
    return median(rates);
}

// Milliseconds for one n x n evaluation of the output over the plane.
double grid_ms(const TrainingSettings& s, int n, double seconds, int runs) {
    Trainer trainer(s);
    trainer.run(100);
    std::vector<double> out;
    Pass scratch;
    std::vector<double> times;
    for (int r = -1; r < runs; ++r) {
        const double start = now_s();
        int evaluations = 0;
        while (now_s() - start < seconds / 4) {
            predict_grid(trainer.network(), trainer.settings().features, n, scratch, out);
            ++evaluations;
        }
        if (r >= 0) times.push_back((now_s() - start) * 1000.0 / evaluations);
    }
    return median(times);
}

// Milliseconds for one whole 21 x 21 loss landscape (with its gradient) of w^1_11 and w^1_21 (both in
// layer 1: every cell runs every layer, the dearest case) on the lab's default and largest settings.
double landscape_ms(const TrainingSettings& s, double seconds, int runs) {
    Trainer trainer(s);
    trainer.run(20);
    const ParameterRef a{1, 0, 0, false}, b{1, 1, 0, false};
    std::vector<double> times;
    for (int r = -1; r < runs; ++r) {
        const double start = now_s();
        int grids = 0;
        do {
            compute_landscape(trainer, a, b, 0.5, 21);
            ++grids;
        } while (now_s() - start < seconds / 4);
        if (r >= 0) times.push_back((now_s() - start) * 1000.0 / grids);
    }
    return median(times);
}

}  // namespace

int main(int argc, char** argv) {
    const char* env = std::getenv("BENCH_SECONDS");
    const double seconds = argc > 1 ? std::atof(argv[1]) : env ? std::atof(env) : 1.0;
    const int runs = 5;
    for (const char* name : {"W1", "W2"}) {
        const TrainingSettings s = workload(name);
        std::printf("%s_train_samples_per_s %.0f\n", name, training_rate(s, seconds, runs));
        std::fflush(stdout);
        for (int n : {48, 100, 400}) std::printf("%s_grid%d_ms %.4f\n", name, n, grid_ms(s, n, seconds, runs));
        std::fflush(stdout);
    }
    std::printf("landscape_default_ms %.4f\n", landscape_ms(TrainingSettings{}, seconds, runs));
    std::printf("landscape_largest_ms %.4f\n", landscape_ms(largest_settings(), seconds, runs));
    return 0;
}
