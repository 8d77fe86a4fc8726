// The embedded lesson files, named after their files.
#include "app/lesson/builtin_lessons.h"

#include <cctype>

#include "app/lesson/lesson_parser.h"
#include "lessons_embedded.h"

namespace bp {

namespace {

// "lesson_01_chain_rule" (the embedded array) -> "chain-rule".
std::string lesson_name(std::string array) {
    array = array.substr(std::string("lesson_").size());
    size_t k = 0;
    while (k < array.size() && std::isdigit(static_cast<unsigned char>(array[k]))) ++k;
    if (k < array.size() && array[k] == '_') ++k;
    array = array.substr(k);
    for (char& c : array)
        if (c == '_') c = '-';
    return array;
}

}  // namespace

const std::vector<BuiltinLesson>& builtin_lessons() {
    static const std::vector<BuiltinLesson> all = [] {
        std::vector<BuiltinLesson> out;
        for (const embedded::File& f : embedded::kFiles) {
            BuiltinLesson b;
            b.name = lesson_name(f.name);
            b.text.assign(reinterpret_cast<const char*>(f.bytes), f.size);
            Lesson lesson;
            LessonProblem problem;
            if (parse_lesson(b.text, lesson, problem)) {  // a test checks that every one parses
                b.title = lesson.title;
                b.steps = static_cast<int>(lesson.steps.size());
            }
            out.push_back(std::move(b));
        }
        return out;
    }();
    return all;
}

const BuiltinLesson* find_builtin_lesson(const std::string& name) {
    for (const BuiltinLesson& b : builtin_lessons())
        if (b.name == name) return &b;
    return nullptr;
}

}  // namespace bp
