// Settings that go with a data set.
#include "app/lab/dataset_settings.h"

#include <algorithm>

namespace bp {

void fit_settings_to_dataset(TrainingSettings& s, bool output_given, bool loss_given, bool features_given) {
    if (is_regression(s.dataset)) {
        if (!output_given) s.output_activation = Activation::Linear;
        if (!loss_given) s.loss = Loss::Mse;
        if (!features_given) {
            // x2 is always 0 on a curve: keep only the features of x1.
            std::vector<Feature> x1_only;
            for (Feature f : s.features)
                if (f == Feature::X1 || f == Feature::X1Sq || f == Feature::SinX1) x1_only.push_back(f);
            s.features = x1_only.empty() ? std::vector<Feature>{Feature::X1} : x1_only;
        }
    } else {
        if (!output_given && s.output_activation == Activation::Linear) s.output_activation = Activation::Sigmoid;
        if (!features_given && s.features.size() == 1 && s.features[0] == Feature::X1)
            s.features = {Feature::X1, Feature::X2};
    }
}

}  // namespace bp
