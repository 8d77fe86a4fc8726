// Data table: every point's raw values, features, target and split, editable in place; CSV export
// and import.
#pragma once

#include <string>

#include "app/lab/lab.h"
#include "app/ui/platform.h"

namespace bp {

struct DataTable {
    std::string csv_draft;  // text pasted into the import box; kept when an import fails
};

void draw_data_table(DataTable& table, Lab& lab, Platform& platform);

}  // namespace bp
