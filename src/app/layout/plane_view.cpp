// Plane <-> screen mapping for the data view.
#include "app/layout/plane_view.h"

namespace bp {

Vec2 PlaneView::to_screen(double x1, double x2) const {
    const double u = (x1 + extent) / (2.0 * extent), v = (extent - x2) / (2.0 * extent);
    return Vec2{min.x + static_cast<float>(u) * (max.x - min.x), min.y + static_cast<float>(v) * (max.y - min.y)};
}

void PlaneView::to_plane(Vec2 p, double& x1, double& x2) const {
    x1 = -extent + 2.0 * extent * (p.x - min.x) / (max.x - min.x);
    x2 = extent - 2.0 * extent * (p.y - min.y) / (max.y - min.y);
}

}  // namespace bp
