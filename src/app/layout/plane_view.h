// The data plane on screen: mapping between plane coordinates (x1, x2) and screen pixels.
#pragma once

#include "app/layout/vec2.h"

namespace bp {

struct PlaneView {
    Vec2 min, max;  // screen rectangle showing [-extent, extent]^2, x2 pointing up
    double extent = 2.0;

    Vec2 to_screen(double x1, double x2) const;
    void to_plane(Vec2 p, double& x1, double& x2) const;
};

}  // namespace bp
