// The data plane on screen: mapping between plane coordinates (x1, x2) and screen pixels.
#pragma once

#include <imgui.h>

namespace bp {

struct PlaneView {
    ImVec2 min, max;  // screen rectangle showing [-extent, extent]^2, x2 pointing up
    double extent = 2.0;

    ImVec2 to_screen(double x1, double x2) const;
    void to_plane(ImVec2 p, double& x1, double& x2) const;
};

}  // namespace bp
