// A lesson as it is shared: lessonLink({step}) gives the open lesson's file and the step its link
// opens at (the page makes the link), and a lesson file that ends with a `check:` line opens only
// when every byte before that line is as it was written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/lab_api.h"
#include "app/lesson/builtin_lessons.h"
#include "core/link_bytes.h"
#include "lesson_test_util.h"
#include "api_test_util.h"

using namespace bp;
using nlohmann::json;

namespace {

using api_test::Window;

// The file with its check line: the CRC-32 of every byte before it, as the page or a script writes it.
std::string with_check(const std::string& text) {
    char digits[9];
    std::snprintf(digits, sizeof digits, "%08x",
                  static_cast<unsigned>(crc32(reinterpret_cast<const uint8_t*>(text.data()), text.size())));
    return text + "check: " + digits + "\n";
}

const char* kSmall = "lesson: Two steps\nset: dataset = xor\n\nstep: Look\nThe data is XOR.\n\nstep: Train\nPress Play.\n";

}  // namespace

TEST(LessonLink, GivesTheOpenLessonsFileAndTheStepItsLinkOpensAt) {
    Window w;
    ASSERT_EQ(w.call("openLesson", {"chain-rule", 3})["ok"], true);
    const std::string source = w.call("lesson", {{{"text", true}}})["source"];
    EXPECT_EQ(source, find_builtin_lesson("chain-rule")->text);

    const json now = w.call("lessonLink");  // the current step when none is given
    EXPECT_EQ(now, (json{{"ok", true}, {"error", nullptr}, {"text", source}, {"step", 3}}));
    EXPECT_EQ(w.call("lessonLink", json::array({json::object()}))["step"], 3);
    const json at = w.call("lessonLink", {{{"step", 6}}});
    EXPECT_EQ(at["ok"], true) << at.dump();
    EXPECT_EQ(at["step"], 6);
    EXPECT_EQ(at["text"], source);
    EXPECT_EQ(w.call("lesson")["step"], 3) << "asking for a link moves no step";
}

TEST(LessonLink, RefusesInWordsWithoutALessonOrWithABadStepAndChangesNothing) {
    Window w;
    const json none = w.call("lessonLink");
    EXPECT_EQ(none["ok"], false);
    EXPECT_EQ(none["error"], "lessonLink(): no lesson is open");

    ASSERT_EQ(w.call("openLesson", {"chain-rule", 2})["ok"], true);
    const int steps = w.call("lesson")["steps"];
    const std::string before = w.call("state").dump() + w.call("lesson").dump();
    for (const json& step : {json(0), json(steps + 1), json(-1), json(1.5), json("2"), json(nullptr), json(true),
                             json::parse("1e300"), json::parse("18446744073709551615")}) {
        const json r = w.call("lessonLink", {{{"step", step}}});
        EXPECT_EQ(r["ok"], false) << step.dump();
        EXPECT_EQ(r["error"], "lessonLink(): the step is a whole number from 1 to " + std::to_string(steps) +
                                  ", the lesson's steps")
            << step.dump();
    }
    for (const json& options : {json(2), json("step"), json::array({2}), json(nullptr), json(false),
                                json{{"step", 2}, {"stepp", 2}}, json{{"Step", 2}}}) {
        const json r = w.call("lessonLink", json::array({options}));
        EXPECT_EQ(r["ok"], false) << options.dump();
        EXPECT_EQ(r["error"], "lessonLink(): takes nothing, or {step: n} for the step the link opens at") << options.dump();
    }
    EXPECT_EQ(w.call("state").dump() + w.call("lesson").dump(), before);
}

TEST(LessonCheck, AFileWithItsCheckLineOpensAsOneWithout) {
    Window w;
    const std::string checked = with_check(kSmall);
    const json r = w.call("openLesson", {checked});
    ASSERT_EQ(r["ok"], true) << r.dump();
    EXPECT_EQ(w.call("lesson", {{{"text", true}}})["source"], checked);
    EXPECT_EQ(w.call("lesson")["steps"], 2);
    EXPECT_EQ(w.call("state")["dataset"], "xor");
    // Upper-case digits, Windows line ends, a byte-order mark (counted: it is a byte before the line),
    // and blank lines after it.
    std::string upper = with_check(kSmall);
    for (size_t k = upper.rfind(' ') + 1; k < upper.size(); ++k) upper[k] = static_cast<char>(std::toupper(upper[k]));
    std::string windows;
    for (const char c : std::string(kSmall)) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    for (const std::string& text : {upper, with_check(windows), with_check("\xEF\xBB\xBF" + std::string(kSmall)),
                                    with_check(kSmall) + "\n  \n", with_check(find_builtin_lesson("chain-rule")->text)}) {
        Lesson lesson;
        LessonProblem problem;
        EXPECT_TRUE(parse_lesson(text, lesson, problem)) << problem.text() << "\n" << text;
    }
}

TEST(LessonCheck, AFileWhoseCheckDoesNotMatchIsRefusedAsDamagedAtItsLine) {
    const std::string checked = with_check(kSmall);
    const int check_line = 9;
    // Every byte before the check line changed, in turn, to another. All but the line end just
    // before it: that change makes "check:" part of the text line above, and the file one without a
    // check line, which opens as any such file does.
    for (size_t k = 0; k + 1 < std::string(kSmall).size(); ++k) {
        std::string changed = checked;
        changed[k] = changed[k] == 'a' ? 'b' : changed[k] == '\n' ? ' ' : 'a';
        const auto at = changed.begin() + static_cast<std::ptrdiff_t>(changed.rfind("check: "));
        const LessonProblem p = problem_of(changed);
        EXPECT_EQ(p.line, 1 + std::count(changed.begin(), at, '\n')) << "byte " << k << ": " << p.text();
        EXPECT_NE(p.message.find("damaged"), std::string::npos) << p.text();
    }
    // A line lost or one added before it; and a changed digit of the check itself.
    std::string lost = checked;
    lost.erase(lost.find("\nPress Play."), 12);
    std::string digit = checked;
    digit[digit.size() - 2] = digit[digit.size() - 2] == '0' ? '1' : '0';
    expect_refused_at_their_lines({
        {lost, check_line - 1, "check digits do not match"},
        {"# a comment\n" + checked, check_line + 1, "check digits do not match"},
        {digit, check_line, "check digits do not match"},
        {with_check(kSmall) + "More text.\n", check_line, "the file's last line"},
        {std::string(kSmall) + "check: 1234567\n", check_line, "8 hexadecimal digits"},
        {std::string(kSmall) + "check: 123456789\n", check_line, "8 hexadecimal digits"},
        {std::string(kSmall) + "check: 1234567g\n", check_line, "8 hexadecimal digits"},
        {std::string(kSmall) + "check:\n", check_line, "8 hexadecimal digits"},
    });
}
