// The repository as the documentation tests read it: which files exist, and where a function, type,
// member or constant is defined (a definition or declaration, not a mention in a call or a comment).
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace source_map {

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// C++ or GLSL with its comments, string literals and character literals blanked (newlines kept), so
// that only code can define a name.
inline std::string code_only(const std::string& text) {
    std::string out = text;
    size_t i = 0;
    const auto blank = [&](size_t from, size_t to) {
        for (size_t k = from; k < to && k < out.size(); ++k)
            if (out[k] != '\n') out[k] = ' ';
    };
    while (i < text.size()) {
        if (text.compare(i, 2, "//") == 0) {
            const size_t end = text.find('\n', i);
            blank(i, end);
            i = end == std::string::npos ? text.size() : end;
        } else if (text.compare(i, 2, "/*") == 0) {
            const size_t end = text.find("*/", i + 2);
            const size_t stop = end == std::string::npos ? text.size() : end + 2;
            blank(i, stop);
            i = stop;
        } else if (text.compare(i, 2, "R\"") == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
            const size_t open = text.find('(', i);
            const std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
            const size_t end = text.find(close, open);
            const size_t stop = end == std::string::npos ? text.size() : end + close.size();
            blank(i, stop);
            i = stop;
        } else if (text[i] == '"' || (text[i] == '\'' && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))) {
            const char quote = text[i];
            size_t k = i + 1;
            while (k < text.size() && text[k] != quote && text[k] != '\n') k += text[k] == '\\' ? 2 : 1;
            blank(i, k + 1);
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

inline bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), std::string::npos, end) == 0;
}

// A file the lab's code is written in: C++ or GLSL.
inline bool is_code_file(const std::string& path) {
    return ends_with(path, ".h") || ends_with(path, ".cpp") || ends_with(path, ".frag") || ends_with(path, ".vert");
}

inline bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The word that ends just before `end` (exclusive).
inline std::string word_before(const std::string& code, size_t end) {
    size_t start = end;
    while (start > 0 && is_word(code[start - 1])) --start;
    return code.substr(start, end - start);
}

// Whether the occurrence of a name at [at, at + size) is where it is defined or declared: a type or
// `auto` before it (a return type, a variable's type), or a qualified `Owner::name` with one before
// that, and after it the start of a parameter list, an initializer or the end of a declaration.
// `in_body`: inside a type's braces, where `a, b;` and enumerators also declare.
inline bool is_definition_site(const std::string& code, size_t at, size_t size, bool in_body) {
    static const std::set<std::string> not_types = {"return", "else", "new", "delete", "case", "throw", "sizeof",
                                                    "goto", "do", "not", "and", "or", "using", "namespace",
                                                    "struct", "class", "enum", "union", "friend", "co_return"};
    size_t next = at + size;
    while (next < code.size() && std::isspace(static_cast<unsigned char>(code[next]))) ++next;
    if (next >= code.size()) return false;
    const char after = code[next];
    const bool opens = after == '(' || after == '{' || after == '[' || after == ';' ||
                       (after == '=' && (next + 1 >= code.size() || code[next + 1] != '='));
    const bool lists = in_body && (after == ',' || after == '}');
    if (!opens && !lists) return false;
    size_t before = at;
    while (before > 1 && code[before - 1] == ':' && code[before - 2] == ':') {  // Owner::name
        before -= 2;
        while (before > 0 && is_word(code[before - 1])) --before;
    }
    while (before > 0 && std::isspace(static_cast<unsigned char>(code[before - 1]))) --before;
    if (before == 0) return false;
    const char prev = code[before - 1];
    if (is_word(prev)) return !not_types.count(word_before(code, before));
    if (prev == '>') return true;
    if ((prev == '*' || prev == '&') && before >= 2 && (is_word(code[before - 2]) || code[before - 2] == '>' ||
                                                        code[before - 2] == '&'))
        return true;
    return in_body && (prev == ',' || prev == '{') && (after == ',' || after == '}' || after == '=' || after == ';');
}

