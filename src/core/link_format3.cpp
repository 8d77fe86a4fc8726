// Link format 3, the one written: each part in the order of the layout in share_link.h.
#include "core/link_formats.h"

#include "core/link_parts.h"

namespace bp {

static_assert(kLinkVersion == 3, "a new format gets its own writer and reader; this one becomes an older format's reader");

void write_format3(LinkWriter& w, const LabSnapshot& snap) {
    w.u8('B');
    w.u8('L');
    w.u8(kLinkVersion);
    w.u8(snap.moment ? 1 : 0);
    const unsigned contents = contents_of(snap);
    w.u8(contents);
    write_settings(w, snap.settings);
    write_training_rules(w, snap.settings);
    write_view(w, snap.view);
    write_view_switches(w, snap.view);
    write_points(w, snap);
    if (!snap.moment) return;
    write_run(w, snap.run);
    write_optimizer_state(w, snap.settings, snap.run);
    if (contents & kHalfWalkedStep) write_half_walked_step(w, snap);
    if (contents & kLossHistory) write_loss_history(w, snap.run, contents & kTestLosses);
}

void read_format3(LinkReader& r, LabSnapshot& snap) {
    read_kind(r, snap);
    const unsigned contents = read_contents(r, snap);
    read_settings(r, snap.settings);
    read_training_rules(r, snap.settings);
    if (!settings_possible(r, snap.settings)) return;
    read_view(r, snap.view);
    read_view_switches(r, snap.view);
    if (!view_possible(r, snap.view) || !read_points(r, snap) || !snap.moment) return;
    if (!read_run(r, snap.settings, snap.run) || !read_optimizer_state(r, snap.settings, snap.run)) return;
    if (!run_possible(r, snap)) return;
    if ((contents & kHalfWalkedStep) && !read_half_walked_step(r, snap)) return;
    if (contents & kLossHistory) read_loss_history(r, contents & kTestLosses, snap.run);
}

}  // namespace bp
