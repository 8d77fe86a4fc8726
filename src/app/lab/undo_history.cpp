// UndoHistory: the two lists of steps and their depth limits.
#include "app/lab/undo_history.h"

#include <algorithm>

namespace bp {

void UndoHistory::push(UndoStep step) {
    undo_.push_back(std::move(step));
    redo_.clear();
    if (undo_.size() > kDepth) undo_.erase(undo_.begin());
    const auto is_whole = [](const UndoStep& s) { return s.is_whole(); };
    while (static_cast<size_t>(std::count_if(undo_.begin(), undo_.end(), is_whole)) > kWholeDepth)
        undo_.erase(undo_.begin(), std::find_if(undo_.begin(), undo_.end(), is_whole) + 1);
}

std::optional<UndoStep> UndoHistory::take(Way way) {
    std::vector<UndoStep>& from = way == Way::Back ? undo_ : redo_;
    if (from.empty()) return std::nullopt;
    UndoStep step = std::move(from.back());
    from.pop_back();
    return step;
}

void UndoHistory::keep_replaced(Way way, UndoStep replaced) {
    (way == Way::Back ? redo_ : undo_).push_back(std::move(replaced));
}

void UndoHistory::clear() {
    undo_.clear();
    redo_.clear();
}

void UndoHistory::forget_parameter_edits() {
    const auto is_edit = [](const UndoStep& s) { return s.parameter.has_value(); };
    undo_.erase(std::remove_if(undo_.begin(), undo_.end(), is_edit), undo_.end());
    redo_.erase(std::remove_if(redo_.begin(), redo_.end(), is_edit), redo_.end());
}

}  // namespace bp
