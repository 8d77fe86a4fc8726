// Cached: a value the lab computes from its state for the views, kept with the state (and subject)
// it was computed for and when, so it is computed again only when those change.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>

namespace bp {

// The lab's state as the caches see it: a generation that every command bumps, and the step count
// that training advances.
using StateKey = std::pair<int64_t, int64_t>;

// For a cache that computes one thing (no subject to choose).
struct OneSubject {
    bool operator==(const OneSubject&) const { return true; }
};

// The value of `Subject` (what is asked for: a grid size, a neuron, a parameter) on the state `Key`.
// get() computes it again for any other subject or state. get_throttled() does so for another subject
// at once, but while `throttled` (Play runs: the state moves on every frame) keeps the value of an
// older state until it is max_age_ms old, so a costly readout refreshes a few times a second.
template <class Value, class Key = StateKey, class Subject = OneSubject>
class Cached {
public:
    // compute(Value&) fills the value in place (reusing its storage).
    template <class Compute>
    const Value& get(const Key& key, Compute&& compute, const Subject& subject = {}) {
        if (!holds(key, subject)) store(key, subject, 0.0, compute);
        return value_;
    }
    // now_ms: the time now on a steady clock (milliseconds).
    template <class Compute>
    const Value& get_throttled(const Key& key, bool throttled, double now_ms, double max_age_ms, Compute&& compute,
                               const Subject& subject = {}) {
        const bool new_subject = !valid_ || !(subject_ == subject);
        const bool due = !throttled || now_ms - computed_ms_ >= max_age_ms;
        if (new_subject || (!(key_ == key) && due)) store(key, subject, now_ms, compute);
        return value_;
    }
    bool holds(const Key& key, const Subject& subject = {}) const {
        return valid_ && key_ == key && subject_ == subject;
    }
    const Value& value() const { return value_; }

private:
    template <class Compute>
    void store(const Key& key, const Subject& subject, double now_ms, Compute& compute) {
        compute(value_);
        key_ = key;
        subject_ = subject;
        computed_ms_ = now_ms;
        valid_ = true;
    }
    Value value_{};
    Key key_{};
    Subject subject_{};
    double computed_ms_ = -std::numeric_limits<double>::infinity();
    bool valid_ = false;
};

}  // namespace bp
