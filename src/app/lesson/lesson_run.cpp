// Opening and walking a lesson, and checking its answers.
#include "app/lesson/lesson_run.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/lab/lab.h"
#include "app/lab/play_clock.h"
#include "app/notation/number_text.h"

namespace bp {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
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

std::string LessonRun::open(Lab& lab, const std::string& text, const std::string& name, int step) {
    Lesson lesson;
    if (std::string error = read_lesson_at(text, step, lesson); !error.empty()) return error;
    auto p = std::make_unique<Pending>(Pending{Pending::Kind::Open, nullptr, text, name, step, true, afresh(lesson, text, step)});
    p->lesson = std::make_shared<const Lesson>(std::move(lesson));
    return begin(lab, std::move(p));
}

std::string LessonRun::resume(const Lab& lab, const std::string& text, const std::string& name, int step) {
    Lesson lesson;
    if (std::string error = read_lesson_at(text, step, lesson); !error.empty()) return error;
    pending_.reset();
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
    records_.assign(lesson_.steps.size(), QuestionRecord{});
}

StepBuild LessonRun::afresh(const Lesson& lesson, const std::string& text, int step) const {
    std::vector<StepBuild::Part> parts;
    if (text == kept_text_)
        for (int k = std::min(step, static_cast<int>(kept_.size()) - 1); k >= 0; --k) {
            if (!kept_[static_cast<size_t>(k)]) continue;
            for (int j = k + 1; j <= step; ++j) parts.push_back({lesson.steps[static_cast<size_t>(j)].setup, j});
            const Kept& from = *kept_[static_cast<size_t>(k)];
            return StepBuild(from.lab, std::move(parts), from.view);
        }
    Lab fresh;
    fresh.set_locks(lesson.locks);
    parts.push_back({lesson.setup, -1});
    for (int j = 0; j <= step; ++j) parts.push_back({lesson.steps[static_cast<size_t>(j)].setup, j});
    return StepBuild(std::move(fresh), std::move(parts));
}

std::string LessonRun::begin(Lab& lab, std::unique_ptr<Pending> pending) {
    pending_ = std::move(pending);
    pending_->build.run(kSetupWorkAtOnce, 1e300);
    return pending_->build.finished() ? land(lab) : "";
}

std::string LessonRun::next(Lab& lab) {
    if (!open_) return "no lesson is open";
    if (setting_up()) return "a step is still being set up";
    if (step_ + 1 >= static_cast<int>(lesson_.steps.size())) return "this is the lesson's last step";
    // On the lab as the learner left it; if what they changed gets in the way, the step's lab afresh.
    const int step = step_ + 1;
    StepBuild build(lab, {{lesson_.steps[static_cast<size_t>(step)].setup, step}});
    return begin(lab, std::make_unique<Pending>(Pending{Pending::Kind::Next, nullptr, text_, name_, step, false, std::move(build)}));
}

std::string LessonRun::back(Lab& lab) {
    if (!open_) return "no lesson is open";
    if (setting_up()) return "a step is still being set up";
    if (step_ == 0) return "this is the lesson's first step";
    const int step = step_ - 1;
    return begin(lab, std::make_unique<Pending>(Pending{Pending::Kind::Back, nullptr, text_, name_, step, true, afresh(lesson_, text_, step)}));
}

std::string LessonRun::land(Lab& lab) {
    std::unique_ptr<Pending> p = std::move(pending_);
    StepBuild& build = p->build;
    const Lesson& lesson = p->lesson ? *p->lesson : lesson_;
    if (build.failed() && p->kind == Pending::Kind::Next && !p->afresh) {  // the learner's lab was in the way
        p->afresh = true;
        p->build = afresh(lesson_, text_, p->step);
        return begin(lab, std::move(p));
    }
    if (build.failed()) {
        const std::string why = (p->kind == Pending::Kind::Open ? "The lesson cannot be opened: " : "") + build.problem().text();
        return why;
    }
    if (p->afresh) {
        if (kept_text_ != p->text || kept_.size() != lesson.steps.size()) {
            kept_text_ = p->text;
            kept_.assign(lesson.steps.size(), std::nullopt);
        }
        for (const StepBuild::Built& b : build.steps_built()) kept_[static_cast<size_t>(b.step)] = Kept{b.lab, b.view};
    }
    if (p->kind == Pending::Kind::Open) {
        lab.adopt(build.lab(), "The lesson has set up the lab. Undo (\u21b6 or Ctrl+Z) brings back the lab you had before it.");
        start(*p->lesson, p->text, p->name, p->step);
    } else {
        lab.adopt(build.lab(), nullptr);
        step_ = p->step;
    }
    entered(lab, build.view());
    return "";
}

void LessonRun::work(Lab& lab, double ms) {
    if (!pending_) return;
    if (!pending_->build.run(1e300, PlayClock::steady_now_ms() + ms)) return;
    const bool opening = pending_->kind == Pending::Kind::Open;
    const int step = pending_->step;
    if (const std::string problem = land(lab); !problem.empty())
        lab.set_notice(opening ? problem : "Step " + std::to_string(step + 1) + " cannot be set up: " + problem);
}

void LessonRun::finish_setup(Lab& lab) {
    while (pending_) work(lab, 1e300);
}

void LessonRun::cancel_setup() { pending_.reset(); }

LessonSetUp LessonRun::setup_state() const {
    if (!pending_) return {};
    const StepBuild& b = pending_->build;
    return {pending_->lesson ? pending_->lesson->title : lesson_.title, pending_->step, b.progress(), b.steps_trained(), b.steps_to_train()};
}

void LessonRun::close(Lab& lab) {
    pending_.reset();
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
    if (!open_ || !current().has_question || revealed()) return false;
    const LessonQuestion& q = current().question;
    if (!q.expected_is_quantity) return false;
    using K = Quantity::Kind;
    const K k = q.expected.kind;
    return k == K::Gradient || k == K::BatchGradient || k == K::Updated || k == K::Direction;
}

bool LessonRun::revealed() const { return open_ && record(step_).revealed; }

int LessonRun::tries_left() const {
    return open_ && current().has_question ? bp::tries_left(current().question, record(step_)) : 0;
}

std::string LessonRun::hint(const Lab& lab) const {
    if (!open_ || !current().has_question || record(step_).tries == 0 || revealed()) return "";
    return fill(lab, current().question.hint);
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

bool LessonRun::expected_now(const Lab& lab, QuantityValue& expected, LessonAnswer& why) const {
    if (!open_ || !current().has_question) {
        why.feedback = open_ ? "this step asks no question" : "no lesson is open";
        return false;
    }
    const LessonQuestion& q = current().question;
    if (q.expected_is_quantity) {
        expected = evaluate(q.expected, lab, {points_at_step_start_});
        if (!expected.ok) why.feedback = "The answer cannot be checked yet: " + expected.why + ".";
        return expected.ok;
    }
    expected.ok = true;
    if (!q.choices.empty() || !number_from_text(q.expected_text, expected.number)) expected.text = q.expected_text;
    return true;
}

LessonAnswer LessonRun::answer(const Lab& lab, const std::string& given) {
    LessonAnswer a;
    QuantityValue expected;
    if (!expected_now(lab, expected, a)) return a;
    const LessonQuestion& q = current().question;
    a = check_answer(q, expected, given, fill(lab, q.explanation), records_[static_cast<size_t>(step_)]);
    if (!a.answered) return a;
    answer_ = a;
    ++answers_;
    return a;
}

LessonAnswer LessonRun::show_answer(const Lab& lab) {
    LessonAnswer a;
    QuantityValue expected;
    if (!expected_now(lab, expected, a)) return a;
    const LessonQuestion& q = current().question;
    a = bp::show_answer(q, expected, fill(lab, q.explanation), records_[static_cast<size_t>(step_)]);
    answer_ = a;
    ++answers_;
    return a;
}

std::string LessonRun::fill(const Lab& lab, const std::string& text) const {
    return fill_values(lab, text, QuantityContext{points_at_step_start_});
}

std::string fill_values(const Lab& lab, const std::string& text, const QuantityContext& context) {
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
        // A name this lab's network does not have (a draft whose step builds another) shows as "?".
        const bool known = parse_quantity(name, q, error) && check_quantity(q, lab).empty();
        out += known ? quantity_text(evaluate(q, lab, context)) : "?";
        k = close + 1;
    }
    return out + text.substr(k);
}

}  // namespace bp
