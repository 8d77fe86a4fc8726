// Pure geometry and notation of the views: node layout, hit testing, axis ticks, glyphs.
#include <gtest/gtest.h>

#include <cmath>

#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/layout/network_layout.h"
#include "app/layout/plane_view.h"
#include "app/layout/plot_axes.h"

using namespace bp;

TEST(NetworkLayout, LayersGoLeftToRightAndNodesStayInside) {
    const Vec2 min{100, 50}, max{900, 650};
    const NetworkLayout layout = layout_network({4, 3, 2, 1}, min, max);
    ASSERT_EQ(layout.nodes.size(), 4u);
    EXPECT_EQ(layout.nodes[0].size(), 4u);
    EXPECT_EQ(layout.nodes[3].size(), 1u);
    for (size_t l = 1; l < layout.nodes.size(); ++l) EXPECT_GT(layout.nodes[l][0].x, layout.nodes[l - 1][0].x);
    for (const auto& layer : layout.nodes)
        for (const Vec2& c : layer) {
            EXPECT_GE(c.x - layout.radius, min.x);
            EXPECT_LE(c.x + layout.radius, max.x);
            EXPECT_GE(c.y - layout.radius, min.y);
            EXPECT_LE(c.y + layout.radius, max.y);
        }
    // Each layer is centred vertically: the single output sits in the middle.
    EXPECT_FLOAT_EQ(layout.nodes[3][0].y, 350.0f);
    // Nodes of the widest layer do not overlap.
    EXPECT_GT(layout.nodes[0][1].y - layout.nodes[0][0].y, 2 * layout.radius);
}

TEST(NetworkLayout, HitTestFindsNodesBiasesAndEdges) {
    const NetworkLayout layout = layout_network({4, 3, 2, 1}, Vec2{0, 0}, Vec2{800, 600});
    const Vec2 node = layout.nodes[1][2];
    NetworkHit hit = hit_test(layout, node, 5);
    EXPECT_EQ(hit.kind, NetworkHit::Node);
    EXPECT_EQ(hit.layer, 1);
    EXPECT_EQ(hit.j, 2);

    hit = hit_test(layout, layout.bias_center(2, 1), 5);
    EXPECT_EQ(hit.kind, NetworkHit::Bias);
    EXPECT_EQ(hit.layer, 2);
    EXPECT_EQ(hit.j, 1);

    // A quarter of the way along the edge from input 1 to neuron 3 of layer 1 lies w^1_13 (the
    // midpoint would be ambiguous: the edge from input 3 to neuron 1 crosses it there).
    const Vec2 a = layout.nodes[0][0], b = layout.nodes[1][2];
    hit = hit_test(layout, Vec2{a.x + (b.x - a.x) / 4, a.y + (b.y - a.y) / 4}, 5);
    EXPECT_EQ(hit.kind, NetworkHit::Edge);
    EXPECT_EQ(hit.layer, 1);
    EXPECT_EQ(hit.i, 0);
    EXPECT_EQ(hit.j, 2);

    EXPECT_EQ(hit_test(layout, Vec2{799, 2}, 5).kind, NetworkHit::None);
}

TEST(PlaneView, MapsThePlaneOntoTheSquareAndBack) {
    PlaneView v;
    v.min = Vec2{10, 20};
    v.max = Vec2{410, 420};
    v.extent = 2.0;
    const Vec2 top_left = v.to_screen(-2, 2);
    EXPECT_FLOAT_EQ(top_left.x, 10);
    EXPECT_FLOAT_EQ(top_left.y, 20);
    double x1, x2;
    v.to_plane(Vec2{310, 120}, x1, x2);
    EXPECT_NEAR(x1, 1.0, 1e-6);
    EXPECT_NEAR(x2, 1.0, 1e-6);
}

TEST(PlotAxes, TicksAreRoundAndCoverTheRange) {
    const auto ticks = nice_ticks(0.0, 0.17, 6);
    ASSERT_FALSE(ticks.empty());
    EXPECT_EQ(ticks.front(), 0.0);
    EXPECT_LE(ticks.size(), 6u);
    EXPECT_NEAR(ticks[1] - ticks[0], 0.05, 1e-12);
    EXPECT_EQ(tick_label(ticks[1], 0.05), "0.05");
    EXPECT_EQ(tick_label(2000, 1000), "2000");
    EXPECT_TRUE(nice_ticks(1, 1, 5).empty());
}

TEST(Glyphs, SymbolsUseRealSuperscriptsAndSubscripts) {
    EXPECT_EQ(weight_symbol(0, 0, 0), "w\u00b9\u2081\u2081");  // w¹₁₁
    EXPECT_EQ(weight_symbol(2, 1, 0), "w\u00b3\u2082\u2081");  // w³₂₁
    EXPECT_EQ(weight_symbol(0, 9, 11), "w\u00b9\u2081\u2080,\u2081\u2082");
    EXPECT_EQ(bias_symbol(1, 0), "b\u00b2\u2081");
    EXPECT_EQ(superscript(10), "\u00b9\u2070");
    EXPECT_EQ(architecture_name({4, 3, 2, 1}), "4-3-2-1");
}

TEST(NumberText, SignificantDigitsNoNegativeZeroAndWordsForOverflow) {
    EXPECT_EQ(number_text(1.25e-10), "1.25e-10");
    EXPECT_EQ(number_text(-0.0), "0");
    EXPECT_EQ(number_text(-1e-300 * 1e-300), "0");  // underflows to -0
    EXPECT_EQ(number_text(-0.054531, 3), "\u22120.0545");
    EXPECT_EQ(number_text(0.465614, 6), "0.465614");
    EXPECT_EQ(number_text(100.0), "100");
    EXPECT_EQ(number_text(HUGE_VAL), "overflow");
    EXPECT_EQ(number_text(-HUGE_VAL), "\u2212overflow");
    EXPECT_EQ(number_text(std::nan("")), "undefined");
}

TEST(NumberText, TheShortFormFitsInsideANeuron) {
    EXPECT_EQ(short_number_text(0.7312), "0.73");
    EXPECT_EQ(short_number_text(-0.0001), "\u22121e-4");
    EXPECT_EQ(short_number_text(-0.00012345), "\u22121.2e-4");
    EXPECT_EQ(short_number_text(0.004), "0.004");
    EXPECT_EQ(short_number_text(12.35), "12");
    EXPECT_EQ(short_number_text(123.4), "123");
    EXPECT_EQ(short_number_text(999.6), "1e3");
    EXPECT_EQ(short_number_text(-1234.5), "\u22121.2e3");
    EXPECT_EQ(short_number_text(-1e-300 * 1e-300), "0");  // no -0, nor -0.00
    EXPECT_EQ(short_number_text(-HUGE_VAL), "\u2212overflow");
    for (double v : {0.004, -0.0001, 123.4, -0.98765, 5.5e-7, 4.2e6})
        EXPECT_LE(short_number_text(v).size(), 7u) << v;  // a true minus sign is 3 bytes: at most 5 characters
}
