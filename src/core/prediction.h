// Prediction: the network's output y-hat over the data plane (at one point, over a grid of cells, and
// along the x1 axis), what the data view draws without a GPU and the point tooltips show. One
// neuron's activation over the plane is neuron_map (neuron_map.h).
#pragma once

#include <vector>

#include "core/dataset.h"
#include "core/network.h"

namespace bp {

// y-hat at one point of the plane (allocates; for views and tests).
double predict(const Network& net, const std::vector<Feature>& features, double x1, double x2);
// y-hat over an n x n grid covering the plane, row by row from the top (x2 = +extent) and left
// (x1 = -extent), each value at its cell's centre. out is resized to n * n; scratch is working space.
void predict_grid(const Network& net, const std::vector<Feature>& features, int n, Pass& scratch,
                  std::vector<double>& out);
// y-hat at n points x1 = -extent..extent (both ends included), x2 = 0: the curve data set's fit.
void predict_curve(const Network& net, const std::vector<Feature>& features, int n, Pass& scratch,
                   std::vector<double>& out);

}  // namespace bp