// The word before position `at`, skipping spaces and an `Outer::` qualification (`namespace bp::x`).
inline std::string keyword_before(const std::string& code, size_t at) {
    size_t before = at;
    while (before > 1 && code[before - 1] == ':' && code[before - 2] == ':') {
        before -= 2;
        while (before > 0 && is_word(code[before - 1])) --before;
    }
    while (before > 0 && std::isspace(static_cast<unsigned char>(code[before - 1]))) --before;
    return word_before(code, before);
}

// The first character after position `at` that is not a space, or '\0'.
inline char char_after(const std::string& code, size_t at) {
    while (at < code.size() && std::isspace(static_cast<unsigned char>(code[at]))) ++at;
    return at < code.size() ? code[at] : '\0';
}

// Whether the name at [at, at + size) opens a type's, enum's or namespace's definition
// (`struct Name {`, `class Name final : Base`, `enum class Name : int {`, `namespace bp::name {`) or
// an alias (`using Name =`).
inline bool is_type_definition(const std::string& code, size_t at, size_t size) {
    const std::string keyword = keyword_before(code, at);
    size_t next = at + size;
    while (next < code.size() && std::isspace(static_cast<unsigned char>(code[next]))) ++next;
    if (code.compare(next, 5, "final") == 0) next += 5;
    const char after = char_after(code, next);
    if (keyword == "using") return after == '=';
    if (keyword == "namespace") return after == '{';
    if (keyword != "struct" && keyword != "class" && keyword != "union" && keyword != "enum") return false;
    if (after == '{') return true;
    if (after != ':') return false;
    while (next < code.size() && code[next] != ':') ++next;
    return next + 1 < code.size() && code[next + 1] != ':';
}

// The positions where `name` occurs as a whole word in `code`.
inline std::vector<size_t> occurrences(const std::string& code, const std::string& name) {
    std::vector<size_t> found;
    for (size_t at = code.find(name); at != std::string::npos; at = code.find(name, at + 1))
        if ((at == 0 || !is_word(code[at - 1])) && (at + name.size() >= code.size() || !is_word(code[at + name.size()])))
            found.push_back(at);
    return found;
}

// Whether `code` defines the unqualified `name`: a type, alias or namespace of that name, or a
// function, variable, constant or member declared at a definition site.
inline bool defines_name(const std::string& code, const std::string& name, bool in_body = false) {
    for (size_t at : occurrences(code, name))
        if (is_type_definition(code, at, name.size()) || is_definition_site(code, at, name.size(), in_body)) return true;
    return false;
}

// The bodies (between the braces) of every struct, class, union or enum named `owner` in `code`.
inline std::vector<std::string> bodies_of(const std::string& code, const std::string& owner) {
    std::vector<std::string> bodies;
    for (size_t at : occurrences(code, owner)) {
        const std::string keyword = keyword_before(code, at);
        if (keyword != "struct" && keyword != "class" && keyword != "union" && keyword != "enum") continue;
        const size_t open = code.find_first_of(";{(", at);
        if (open == std::string::npos || code[open] != '{') continue;
        int depth = 1;
        size_t end = open + 1;
        for (; end < code.size() && depth > 0; ++end) depth += code[end] == '{' ? 1 : code[end] == '}' ? -1 : 0;
        bodies.push_back(code.substr(open + 1, end - open - 1));
    }
    return bodies;
}

// Whether `code` defines `symbol`: a plain name, or `Owner::member` defined out of line
// (`... Owner::member(`), declared in Owner's braces, or defined in a namespace Owner.
inline bool defines(const std::string& code, const std::string& symbol) {
    if (code.find(symbol.substr(symbol.rfind(':') == std::string::npos ? 0 : symbol.rfind(':') + 1)) == std::string::npos)
        return false;
    const size_t colons = symbol.rfind("::");
    if (colons == std::string::npos) return defines_name(code, symbol);
    const std::string member = symbol.substr(colons + 2);
    const std::string owner_path = symbol.substr(0, colons);
    const size_t owner_colons = owner_path.rfind("::");
    const std::string owner = owner_colons == std::string::npos ? owner_path : owner_path.substr(owner_colons + 2);
    for (size_t at : occurrences(code, owner + "::" + member))
        if (is_definition_site(code, at + owner.size() + 2, member.size(), false)) return true;
    for (const std::string& body : bodies_of(code, owner))
        if (defines_name(body, member, true)) return true;
    for (size_t at : occurrences(code, owner))
        if (keyword_before(code, at) == "namespace") return defines_name(code, member);
    return false;
}

