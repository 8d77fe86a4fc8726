// libFuzzer target on the lesson files that lab.openLesson reads (app/lesson): any text either is
// refused, by parse_lesson with a UTF-8 message at a line the text has, or by the check or the
// opening with the lab and any open lesson exactly as they were; or it opens, and then every step
// can be walked with Next and Back, every paragraph, question and task evaluated, and one undo
// brings back the lab from before it. parse_lesson + check_lesson accept exactly what LessonRun
// opens.
//
// Bounded: a text over kMaxLessonBytes is skipped (the page refuses it before the lab sees it), and
// so are bytes that are not UTF-8: every way a lesson reaches the lab gives UTF-8 (window.lab's
// JSON, a file read as text, the lesson editor), and the parser quotes the text in its messages.
// A lesson may train (`set: train = n`, up to the millions of steps train() allows), which is
// slow by design and would make the fuzzer spend its time training: a text whose `train` settings
// could add up to more than kMaxTrainSteps steps is only parsed, not opened.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lab/settings_json.h"
#include "app/lesson/lesson_parser.h"
#include "app/lesson/lesson_run.h"
#include "../common/utf8_check.h"

namespace {

constexpr long long kMaxTrainSteps = 50;

// Everything opening a lesson may change in the lab.
struct State {
    nlohmann::json settings;
    bp::Network network;
    long long step = 0;
    std::vector<bp::Point> points;
    uint32_t locks = 0;

    explicit State(const bp::Lab& lab)
        : settings(bp::settings_json(lab.settings())),
          network(lab.trainer().network()),
          step(lab.trainer().step_count()),
          points(lab.trainer().points()),
          locks(lab.locks()) {}
    bool operator==(const State& o) const {
        if (settings != o.settings || step != o.step || points != o.points || locks != o.locks) return false;
        if (network.sizes != o.network.sizes) return false;
        for (size_t l = 0; l < network.W.size(); ++l)
            if (network.W[l] != o.network.W[l] || network.b[l] != o.network.b[l]) return false;
        return true;
    }
};

// At least the steps the `train` settings would run: every digit of a value read as one number
// (setup values are whole numbers with at most spaces around them, or refused).
long long train_steps(const std::vector<bp::LessonSetting>& setup) {
    long long total = 0;
    for (const bp::LessonSetting& s : setup) {
        if (s.name != "train") continue;
        long long n = 0;
        for (char c : s.value)
            if (c >= '0' && c <= '9' && (n = n * 10 + (c - '0')) > kMaxTrainSteps) return kMaxTrainSteps + 1;
        total += n;
    }
    return total;
}

long long train_steps(const bp::Lesson& lesson) {
    long long total = train_steps(lesson.setup);
    for (const bp::LessonStep& step : lesson.steps) total += train_steps(step.setup);
    return total;
}

size_t line_count(const std::string& text) {
    size_t lines = 1;
    for (char c : text) lines += c == '\n';
    return lines;
}

// The step as the learner sees it: its paragraphs, question and tasks, evaluated on the lab.
void show(const bp::LessonRun& run, const bp::Lab& lab) {
    const bp::LessonStep& step = run.current();
    for (const std::string& p : step.paragraphs)
        if (!test_util::is_utf8(run.fill(lab, p))) std::abort();
    if (!test_util::is_utf8(run.fill(lab, step.question.prompt))) std::abort();
    run.tasks_done(lab);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > bp::kMaxLessonBytes) return 0;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!test_util::is_utf8(text)) return 0;
    bp::Lesson lesson;
    bp::LessonProblem problem;
    if (!bp::parse_lesson(text, lesson, problem)) {
        if (problem.message.empty() || !test_util::is_utf8(problem.message) || problem.line < 0 ||
            static_cast<size_t>(problem.line) > line_count(text))
            std::abort();
        return 0;
    }
    if (lesson.steps.empty() || lesson.steps.size() > static_cast<size_t>(bp::kMaxLessonSteps)) std::abort();
    if (train_steps(lesson) > kMaxTrainSteps) return 0;

    const bool checks = bp::check_lesson(lesson, problem);
    bp::Lab lab;
    lab.train(2);  // weights and counters that a refused lesson must leave alone
    const State before(lab);
    bp::LessonRun run;
    const std::string error = run.open(lab, text, "", 0);
    run.finish_setup(lab);  // a set-up longer than a call goes on over frames: as they would
    if (!error.empty()) {
        if (checks || run.is_open() || !(State(lab) == before) || !test_util::is_utf8(error)) std::abort();
        return 0;
    }
    if (!checks || !run.is_open() || run.step() != 0) std::abort();
    show(run, lab);
    // Next through every step on the lab as it is, then Back one.
    const int steps = static_cast<int>(run.lesson().steps.size());
    for (int k = 1; k < steps; ++k) {
        const std::string next = run.next(lab);
        run.finish_setup(lab);
        if (!next.empty() || run.step() != k) std::abort();
        show(run, lab);
    }
    if (steps > 1) {
        const std::string back = run.back(lab);
        run.finish_setup(lab);
        if (!back.empty() || run.step() != steps - 2) std::abort();
    }
    // Taking the lesson up again after a reload changes nothing in the lab.
    const State walked(lab);
    bp::LessonRun again;
    if (!again.resume(lab, text, "", steps - 1).empty() || !(State(lab) == walked)) std::abort();
    // One undo brings back the lab from before the lesson (a fresh one, to undo the opening alone).
    bp::Lab other;
    other.train(2);
    const State other_before(other);
    bp::LessonRun once;
    const std::string reopened = once.open(other, text, "", steps - 1);
    once.finish_setup(other);
    if (!reopened.empty() || !other.undo() || !(State(other) == other_before)) std::abort();
    return 0;
}
