// UndoHistory: the lab's undo and redo steps, with the depths that bound their memory.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "core/dataset.h"
#include "core/network.h"

namespace bp {

struct WholeLab;  // everything Reset and Defaults replace (lab.h)

// One parameter's value before it was set by hand.
struct ParameterEdit {
    ParameterRef which;
    double value = 0.0;
};

// One undo (or redo) step: the points before a data edit, a parameter before it was set by hand, or,
// when `whole` is set, the lab before Reset or Defaults.
struct UndoStep {
    std::vector<Point> points;
    std::shared_ptr<const WholeLab> whole;
    std::optional<ParameterEdit> parameter;  // set: the step is this edit (points unused)
    bool is_whole() const { return whole != nullptr; }
};

class UndoHistory {
public:
    static constexpr size_t kDepth = 200;
    // Whole-lab steps kept at most (undo and redo together): the largest lab's is several MB.
    static constexpr size_t kWholeDepth = 8;

    // A new undo step: redo is forgotten, and the oldest steps beyond the depths go (beyond the
    // whole-lab depth, up to and including the oldest whole one).
    void push(UndoStep step);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // The step an undo (back) or redo (forward) goes to, taken off its list; none when there is none.
    enum class Way { Back, Forward };
    std::optional<UndoStep> take(Way way);
    // What that step replaced, kept so the other way brings it back (onto redo after an undo).
    void keep_replaced(Way way, UndoStep replaced);
    void clear();
    // Drops the steps of parameters set by hand (they name parameters of a network that is gone).
    void forget_parameter_edits();
    size_t undo_count() const { return undo_.size(); }

private:
    std::vector<UndoStep> undo_, redo_;
};

}  // namespace bp
