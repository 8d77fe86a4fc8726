// Link formats 1 and 2, read only: links in slides, bookmarks and autosaves made before format 3
// open as plain SGD without regularization, discretize off and test points shown (LinkView's and
// TrainingSettings' defaults, which these readers leave as they are).
#include "core/link_formats.h"

#include "core/link_parts.h"

namespace bp {

void read_format2(LinkReader& r, LabSnapshot& snap) {
    read_kind(r, snap);
    const unsigned contents = read_contents(r, snap);
    read_settings(r, snap.settings);
    if (!settings_possible(r, snap.settings)) return;
    read_view(r, snap.view);
    if (!view_possible(r, snap.view) || !read_points(r, snap) || !snap.moment) return;
    if (!read_run(r, snap.settings, snap.run) || !run_possible(r, snap)) return;
    if ((contents & kHalfWalkedStep) && !read_half_walked_step(r, snap)) return;
    if (contents & kLossHistory) read_loss_history(r, contents & kTestLosses, snap.run);
}

void read_format1(LinkReader& r, LabSnapshot& snap) {
    read_kind(r, snap);
    read_settings(r, snap.settings);
    if (!settings_possible(r, snap.settings)) return;
    read_view(r, snap.view);
    if (!view_possible(r, snap.view) || !read_points(r, snap) || !snap.moment) return;
    if (read_run(r, snap.settings, snap.run)) run_possible(r, snap);
}

}  // namespace bp
