// Export and import of the lab's weights and settings as JSON, and of the loss history as CSV.
#pragma once

#include <string>

#include "app/lab/lab.h"

namespace bp {

// {format: "backprop-lab-weights", version: 1, settings: {... as configure() takes them},
//  weights: [W^1..W^L], biases: [b^1..b^L], step, epoch}
std::string export_weights_json(const Lab& lab);
// Applies the settings (as configure() would) and then the weights; "" or what is wrong, with
// nothing changed on error.
std::string import_weights_json(Lab& lab, const std::string& text);
// "step,training_loss,test_loss" and a row per recorded point of the loss plot.
std::string export_history_csv(const Lab& lab);

}  // namespace bp
