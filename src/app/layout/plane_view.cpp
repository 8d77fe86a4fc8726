// Plane <-> screen mapping for the data view, and its zoom and pan.
#include "app/layout/plane_view.h"

#include <algorithm>

namespace bp {

namespace {
// Keeps the centre where the view shows only the plane: half the view spans extent / zoom.
double clamp_centre(double c, double extent, double zoom) {
    const double room = extent - extent / zoom;
    return std::clamp(c, -room, room);
}
}  // namespace

void PlaneView::place(const Rect& square) {
    view = square;
    zoom = std::clamp(zoom, 1.0, kMaxPlaneZoom);
    centre_x1 = clamp_centre(centre_x1, extent, zoom);
    centre_x2 = clamp_centre(centre_x2, extent, zoom);
    const double per_unit = view.width() * zoom / (2.0 * extent);  // screen pixels per plane unit
    const double cx = (view.min.x + view.max.x) * 0.5, cy = (view.min.y + view.max.y) * 0.5;
    min = Vec2{static_cast<float>(cx - (extent + centre_x1) * per_unit), static_cast<float>(cy - (extent - centre_x2) * per_unit)};
    max = Vec2{static_cast<float>(cx + (extent - centre_x1) * per_unit), static_cast<float>(cy + (extent + centre_x2) * per_unit)};
}

void PlaneView::zoom_about(Vec2 screen, double factor) {
    double x1 = 0.0, x2 = 0.0;
    to_plane(screen, x1, x2);
    zoom = std::clamp(zoom * factor, 1.0, kMaxPlaneZoom);
    const double per_unit = view.width() * zoom / (2.0 * extent);
    const double cx = (view.min.x + view.max.x) * 0.5, cy = (view.min.y + view.max.y) * 0.5;
    centre_x1 = x1 - (screen.x - cx) / per_unit;
    centre_x2 = x2 + (screen.y - cy) / per_unit;
    place(view);
}

void PlaneView::pan(Vec2 delta) {
    const double per_unit = view.width() * zoom / (2.0 * extent);
    if (per_unit <= 0.0) return;
    centre_x1 -= delta.x / per_unit;
    centre_x2 += delta.y / per_unit;
    place(view);
}

void PlaneView::reset_zoom() {
    zoom = 1.0;
    centre_x1 = centre_x2 = 0.0;
    place(view);
}

Vec2 PlaneView::to_screen(double x1, double x2) const {
    const double u = (x1 + extent) / (2.0 * extent), v = (extent - x2) / (2.0 * extent);
    return Vec2{min.x + static_cast<float>(u) * (max.x - min.x), min.y + static_cast<float>(v) * (max.y - min.y)};
}

void PlaneView::to_plane(Vec2 p, double& x1, double& x2) const {
    x1 = -extent + 2.0 * extent * (p.x - min.x) / (max.x - min.x);
    x2 = extent - 2.0 * extent * (p.y - min.y) / (max.y - min.y);
}

}  // namespace bp
