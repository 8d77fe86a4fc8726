// Opening, walking and checking a lesson.
#include "app/lesson/lesson_run.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/lab/lab.h"
#include "app/notation/number_text.h"

namespace bp {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The lab of step `step`: a fresh lab with the lesson's locks, its set-up and every step's up to `step`.
bool build_step(const Lesson& lesson, int step, Lab& lab, LessonView& view, LessonProblem& problem) {
    lab = Lab();
    lab.set_locks(lesson.locks);
    std::string error;
    int line = 0;
    if (!apply_lesson_setup(lab, lesson.setup, view, error, line)) {
        problem = {line, error};
        return false;
    }
    for (int k = 0; k <= step; ++k) {
        view = {};
        if (!apply_lesson_setup(lab, lesson.steps[static_cast<size_t>(k)].setup, view, error, line)) {
            problem = {line, error};
            return false;
        }
    }
    return true;
}

// A problem is reported at the line of `sources` (a paragraph's lines) that names the quantity, or
// at `line` when none does alone (a name broken over two lines).
bool check_names(const std::string& text, int line, const Lab& lab, LessonProblem& problem,
                 const std::vector<std::pair<int, std::string>>& sources = {}) {
    std::vector<std::string> names;
    std::string error;
    text_references(text, names, error);
    for (const std::string& name : names) {
        Quantity q;
        parse_quantity(name, q, error);
        if (const std::string e = check_quantity(q, lab); !e.empty()) {
            const auto named = std::find_if(sources.begin(), sources.end(),
                                            [&](const auto& source) { return source.second.find(name) != std::string::npos; });
            problem = {named == sources.end() ? line : named->first, e};
            return false;
        }
    }
    return true;
}

// Every name the step uses, against the network the step has.
bool check_step(const LessonStep& step, const Lab& lab, LessonProblem& problem) {
    for (const LessonPointer& p : step.pointers) {
        Quantity q;
        q.layer = p.layer, q.i = p.i, q.j = p.j;
        using K = LessonPointer::Kind;
        if (p.kind == K::Weight || p.kind == K::MatrixCell) q.kind = Quantity::Kind::Weight;
        else if (p.kind == K::Bias) q.kind = Quantity::Kind::Bias, q.is_bias = true;
        else if (p.kind == K::Neuron) q.kind = Quantity::Kind::A;
        else continue;
        if (const std::string e = check_quantity(q, lab); !e.empty()) {
            problem = {p.line, e};
            return false;
        }
    }
    for (const LessonTask& t : step.tasks)
        if (const std::string e = check_quantity(t.quantity, lab); !e.empty()) {
            problem = {t.line, e};
            return false;
        }
    if (step.has_question && step.question.expected_is_quantity)
        if (const std::string e = check_quantity(step.question.expected, lab); !e.empty()) {
            problem = {step.question.answer_line, e};
            return false;
        }
    for (size_t k = 0; k < step.paragraphs.size(); ++k)
        if (!check_names(step.paragraphs[k], step.paragraph_lines[k], lab, problem, step.paragraph_sources[k])) return false;
    return check_names(step.question.prompt, step.question.line, lab, problem) &&
           check_names(step.question.explanation, step.question.explanation_line, lab, problem);
}

bool compare(double a, LessonTask::Compare c, double b) {
    switch (c) {
        case LessonTask::Compare::Equal: return a == b;
        case LessonTask::Compare::Less: return a < b;
        case LessonTask::Compare::LessOrEqual: return a <= b;
        case LessonTask::Compare::Greater: return a > b;
        case LessonTask::Compare::GreaterOrEqual: return a >= b;
    }
    return false;
}

// The lesson parsed and checked, and the step asked for one of its steps; "" or why it cannot be opened.
std::string read_lesson_at(const std::string& text, int step, Lesson& lesson) {
    LessonProblem problem;
    if (!parse_lesson(text, lesson, problem) || !check_lesson(lesson, problem)) return "The lesson cannot be opened: " + problem.text();
    if (step < 0 || step >= static_cast<int>(lesson.steps.size()))
        return "The lesson has steps 1 to " + std::to_string(lesson.steps.size()) + "; there is no step " + std::to_string(step + 1);
    return "";
}

}  // namespace

bool check_lesson(const Lesson& lesson, LessonProblem& problem) {
    Lab lab;
    lab.set_locks(lesson.locks);
    LessonView view;
    std::string error;
    int line = 0;
    if (!apply_lesson_setup(lab, lesson.setup, view, error, line)) {
        problem = {line, error};
        return false;
    }
    for (const LessonStep& step : lesson.steps) {
        if (!apply_lesson_setup(lab, step.setup, view, error, line)) {
            problem = {line, error};
            return false;
        }
        if (!check_step(step, lab, problem)) return false;
    }
    return true;
}

std::string LessonRun::open(Lab& lab, const std::string& text, const std::string& name, int step) {
    Lesson lesson;
    if (std::string error = read_lesson_at(text, step, lesson); !error.empty()) return error;
    Lab built;
    LessonView view;
    LessonProblem problem;
    if (!build_step(lesson, step, built, view, problem)) return "The lesson cannot be opened: " + problem.text();
    lab.adopt(built, "The lesson has set up the lab. Undo (\u21b6 or Ctrl+Z) brings back the lab you had before it.");
    start(std::move(lesson), text, name, step);
    entered(lab, view);
    return "";
}

std::string LessonRun::resume(const Lab& lab, const std::string& text, const std::string& name, int step) {
    Lesson lesson;
    if (std::string error = read_lesson_at(text, step, lesson); !error.empty()) return error;
    start(std::move(lesson), text, name, step);
    entered(lab, {});
    return "";
}