// The repository's files (without build output, third-party code and git's own), read on demand.
class Sources {
public:
    explicit Sources(const std::string& root) : root_(root) {
        namespace fs = std::filesystem;
        std::error_code error;
        for (auto it = fs::recursive_directory_iterator(root_, error); it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (error) break;
            const std::string relative = fs::relative(it->path(), root_).generic_string();
            const std::string name = it->path().filename().string();
            if (it->is_directory()) {
                if (name.rfind(".", 0) == 0 || name.rfind("build", 0) == 0 || name == "third_party" || name == "node_modules") {
                    it.disable_recursion_pending();
                    continue;
                }
                directories_.insert(relative);
            } else {
                files_.insert(relative);
            }
        }
    }

    bool exists(std::string path) const {
        while (!path.empty() && path.back() == '/') path.pop_back();
        return files_.count(path) || directories_.count(path);
    }

    // The files (or, for "name/", folders) with this name anywhere in the repository.
    std::vector<std::string> files_named(const std::string& name) const {
        const bool folder = !name.empty() && name.back() == '/';
        const std::string bare = folder ? name.substr(0, name.size() - 1) : name;
        std::vector<std::string> found;
        for (const std::string& path : folder ? directories_ : files_)
            if (path == bare || ends_with(path, "/" + bare))
                found.push_back(path);
        return found;
    }

    std::vector<std::string> lines_of(const std::string& path) const {
        std::vector<std::string> lines;
        std::stringstream text(read_text(root_ / path));
        for (std::string line; std::getline(text, line);) lines.push_back(line);
        return lines;
    }

    const std::string& code_of(const std::string& path) {
        auto found = code_.find(path);
        if (found == code_.end()) found = code_.emplace(path, code_only(read_text(root_ / path))).first;
        return found->second;
    }

    // Whether any source file of the lab (src/, and shaders/ if there is one) defines `symbol`.
    bool defined_anywhere(const std::string& symbol) {
        for (const std::string& path : files_)
            if (is_lab_code(path) && defines(code_of(path), symbol)) return true;
        return false;
    }

    // Whether a GoogleTest test of tests/ has this name (`TEST(Suite, name)`, `TEST_F(...)`).
    bool names_a_test(const std::string& name) {
        const std::regex test("\\bTEST(?:_F|_P)?\\(\\s*\\w+\\s*,\\s*" + name + "\\s*\\)");
        for (const std::string& path : files_)
            if (path.rfind("tests/", 0) == 0 && ends_with(path, "_test.cpp")) {
                const std::string text = read_text(root_ / path);
                if (text.find(name) != std::string::npos && std::regex_search(text, test)) return true;
            }
        return false;
    }

    // A file the build writes (`embedded_resources.h`): named in CMakeLists.txt, not in the repository.
    bool is_generated(const std::string& name) {
        return cmake().find("generated/" + name) != std::string::npos;
    }

    bool is_cmake_target(const std::string& name) {
        const std::regex target("\\b(?:add_library|add_executable|add_custom_target|bp_app_library|function)\\(\\s*" + name + "\\b");
        return std::regex_search(cmake(), target);
    }

private:
    static bool is_lab_code(const std::string& path) {
        return (path.rfind("src/", 0) == 0 || path.rfind("shaders/", 0) == 0) && is_code_file(path);
    }

    const std::string& cmake() {
        if (cmake_.empty()) cmake_ = read_text(root_ / "CMakeLists.txt");
        return cmake_;
    }

    std::filesystem::path root_;
    std::set<std::string> files_, directories_;
    std::map<std::string, std::string> code_;
    std::string cmake_;
};

}  // namespace source_map
