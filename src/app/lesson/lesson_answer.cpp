// Checking a question's answers over its tries, and what the learner is told after each.
#include "app/lesson/lesson_answer.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/notation/number_text.h"

namespace bp {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

double tolerance_around(const LessonQuestion& q, const QuantityValue& expected) {
    if (!q.choices.empty()) return 0.0;
    return q.relative ? q.tolerance * std::fabs(expected.number) : q.tolerance;
}

// The answer as the lab shows it once revealed: its value, the tolerance, the explanation.
void reveal(const LessonQuestion& q, const QuantityValue& expected, LessonAnswer& a) {
    a.revealed = true;
    a.tries_left = 0;
    a.expected = quantity_text(expected);
    a.expected_is_number = q.choices.empty();
    a.expected_number = expected.number;
    a.tolerance = tolerance_around(q, expected);
}

std::string within(double tolerance) { return " (answers within \u00b1" + number_text(tolerance, 2) + " count)"; }

}  // namespace

int tries_allowed(const LessonQuestion& q) { return q.choices.size() == 2 ? 1 : q.tries; }

int tries_left(const LessonQuestion& q, const QuestionRecord& r) {
    return r.revealed ? 0 : std::max(0, tries_allowed(q) - r.tries);
}

LessonAnswer check_answer(const LessonQuestion& q, const QuantityValue& expected, const std::string& given,
                          const std::string& explanation, QuestionRecord& record) {
    LessonAnswer a;
    a.given = given;
    a.revealed = record.revealed;
    a.tries_left = tries_left(q, record);
    const bool choices = !q.choices.empty();
    double value = 0.0;
    if (!choices && !number_from_text(given, value)) {
        a.feedback = "Type a number, like 0.25 or -1.5e-3.";
        return a;
    }
    a.answered = true;
    a.correct = choices ? lower(given) == lower(expected.text)
                        : std::fabs(value - expected.number) <= tolerance_around(q, expected);

    // The try is recorded until the answer is shown; after that, answers are only checked.
    const bool recording = !record.revealed;
    if (recording) {
        ++record.tries;
        (record.tries == 1 ? record.first_try : record.second_try) = a.correct;
        record.revealed = a.correct || record.tries >= tries_allowed(q);
    }
    if (!record.revealed) {  // wrong, with a try left: not a word about the right answer
        a.tries_left = tries_left(q, record);
        a.feedback = choices ? "\u2717 Not \u201c" + given + "\u201d. Try again: you have one more try."
                             : "\u2717 Not quite: " + number_text(value, 6) + " is too " +
                                   (value > expected.number ? "high" : "low") + ". Try again: you have one more try.";
        return a;
    }
    reveal(q, expected, a);
    const bool at_second = recording && record.tries == 2;
    if (choices) {
        a.feedback = a.correct ? std::string(at_second ? "\u2713 Right at the second try: " : "\u2713 Right: ") + expected.text + "."
                               : "\u2717 Not this time: the answer is " + expected.text + ".";
    } else {
        const std::string lab_value = "the lab's value is " + number_text(expected.number, 6);
        a.feedback = a.correct ? std::string(at_second ? "\u2713 Right at the second try: " : "\u2713 Right: ") + lab_value + "."
                               : "\u2717 Not quite: " + lab_value + ", you gave " + number_text(value, 6) + within(a.tolerance) + ".";
    }
    if (!explanation.empty()) a.feedback += " " + explanation;
    return a;
}

LessonAnswer show_answer(const LessonQuestion& q, const QuantityValue& expected, const std::string& explanation,
                         QuestionRecord& record) {
    record.revealed = true;
    LessonAnswer a;
    reveal(q, expected, a);
    a.feedback = !q.choices.empty() ? "The answer is " + expected.text + "."
                                    : "The lab's value is " + number_text(expected.number, 6) + within(a.tolerance) + ".";
    if (!explanation.empty()) a.feedback += " " + explanation;
    return a;
}

}  // namespace bp
