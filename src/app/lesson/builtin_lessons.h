// The lessons that come with the lab: the files of lessons/, embedded at build time, in the order
// of their file names ("01-chain-rule.lesson" is the lesson "chain-rule", offered first).
#pragma once

#include <string>
#include <vector>

namespace bp {

struct BuiltinLesson {
    std::string name;   // "chain-rule"
    std::string title;  // from its 'lesson:' line
    int steps = 0;
    std::string text;   // the file
};

const std::vector<BuiltinLesson>& builtin_lessons();
// The built-in lesson of that name, or nullptr.
const BuiltinLesson* find_builtin_lesson(const std::string& name);

}  // namespace bp
