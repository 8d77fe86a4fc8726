// Settings that go with a data set: the curve (regression) wants a linear output, mse and features
// of x1 only; the classification sets want a sigmoid output. Applied when the data set changes,
// to whatever the caller did not set explicitly.
#pragma once

#include "core/trainer.h"

namespace bp {

void fit_settings_to_dataset(TrainingSettings& s, bool output_given, bool loss_given, bool features_given);

}  // namespace bp
