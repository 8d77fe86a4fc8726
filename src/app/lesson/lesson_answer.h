// A question's answers: the tries a learner has before the lab shows the right answer, the feedback
// each answer gets, and what is recorded of them (right or wrong at the first and the second try, and
// whether the answer was shown). A wrong answer with a try left says only that it is not right (and,
// for a number, whether it is too high or too low), never the expected value.
#pragma once

#include <optional>
#include <string>

#include "app/lesson/lesson.h"
#include "app/lesson/lesson_quantity.h"

namespace bp {

// The checked answer to a step's question.
struct LessonAnswer {
    bool answered = false, correct = false;
    std::string given, expected;  // as the lab writes them; expected only once revealed
    bool expected_is_number = false;
    double expected_number = 0.0;
    double tolerance = 0.0;       // absolute, around expected (0 for choices)
    std::string feedback;         // what the panel says: right or not, and (once revealed) why
    bool revealed = false;        // the expected value and the explanation are in the feedback
    int tries_left = 0;           // answers left before the lab shows the right one
};

// What the lab records of one question while its lesson is open. Once the answer is shown, nothing
// more is recorded: later answers are checked, but the record stays as it was.
struct QuestionRecord {
    std::optional<bool> first_try, second_try;  // right or wrong; unset until given
    int tries = 0;                              // answers checked before the answer was shown
    bool revealed = false;                      // the lab has shown the right answer
};

// The tries the question gives: its 'tries:' (2 unless the lesson says 1), but 1 for two choices,
// where the second try would be the other button.
int tries_allowed(const LessonQuestion& q);
int tries_left(const LessonQuestion& q, const QuestionRecord& r);

// Checks `given` (a number as typed, or a choice) against `expected`, the question's answer now, and
// records the try in `record`. `explanation`: the question's, filled in. A number that cannot be read
// is not a try (answered stays false, the feedback says what to type).
LessonAnswer check_answer(const LessonQuestion& q, const QuantityValue& expected, const std::string& given,
                          const std::string& explanation, QuestionRecord& record);

// The right answer without a try (Show answer): recorded as shown.
LessonAnswer show_answer(const LessonQuestion& q, const QuantityValue& expected, const std::string& explanation,
                         QuestionRecord& record);

}  // namespace bp
