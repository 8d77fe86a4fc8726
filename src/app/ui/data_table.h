// Data table: every point's raw values, features, target and split, editable in place; CSV export
// and import.
#pragma once

#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/ui/platform.h"

namespace bp {

// The width of each column, measured over the formatted values of every point, and what it was
// measured for: the points change rarely (an edit, a drag), so a frame only measures what changed.
struct DataTableWidths {
    std::vector<float> columns;
    std::vector<Point> points;
    std::vector<Feature> features;
    bool regression = false;
    float font_size = 0.0f;
};

struct DataTable {
    std::string csv_draft;  // text pasted into the import box; kept when an import fails
    DataTableWidths widths;
};

void draw_data_table(DataTable& table, Lab& lab, Platform& platform);

}  // namespace bp
