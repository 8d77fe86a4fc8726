// Link parts: the writer and checked reader of each part of a share link's record (share_link.h
// lists them in order), which the formats (link_formats.h) put together.
#pragma once

#include <vector>

#include "core/link_bytes.h"
#include "core/share_link.h"

namespace bp {

// The contents byte (formats 2 and 3).
constexpr unsigned kGeneratedData = 1, kHalfWalkedStep = 2, kLossHistory = 4, kTestLosses = 8;
// The view's switches (format 3).
constexpr unsigned kDiscretize = 1, kShowTestPoints = 2;

// Every reader below stops at the reader's first problem (LinkReader::fail); those that return a
// bool return r.ok(), so a format reader can stop there.

// The kind: 0 start, 1 moment.
void read_kind(LinkReader& r, LabSnapshot& snap);
// The contents byte (kGeneratedData...), checked against the kind; sets snap.generated_data.
unsigned contents_of(const LabSnapshot& snap);
unsigned read_contents(LinkReader& r, LabSnapshot& snap);

// Features, hidden layers, activations, loss, data set, learning rate, batch, seed, noise, test
// share and point count.
void write_settings(LinkWriter& w, const TrainingSettings& s);
void read_settings(LinkReader& r, TrainingSettings& s);
// Format 3: the regularization's and the optimizer's kinds in one byte, then only their numbers.
void write_training_rules(LinkWriter& w, const TrainingSettings& s);
void read_training_rules(LinkReader& r, TrainingSettings& s);
// The settings read so far are whole and validate() accepts them.
bool settings_possible(LinkReader& r, const TrainingSettings& s);

// Selection, inspected sample, edge mode, speed and lock flags.
void write_view(LinkWriter& w, const LinkView& v);
void read_view(LinkReader& r, LinkView& v);
// Format 3: discretize and show the test points (older formats open with the defaults).
void write_view_switches(LinkWriter& w, const LinkView& v);
void read_view_switches(LinkReader& r, LinkView& v);
// The view read so far has a speed and edge mode the lab knows.
bool view_possible(LinkReader& r, const LinkView& v);

// The listed points (none when snap.generated_data: the settings generate them again).
void write_points(LinkWriter& w, const LabSnapshot& snap);
bool read_points(LinkReader& r, LabSnapshot& snap);

// A moment's counters, epoch Rng, cursor, and every W^l and b^l (finite, within kMaxParameter).
void write_run(LinkWriter& w, const RunState& run);
bool read_run(LinkReader& r, const TrainingSettings& s, RunState& run);
// Format 3: the optimizer's state in the parameters' layout (momentum: velocity; Adam: t, m, v).
void write_optimizer_state(LinkWriter& w, const TrainingSettings& s, const RunState& run);
bool read_optimizer_state(LinkReader& r, const TrainingSettings& s, RunState& run);
// The run's cursor lies inside the epoch and its counters fit together.
bool run_possible(LinkReader& r, const LabSnapshot& snap);
// Formats 2 and 3: the phases walked of a begun step (kHalfWalkedStep) and the loss history
// (kLossHistory, with test losses when kTestLosses).
void write_half_walked_step(LinkWriter& w, const LabSnapshot& snap);
bool read_half_walked_step(LinkReader& r, LabSnapshot& snap);
void write_loss_history(LinkWriter& w, const RunState& run, bool test_losses);
bool read_loss_history(LinkReader& r, bool test_losses, RunState& run);

}  // namespace bp
