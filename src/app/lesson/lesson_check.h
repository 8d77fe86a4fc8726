// Checking a lesson before it opens: every step's set-up read in order on a fresh lab (its training
// counted, not run), every parameter, neuron and quantity a step names checked against the network
// that step has, and the training of the whole lesson held to the lab's one limit of work
// (Lab::kMaxTrainWork, as window.lab's train(n)): a link cannot make a page train for minutes.
#pragma once

#include "app/lesson/lesson.h"
#include "app/lesson/lesson_parser.h"

namespace bp {

// The first problem, with its line; true when the lesson can be opened at any of its steps.
bool check_lesson(const Lesson& lesson, LessonProblem& problem);

}  // namespace bp
