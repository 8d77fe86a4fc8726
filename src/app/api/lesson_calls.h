// window.lab's lesson calls: the built-in lessons, opening one (by name or as a lesson file's
// text) at a step, walking it, answering its questions, and what was recorded of the answers. They
// act on the window's LessonRun.
#pragma once

#include <nlohmann/json.hpp>

#include "app/api/lab_api.h"

namespace bp {

nlohmann::json lessons_json(const ApiCall& call);   // lessons(): [{name, title, steps}]
nlohmann::json open_lesson(const ApiCall& call);    // openLesson(textOrName, step = 1)
nlohmann::json lesson_json(const ApiCall& call);    // lesson(): the open lesson and its step
nlohmann::json lesson_next(const ApiCall& call);    // lessonNext()
nlohmann::json lesson_back(const ApiCall& call);    // lessonBack()
nlohmann::json close_lesson(const ApiCall& call);   // closeLesson()
// lessonLink({step}): the open lesson's file and the step (from 1; the current one when left out)
// its link opens at, {ok, error, text, step}; the page makes the link of them.
nlohmann::json lesson_link(const ApiCall& call);
nlohmann::json answer_question(const ApiCall& call);  // answer(value): one try at the step's question
nlohmann::json show_answer(const ApiCall& call);      // showAnswer(): the step's answer, without a try
// lessonResults(): each question of the open lesson, right or wrong at its first and second try,
// and whether its answer was shown: {ok, error, name, title, questions: [{step, tries, firstTry,
// secondTry, revealed}]}.
nlohmann::json lesson_results(const ApiCall& call);
// The part of state() that tells whether a lesson is open: {open, name, step}.
nlohmann::json lesson_state_json(const ApiCall& call);

}  // namespace bp
