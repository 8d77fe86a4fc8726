// The core's matrix types: row-major, so a sample's row and a weight's source row are contiguous.
#pragma once

#include <Eigen/Core>

namespace bp {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<double, 1, Eigen::Dynamic>;

}  // namespace bp
