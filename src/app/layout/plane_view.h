// The data plane on screen: mapping between plane coordinates (x1, x2) and screen pixels, and the
// zoom a pinch sets. The view is a square on screen; zoomed in (up to kMaxPlaneZoom) it shows part
// of [-extent, extent]^2, and min/max are where the whole plane would lie (beyond the view), so one
// mapping serves drawing, hit testing and window.lab's layout().
#pragma once

#include "app/layout/vec2.h"

namespace bp {

constexpr double kMaxPlaneZoom = 4.0;

struct PlaneView {
    Vec2 min, max;  // where [-extent, extent]^2 lies on screen, x2 pointing up (the view itself at zoom 1)
    double extent = 2.0;
    Rect view;                // the square on screen that shows the plane
    double zoom = 1.0;        // 1 .. kMaxPlaneZoom
    double centre_x1 = 0.0;   // the plane point at the centre of the view
    double centre_x2 = 0.0;

    // Puts the view in `square` at the current zoom and centre.
    void place(const Rect& square);
    // Zooms by `factor` keeping the plane point under `screen` where it is (as far as the plane's
    // edges allow: the view never shows beyond them).
    void zoom_about(Vec2 screen, double factor);
    // Moves the plane with the fingers by `delta` screen pixels.
    void pan(Vec2 delta);
    void reset_zoom();
    bool zoomed() const { return zoom > 1.0; }

    Vec2 to_screen(double x1, double x2) const;
    void to_plane(Vec2 p, double& x1, double& x2) const;
};

}  // namespace bp