void LessonRun::start(Lesson lesson, const std::string& text, const std::string& name, int step) {
    lesson_ = std::move(lesson);
    text_ = text;
    name_ = name;
    step_ = step;
    open_ = shown = true;
}

std::string LessonRun::next(Lab& lab) {
    if (!open_) return "no lesson is open";
    if (step_ + 1 >= static_cast<int>(lesson_.steps.size())) return "this is the lesson's last step";
    // On the lab as the learner left it; if what they changed gets in the way, the step's lab afresh.
    Lab tried = lab;
    LessonView view;
    std::string error;
    int line = 0;
    if (apply_lesson_setup(tried, lesson_.steps[static_cast<size_t>(step_ + 1)].setup, view, error, line)) {
        lab.adopt(tried, nullptr);
    } else {
        LessonProblem problem;
        if (!build_step(lesson_, step_ + 1, tried, view, problem)) return problem.text();
        lab.adopt(tried, nullptr);
    }
    ++step_;
    entered(lab, view);
    return "";
}

std::string LessonRun::back(Lab& lab) {
    if (!open_) return "no lesson is open";
    if (step_ == 0) return "this is the lesson's first step";
    Lab built;
    LessonView view;
    LessonProblem problem;
    if (!build_step(lesson_, step_ - 1, built, view, problem)) return problem.text();
    lab.adopt(built, nullptr);
    --step_;
    entered(lab, view);
    return "";
}

void LessonRun::close(Lab& lab) {
    if (open_) lab.set_locks(0);
    open_ = false;
}

void LessonRun::entered(const Lab& lab, const LessonView& view) {
    answer_ = {};
    view_ = view;
    view_pending_ = true;
    points_at_step_start_ = static_cast<int>(lab.trainer().points().size());
}

bool LessonRun::take_view_request(LessonView& out) {
    if (!view_pending_) return false;
    view_pending_ = false;
    out = view_;
    return out.tab || out.view || out.landscape;
}

bool LessonRun::answer_pending_for_gradient() const {
    if (!open_ || !current().has_question || answer_.answered) return false;
    const LessonQuestion& q = current().question;
    if (!q.expected_is_quantity) return false;
    using K = Quantity::Kind;
    const K k = q.expected.kind;
    return k == K::Gradient || k == K::BatchGradient || k == K::Updated || k == K::Direction;
}

bool LessonRun::task_done(const Lab& lab, size_t k) const {
    const LessonTask& t = current().tasks[k];
    const QuantityValue v = evaluate(t.quantity, lab, {points_at_step_start_});
    if (!v.ok) return false;
    return t.quantity.is_text() ? lower(v.text) == lower(t.text) : compare(v.number, t.compare, t.number);
}

bool LessonRun::tasks_done(const Lab& lab) const {
    for (size_t k = 0; k < current().tasks.size(); ++k)
        if (!task_done(lab, k)) return false;
    return true;
}

LessonAnswer LessonRun::answer(const Lab& lab, const std::string& given) {
    LessonAnswer a;
    if (!open_ || !current().has_question) {
        a.feedback = open_ ? "this step asks no question" : "no lesson is open";
        return a;
    }
    const LessonQuestion& q = current().question;
    QuantityValue expected;
    if (q.expected_is_quantity) {
        expected = evaluate(q.expected, lab, {points_at_step_start_});
        if (!expected.ok) {
            a.feedback = "The answer cannot be checked yet: " + expected.why + ".";
            return a;
        }
    } else {
        expected.ok = true;
        if (!q.choices.empty() || !number_from_text(q.expected_text, expected.number)) expected.text = q.expected_text;
    }
    a.answered = true;
    a.given = given;
    a.expected = quantity_text(expected);
    if (!q.choices.empty()) {
        a.correct = lower(given) == lower(expected.text);
        a.feedback = a.correct ? "\u2713 Right: " + expected.text + "." : "\u2717 Not this time: the answer is " + expected.text + ".";
    } else {
        double value = 0.0;
        a.expected_is_number = true;
        a.expected_number = expected.number;
        if (!number_from_text(given, value)) {
            a.answered = false;
            a.feedback = "Type a number, like 0.25 or -1.5e-3.";
            return a;
        }
        a.tolerance = q.relative ? q.tolerance * std::fabs(expected.number) : q.tolerance;
        a.correct = std::fabs(value - expected.number) <= a.tolerance;
        const std::string within = " (answers within \u00b1" + number_text(a.tolerance, 2) + " count)";
        a.feedback = a.correct ? "\u2713 Right: the lab's value is " + number_text(expected.number, 6) + "."
                               : "\u2717 Not quite: the lab's value is " + number_text(expected.number, 6) + ", you gave " +
                                     number_text(value, 6) + within + ".";
    }
    if (!q.explanation.empty()) a.feedback += " " + fill(lab, q.explanation);
    answer_ = a;
    ++answers_;
    return a;
}

std::string LessonRun::fill(const Lab& lab, const std::string& text) const {
    std::string out;
    size_t k = 0;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', k)) {
        out += text.substr(k, open - k);
        if (text.compare(open, 2, "{{") == 0) {  // a brace itself
            out += "{";
            k = open + 2;
            continue;
        }
        const size_t close = text.find('}', open);
        if (close == std::string::npos) {
            k = open;
            break;
        }
        Quantity q;
        std::string error;
        std::string name = text.substr(open + 1, close - open - 1);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        out += parse_quantity(name, q, error) ? quantity_text(evaluate(q, lab, {points_at_step_start_})) : "?";
        k = close + 1;
    }
    return out + text.substr(k);
}

}  // namespace bp
