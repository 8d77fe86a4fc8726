// The data plane's zoom: a pinch zooms about the fingers' midpoint between 1x and 4x, never shows
// beyond the plane's edges, and min/max keep mapping the whole plane (what lab.layout() reports).
#include <gtest/gtest.h>

#include "app/layout/plane_view.h"

using namespace bp;

namespace {
PlaneView placed() {
    PlaneView v;
    v.extent = 2.0;
    v.place(Rect{Vec2{100, 50}, Vec2{500, 450}});
    return v;
}
}  // namespace

TEST(PlaneView, UnzoomedTheWholePlaneFillsTheView) {
    const PlaneView v = placed();
    EXPECT_FALSE(v.zoomed());
    EXPECT_FLOAT_EQ(v.min.x, 100);
    EXPECT_FLOAT_EQ(v.min.y, 50);
    EXPECT_FLOAT_EQ(v.max.x, 500);
    EXPECT_FLOAT_EQ(v.max.y, 450);
}

TEST(PlaneView, ZoomKeepsThePlanePointUnderTheFingers) {
    PlaneView v = placed();
    const Vec2 fingers{380, 140};
    double x1, x2;
    v.to_plane(fingers, x1, x2);
    v.zoom_about(fingers, 2.0);
    EXPECT_DOUBLE_EQ(v.zoom, 2.0);
    const Vec2 after = v.to_screen(x1, x2);
    EXPECT_NEAR(after.x, fingers.x, 1e-3);
    EXPECT_NEAR(after.y, fingers.y, 1e-3);
    // min/max still map the whole plane: twice as wide as the view now.
    EXPECT_NEAR(v.max.x - v.min.x, 800.0f, 1e-3);
    double u, w;
    v.to_plane(v.min, u, w);
    EXPECT_NEAR(u, -2.0, 1e-9);
    EXPECT_NEAR(w, 2.0, 1e-9);
}

TEST(PlaneView, ZoomStaysBetweenOneAndFourAndTheViewOnThePlane) {
    PlaneView v = placed();
    v.zoom_about(Vec2{110, 60}, 10.0);  // at the top-left corner, far beyond the limit
    EXPECT_DOUBLE_EQ(v.zoom, kMaxPlaneZoom);
    EXPECT_LE(v.min.x, v.view.min.x + 1e-3f);  // the view still shows only the plane
    EXPECT_LE(v.min.y, v.view.min.y + 1e-3f);
    EXPECT_GE(v.max.x, v.view.max.x - 1e-3f);
    EXPECT_GE(v.max.y, v.view.max.y - 1e-3f);
    v.pan(Vec2{5000, 5000});  // dragged far away: stops at the plane's edge
    EXPECT_NEAR(v.min.x, v.view.min.x, 1e-3);
    EXPECT_NEAR(v.min.y, v.view.min.y, 1e-3);
    v.zoom_about(Vec2{300, 250}, 0.01);
    EXPECT_DOUBLE_EQ(v.zoom, 1.0);
    EXPECT_NEAR(v.min.x, 100, 1e-3);
    EXPECT_NEAR(v.max.y, 450, 1e-3);
}

TEST(PlaneView, ResetShowsTheWholePlaneAgainWhereverTheViewMoved) {
    PlaneView v = placed();
    v.zoom_about(Vec2{200, 200}, 3.0);
    v.place(Rect{Vec2{0, 0}, Vec2{300, 300}});  // the window was resized
    EXPECT_NEAR(v.max.x - v.min.x, 900.0f, 1e-3);
    v.reset_zoom();
    EXPECT_FALSE(v.zoomed());
    EXPECT_FLOAT_EQ(v.min.x, 0);
    EXPECT_FLOAT_EQ(v.max.y, 300);
}
