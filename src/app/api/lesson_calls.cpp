// The lesson calls, over LessonRun. Steps are counted from 1 here, as on screen.
#include "app/api/lesson_calls.h"

#include <cmath>

#include "app/lesson/builtin_lessons.h"
#include "app/lesson/lesson_run.h"
#include "app/notation/number_text.h"

namespace bp {

using nlohmann::json;

namespace {

// A step's lab being set up over frames: {step, progress, trained, toTrain}, or null.
json setting_up_json(const LessonRun& run) {
    if (!run.setting_up()) return nullptr;
    const LessonSetUp s = run.setup_state();
    return {{"title", s.title}, {"step", s.step + 1}, {"progress", s.progress}, {"trained", s.trained}, {"toTrain", s.to_train}};
}

json step_result(const ApiCall& c, const std::string& error) {
    json out = result(error);
    out["step"] = c.lesson.is_open() ? json(c.lesson.step() + 1) : json(nullptr);
    out["settingUp"] = error.empty() && c.lesson.setting_up();
    return out;
}

const char* kind_name(LessonPointer::Kind kind) {
    switch (kind) {
        case LessonPointer::Kind::Neuron: return "neuron";
        case LessonPointer::Kind::Weight: return "weight";
        case LessonPointer::Kind::Bias: return "bias";
        case LessonPointer::Kind::MatrixCell: return "cell";
        case LessonPointer::Kind::Panel: return "panel";
        case LessonPointer::Kind::Control: return "control";
    }
    return "panel";
}

json pointer_json(const LessonPointer& p) {
    json out = {{"kind", kind_name(p.kind)}};
    switch (p.kind) {
        case LessonPointer::Kind::Panel:
        case LessonPointer::Kind::Control: out["name"] = p.name; break;
        case LessonPointer::Kind::Neuron: out["layer"] = p.layer, out["j"] = p.j + 1; break;
        case LessonPointer::Kind::Bias: out["layer"] = p.layer, out["j"] = p.j + 1; break;
        case LessonPointer::Kind::Weight:
        case LessonPointer::Kind::MatrixCell: out["layer"] = p.layer, out["i"] = p.i + 1, out["j"] = p.j + 1; break;
    }
    return out;
}

}  // namespace

json lessons_json(const ApiCall&) {
    json out = json::array();
    for (const BuiltinLesson& b : builtin_lessons()) out.push_back({{"name", b.name}, {"title", b.title}, {"steps", b.steps}});
    return out;
}

json open_lesson(const ApiCall& c) {
    const json& what = c.arg(0);
    if (!what.is_string()) return step_result(c, "takes a built-in lesson's name (see lessons()) or a lesson file's text");
    int step = 1;
    if (c.has(1) && (!c.arg(1).is_number_integer() || c.arg(1).get<int64_t>() < 1 || c.arg(1).get<int64_t>() > kMaxLessonSteps))
        return step_result(c, "the step is a whole number from 1");
    if (c.has(1)) step = static_cast<int>(c.arg(1).get<int64_t>());
    // {keepLab: true}: take the lesson up on the lab as it is (the page reopening a lesson after a reload).
    const json& options = c.arg(2);
    if (c.has(2) && !(options.is_object() && options.size() == 1 && options.contains("keepLab") && options["keepLab"].is_boolean()))
        return step_result(c, "the third argument is {keepLab: true or false}");
    const bool keep = c.has(2) && options["keepLab"].get<bool>();
    const std::string text = what.get<std::string>();
    const BuiltinLesson* builtin = find_builtin_lesson(text);
    const std::string& lesson_text = builtin ? builtin->text : text;
    const std::string name = builtin ? builtin->name : "";
    const std::string error = keep ? c.lesson.resume(c.lab, lesson_text, name, step - 1)
                                   : c.lesson.open(c.lab, lesson_text, name, step - 1);
    return step_result(c, error);
}

json lesson_json(const ApiCall& c) {
    const LessonRun& run = c.lesson;
    const json& options = c.arg(0);
    if (c.has(0) && !(options.is_object() && options.size() == 1 && options.contains("text") && options["text"].is_boolean()))
        return result("takes nothing, or {text: true} for the lesson file's text too");
    if (!run.is_open()) return {{"open", false}, {"settingUp", setting_up_json(run)}};
    const LessonStep& step = run.current();
    json paragraphs = json::array(), tasks = json::array(), pointers = json::array();
    for (const std::string& p : step.paragraphs) paragraphs.push_back(run.fill(c.lab, p));
    for (size_t k = 0; k < step.tasks.size(); ++k) tasks.push_back({{"task", step.tasks[k].source}, {"done", run.task_done(c.lab, k)}});
    for (const LessonPointer& p : step.pointers) pointers.push_back(pointer_json(p));
    json question = nullptr;
    if (step.has_question) {
        const LessonAnswer& a = run.last_answer();
        const std::string hint = run.hint(c.lab);
        question = {{"prompt", run.fill(c.lab, step.question.prompt)},
                    {"choices", step.question.choices},
                    {"answered", a.answered},
                    {"correct", a.answered ? json(a.correct) : json(nullptr)},
                    {"feedback", a.feedback},
                    {"tries", tries_allowed(step.question)},
                    {"triesLeft", run.tries_left()},
                    {"revealed", run.revealed()},
                    {"hint", hint.empty() ? json(nullptr) : json(hint)}};
    }
    return {{"open", true},
            {"shown", run.shown},
            {"name", run.name()},
            {"title", run.lesson().title},
            {"step", run.step() + 1},
            {"steps", run.lesson().steps.size()},
            {"stepTitle", step.title},
            {"text", paragraphs},
            {"tasks", tasks},
            {"done", run.tasks_done(c.lab)},
            {"pointers", pointers},
            {"question", question},
            {"settingUp", setting_up_json(run)},
            {"source", c.has(0) && options["text"].get<bool>() ? json(run.text()) : json(nullptr)}};
}

json lesson_next(const ApiCall& c) { return step_result(c, c.lesson.next(c.lab)); }
json lesson_back(const ApiCall& c) { return step_result(c, c.lesson.back(c.lab)); }

json close_lesson(const ApiCall& c) {
    if (!c.lesson.is_open()) return result("no lesson is open");
    c.lesson.close(c.lab);
    return result("");
}

json lesson_link(const ApiCall& c) {
    const json& options = c.arg(0);
    if (c.has(0) && !(options.is_object() && options.size() == options.count("step")))
        return result("takes nothing, or {step: n} for the step the link opens at");
    if (!c.lesson.is_open()) return result("no lesson is open");
    const int steps = static_cast<int>(c.lesson.lesson().steps.size());
    int step = c.lesson.step() + 1;
    if (options.is_object() && options.contains("step")) {
        const json& n = options["step"];
        if (!n.is_number_integer() || n.get<int64_t>() < 1 || n.get<int64_t>() > steps)
            return result("the step is a whole number from 1 to " + std::to_string(steps) + ", the lesson's steps");
        step = static_cast<int>(n.get<int64_t>());
    }
    json out = result("");
    out["text"] = c.lesson.text();
    out["step"] = step;
    return out;
}

namespace {

// An answer, or the answer shown: {ok, correct, expected, tolerance, error, feedback, triesLeft,
// revealed, hint}. Until the answer is revealed, expected and tolerance are null: they would give it away.
json answer_json(const ApiCall& c, const LessonAnswer& a, bool shown) {
    json out = {{"ok", false}, {"correct", false}, {"expected", nullptr}, {"tolerance", nullptr}, {"error", nullptr}};
    if (!(shown ? a.revealed : a.answered)) {
        out["error"] = a.feedback;
        return out;
    }
    const std::string hint = c.lesson.hint(c.lab);
    out["ok"] = true;
    out["correct"] = shown ? json(nullptr) : json(a.correct);
    if (a.revealed) {
        out["expected"] = a.expected_is_number ? json(a.expected_number) : json(a.expected);
        out["tolerance"] = a.tolerance;
    }
    out["feedback"] = a.feedback;
    out["triesLeft"] = a.tries_left;
    out["revealed"] = a.revealed;
    out["hint"] = hint.empty() ? json(nullptr) : json(hint);
    return out;
}

json no_question(const ApiCall& c) {
    json out = {{"ok", false}, {"correct", false}, {"expected", nullptr}, {"tolerance", nullptr}, {"error", nullptr}};
    out["error"] = c.lesson.is_open() ? "this step asks no question" : "no lesson is open";
    return out;
}

// A try's result as recorded: true, false, or null when not given.
json try_json(const std::optional<bool>& t) { return t ? json(*t) : json(nullptr); }

}  // namespace

json answer_question(const ApiCall& c) {
    const json& v = c.arg(0);
    std::string given;
    if (v.is_number() && std::isfinite(v.get<double>())) given = number_text(v.get<double>(), 17);
    else if (v.is_string()) given = v.get<std::string>();
    else {
        json out = no_question(c);
        out["error"] = "takes a number, or the text of a choice";
        return out;
    }
    if (!c.lesson.is_open() || !c.lesson.current().has_question) return no_question(c);
    return answer_json(c, c.lesson.answer(c.lab, given), false);
}

json show_answer(const ApiCall& c) {
    if (!c.lesson.is_open() || !c.lesson.current().has_question) return no_question(c);
    return answer_json(c, c.lesson.show_answer(c.lab), true);
}

json lesson_results(const ApiCall& c) {
    const LessonRun& run = c.lesson;
    if (!run.is_open()) return result("no lesson is open");
    json questions = json::array();
    const auto& steps = run.lesson().steps;
    for (size_t k = 0; k < steps.size(); ++k) {
        if (!steps[k].has_question) continue;
        const QuestionRecord& r = run.record(static_cast<int>(k));
        questions.push_back({{"step", k + 1},
                             {"tries", tries_allowed(steps[k].question)},
                             {"firstTry", try_json(r.first_try)},
                             {"secondTry", try_json(r.second_try)},
                             {"revealed", r.revealed}});
    }
    json out = result("");
    out["name"] = run.name();
    out["title"] = run.lesson().title;
    out["questions"] = questions;
    return out;
}

json lesson_state_json(const ApiCall& c) {
    if (!c.lesson.is_open()) return {{"open", false}};
    return {{"open", true}, {"name", c.lesson.name()}, {"step", c.lesson.step() + 1}};
}

}  // namespace bp
