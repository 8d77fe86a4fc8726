// The loss landscape view: L over a grid of two parameters' values around the current point (a
// heatmap with contour lines), the point, the negative gradient and the trail of the last steps.
// The grid is computed on the CPU in slices within a per-frame budget (core/landscape.h); the last
// complete grid stays on screen while the next one is computed, as the other parameters train.
#pragma once

#include <imgui.h>

#include <vector>

#include "app/lab/lab.h"
#include "core/landscape.h"

namespace bp {

struct LandscapeView {
    // The two parameters; a follows the inspector's selection until the user picks one.
    ParameterRef a, b;
    bool chosen = false;         // a and b were picked in the view (else they follow the selection)
    double span = 1.0;           // the grid's half-width around its centre, in parameter units
    int n = 21;                  // samples per side (odd); 11 on a large network (grid_size)
    double centre_a = 0.0, centre_b = 0.0;  // the grid's window: it stays put while the point moves in it
    bool has_window = false;
    LandscapeComputation computing;  // the grid being computed, a slice per frame
    LandscapeGrid shown;             // the last complete grid (n == 0 before the first)
    std::vector<ImVec2> trail;       // (a, b) after each of the last steps, oldest first
    int64_t trail_step = -1;         // the trainer's step count when the trail last grew
    std::vector<int> sizes;          // the network's shape the grid was computed for
    double budget_ms = 2.0;          // per-frame CPU time for the grid
    double last_slice_ms = 0.0;      // what the last frame's slice took (for tests and stats)
    int last_slice_cells = 0;        // blocks of (cell, training points) the last frame computed
    double arrow_scale = 1.0;        // the arrow is -gradient times this (a power of ten), in parameter units
    static constexpr size_t kTrailLength = 200;

    // Another parameter of the same neuron as p (w^l_{i+1,j}, or b^l_j when it has one input).
    static ParameterRef partner(const Network& net, const ParameterRef& p);
    // The grid's samples per side for this network: n, or fewer where a cell costs much.
    int grid_size(const Trainer& t) const;
    // Sets a and b (the user's choice): a new grid, a fresh trail.
    void choose(const ParameterRef& new_a, const ParameterRef& new_b);
    // Moves the window so the point is at its centre, and starts a new grid.
    void recentre(const Lab& lab);
    // Keeps a and b valid for the lab's network, follows the selection, extends the trail, and
    // computes the grid for up to budget_ms. Called once per frame while the view is shown.
    void update(const Lab& lab);
};

// The view, in the current child window: parameter pickers, the plot, the legend, the caption and
// the update as numbers.
void draw_landscape_view(LandscapeView& view, Lab& lab);

}  // namespace bp
