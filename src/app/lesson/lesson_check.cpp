// Reading a lesson's set-ups in order, and checking what each step names.
#include "app/lesson/lesson_check.h"

#include <algorithm>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lesson/lesson_setup.h"
#include "app/notation/number_text.h"

namespace bp {

namespace {

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
           check_names(step.question.explanation, step.question.explanation_line, lab, problem,
                       step.question.explanation_sources) &&
           check_names(step.question.hint, step.question.hint_line, lab, problem);
}

// A `train = n` line that brings the lesson's training past the lab's limit: how much it asks, and
// how many steps would still fit there.
std::string over_limit(const Lab& lab, const LessonSetting& train, double before, double with) {
    const int fit = static_cast<int>(std::max(0.0, Lab::kMaxTrainWork - before) / lab.train_work(1));
    return "train = " + train.value + ": a lesson may train for at most 3\u00b710\u2079 multiply-adds in all (a few seconds "
           "of work, the limit of train()), and with this line it asks for " + number_text(with / 1e9, 2) +
           "\u00b710\u2079; " + (fit > 0 ? "about " + std::to_string(fit) + " more steps of this network fit here" : "no more training fits here");
}

// One set-up read on `lab`: applied, with its training counted in `work`, not run.
bool check_setup(Lab& lab, const std::vector<LessonSetting>& setup, double& work, LessonProblem& problem) {
    LessonView view;
    SetupTraining training;
    std::string error;
    int line = 0;
    if (!apply_setup_before_training(lab, setup, view, training, error, line)) {
        problem = {line, error};
        return false;
    }
    if (training.steps > 0) {
        const double with = work + lab.train_work(training.steps);
        if (with > Lab::kMaxTrainWork) {
            const auto train = std::find_if(setup.begin(), setup.end(), [&](const LessonSetting& s) { return s.line == training.line; });
            problem = {training.line, over_limit(lab, *train, work, with)};
            return false;
        }
        work = with;
        lab.train(1);  // one step stands for them: what follows may need a step taken (its batch)
    }
    if (!apply_setup_after_training(lab, setup, view, error, line)) {
        problem = {line, error};
        return false;
    }
    return true;
}

}  // namespace

bool check_lesson(const Lesson& lesson, LessonProblem& problem) {
    Lab lab;
    lab.set_locks(lesson.locks);
    double work = 0.0;
    if (!check_setup(lab, lesson.setup, work, problem)) return false;
    for (const LessonStep& step : lesson.steps)
        if (!check_setup(lab, step.setup, work, problem) || !check_step(step, lab, problem)) return false;
    return true;
}

}  // namespace bp
