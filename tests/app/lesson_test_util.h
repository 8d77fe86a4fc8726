// Helpers the lesson tests share: a lesson text's refusal, a table of refusals checked at their
// lines, and the inspected sample's loss with one weight moved (for finite differences, an oracle
// independent of the lab's gradients).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/lesson/lesson_parser.h"
#include "core/loss.h"
#include "core/network.h"

namespace bp {

// The problem that refuses `text` (a failure when the text opens).
inline LessonProblem problem_of(const std::string& text) {
    Lesson lesson;
    LessonProblem problem;
    EXPECT_FALSE(parse_lesson(text, lesson, problem) && check_lesson(lesson, problem)) << text;
    return problem;
}

// A lesson text that must be refused at `line` with a message containing `says`.
struct RefusedAt {
    std::string text;
    int line;
    const char* says;
};

inline void expect_refused_at_their_lines(const std::vector<RefusedAt>& cases) {
    for (const RefusedAt& c : cases) {
        const LessonProblem p = problem_of(c.text);
        EXPECT_EQ(p.line, c.line) << c.text.substr(0, 80) << " -> " << p.text();
        EXPECT_NE(p.message.find(c.says), std::string::npos) << c.text.substr(0, 80) << " -> " << p.text();
    }
}

// This sample's loss on a copy of the network with one weight moved to w.
inline double sample_loss_at(const Lab& lab, int layer, int i, int j, double w) {
    Network net = lab.inspected_network();
    net.W[layer - 1](i, j) = w;
    Pass pass;
    pass.reserve(net, 1);
    pass.rows = 1;
    pass.a[0] = lab.inspected_pass().a[0].topRows(1);
    pass.y(0) = lab.inspected_pass().y(0);
    forward(net, pass);
    return mean_loss(net, lab.settings().loss, pass);
}

}  // namespace bp
