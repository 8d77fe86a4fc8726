// docs/ARCHITECTURE.md against the source: every path it names exists, and every function, type or
// member it places in a file (or names in its tables) is defined there, so the map cannot drift.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "source_map.h"

using namespace source_map;

namespace {

const std::string kDoc = "docs/ARCHITECTURE.md";

// One claim the document makes, at its line.
struct Claim {
    int line;
    std::string text;
};

std::string report(const std::vector<std::string>& problems) {
    std::string text;
    for (const std::string& p : problems) text += "\n  " + p;
    return text;
}

std::string at(int line) { return kDoc + " line " + std::to_string(line) + ": "; }

// The symbol a code span names, or "" when the span is not a C++ name: `f`, `f()`, `A::f`,
// `A::f()`, and the object of `A::f().member` or `A::f()[i]` (the member is not followed).
std::string symbol_of(const std::string& span) {
    static const std::regex name(R"(^(?:bp::)?([A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)(?:\(\)(?:[.\[].*)?)?$)");
    std::smatch m;
    if (!std::regex_match(span, m, name)) return "";
    const std::string symbol = m[1];
    for (const char* foreign : {"std::", "ImGui::", "glfw"})  // the libraries', not the lab's
        if (symbol.rfind(foreign, 0) == 0) return "";
    return symbol;
}

// The code spans of a piece of text, in order.
std::vector<std::string> spans_of(const std::string& text) {
    std::vector<std::string> spans;
    static const std::regex span("`([^`]+)`");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), span); it != std::sregex_iterator(); ++it)
        spans.push_back((*it)[1]);
    return spans;
}

// The table cells of a line that starts with '|' (a '|' escaped as "\|" or inside a code span is text).
std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool in_code = false;
    for (size_t i = 1; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '`') in_code = !in_code;
        if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (c == '|' && !in_code) {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    return cells;
}

// The files a document's path stands for: links are relative to docs/, code spans to the
// repository or to src/ (as the document says of its tables); a bare file name is found anywhere.
std::vector<std::string> resolve(const Sources& src, const std::string& path, bool from_docs) {
    std::string p = path.substr(0, path.find('#'));
    if (from_docs) p = p.rfind("../", 0) == 0 ? p.substr(3) : "docs/" + p;
    if (p.find('/') == std::string::npos || (p.size() > 1 && p.back() == '/' && p.find('/') == p.size() - 1)) {
        std::vector<std::string> found = src.files_named(p);
        if (!found.empty()) return found;
    }
    for (const std::string& base : {std::string(), std::string("src/")}) {
        const std::string full = base + p;
        if (src.exists(full)) return {full};
        // A module named without its extension (`app/notation/number_text`): its header or source.
        for (const char* ext : {".h", ".cpp"})
            if (src.exists(full + ext)) return {full + ext};
    }
    return {};
}

bool looks_like_path(const std::string& span) {
    static const std::regex path(R"(^[\w.-]*(?:/[\w.-]*)*(?:\.(?:h|cpp|js|mjs|md|cmake|sh|frag|vert|html|lesson)|/)$)");
    static const std::regex module(R"(^(?:app|core|platform|src|tests|web|docs|cmake|scripts|bench|lessons|shaders)/[\w/.-]+$)");
    return std::regex_match(span, path) || std::regex_match(span, module);
}

// A name that is a build target rather than code: `bp_core`, `bp_check_layers`, `bp_app_library`.
bool is_target_name(const std::string& symbol) { return symbol.rfind("bp_", 0) == 0; }

class ArchitectureMap : public ::testing::Test {
protected:
    Sources src{BP_SOURCE_DIR};
    std::vector<std::string> lines = src.lines_of(kDoc);
    std::vector<std::string> problems;

    void SetUp() override { ASSERT_FALSE(lines.empty()) << kDoc << " not found under " << BP_SOURCE_DIR; }

    // `symbol` is defined in one of `files`; a file name names the file itself.
    void expect_defined_in(int line, const std::string& symbol, const std::vector<std::string>& files,
                           const std::string& as_written) {
        if (files.empty()) {
            problems.push_back(at(line) + "`" + as_written + "` names no existing file");
            return;
        }
        for (const std::string& file : files)
            if (defines(src.code_of(file), symbol)) return;
        problems.push_back(at(line) + "`" + symbol + "` is not defined in " + files.front() +
                           (files.size() > 1 ? " (or the other files named with it)" : ""));
    }

    void expect_defined_anywhere(int line, const std::string& symbol) {
        if (is_target_name(symbol)) {
            if (!src.is_cmake_target(symbol)) problems.push_back(at(line) + "`" + symbol + "` is not a target or function of CMakeLists.txt");
            return;
        }
        if (!src.defined_anywhere(symbol) && !src.names_a_test(symbol)) problems.push_back(at(line) + "`" + symbol + "` is not defined anywhere under src/");
    }
};

// Every link and every path in a code span names a file or folder of the repository.
TEST_F(ArchitectureMap, EveryPathItNamesExists) {
    static const std::regex link(R"(\]\(([^)\s]+)\))");
    for (size_t n = 0; n < lines.size(); ++n) {
        const std::string& text = lines[n];
        for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator(); ++it) {
            const std::string target = (*it)[1];
            if (target.find("://") != std::string::npos || target[0] == '#') continue;
            if (resolve(src, target, true).empty()) problems.push_back(at(int(n) + 1) + "link `" + target + "` names no existing file");
        }
        for (const std::string& span : spans_of(text)) {
            const std::string path = span.substr(0, span.find(':'));
            if (looks_like_path(path) && resolve(src, path, false).empty() && !src.is_generated(path))
                problems.push_back(at(int(n) + 1) + "`" + path + "` names no existing file");
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

// `file: symbol` (and the names listed straight after it with commas), `symbol` in `file`,
// `symbol` in [file](link), `symbol` (`file`) and `symbol` ([file](link)): each symbol is defined in
// that file.
TEST_F(ArchitectureMap, EverySymbolItPlacesInAFileIsDefinedThere) {
    static const std::regex file_symbol(R"(`([\w./-]+\.(?:h|cpp|frag|vert)): ([^`]+)`((?:, `[^`]+`)*))");
    static const std::regex list_item("`([^`]+)`");
    // One or more spans joined by ", ", " and " or "/", then " in ", " from " or " (" and a file.
    static const std::regex placed(
        R"(((?:`[^`]+`(?:, | and |/))*`[^`]+`) (?:in|from|\(in)? ?\(?(?:`([^`]+)`|\[[^\]]*\]\(([^)\s]+)\))((?:, `[^`]+`)*)\)?)");
    for (size_t n = 0; n < lines.size(); ++n) {
        // The line with the next one, for a claim that a line break splits ("`f()` in\n[file](…)");
        // only the claims that start on this line are its own.
        const std::string text = lines[n] + (n + 1 < lines.size() ? " " + lines[n + 1] : "");
        const auto starts_here = [&](const std::smatch& m) { return size_t(m.position()) < lines[n].size(); };
        const int line = int(n) + 1;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), file_symbol); it != std::sregex_iterator(); ++it) {
            if (!starts_here(*it)) continue;
            const std::vector<std::string> files = resolve(src, (*it)[1], false);
            std::vector<std::string> names{(*it)[2]};
            const std::string more = (*it)[3];
            for (auto m = std::sregex_iterator(more.begin(), more.end(), list_item); m != std::sregex_iterator(); ++m)
                names.push_back((*m)[1]);
            for (const std::string& name : names) {
                const std::string symbol = symbol_of(name);
                if (symbol.empty()) problems.push_back(at(line) + "`" + (*it)[0].str() + "`: `" + name + "` is not a symbol");
                else expect_defined_in(line, symbol, files, (*it)[1]);
            }
        }
        for (auto it = std::sregex_iterator(text.begin(), text.end(), placed); it != std::sregex_iterator(); ++it) {
            if (!starts_here(*it)) continue;
            const bool linked = (*it)[3].matched;
            const std::string target = linked ? (*it)[3].str() : (*it)[2].str();
            if (!linked && !looks_like_path(target)) continue;
            std::vector<std::string> files = resolve(src, target, linked);
            const std::string more = (*it)[4];
            for (auto m = std::sregex_iterator(more.begin(), more.end(), list_item); m != std::sregex_iterator(); ++m)
                for (const std::string& f : resolve(src, (*m)[1], false)) files.push_back(f);
            if (files.empty() || !is_code_file(files.front())) continue;
            const std::string listed = (*it)[1];
            for (auto m = std::sregex_iterator(listed.begin(), listed.end(), list_item); m != std::sregex_iterator(); ++m) {
                const std::string symbol = symbol_of((*m)[1]);
                if (!symbol.empty() && !looks_like_path((*m)[1])) expect_defined_in(line, symbol, files, target);
            }
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

// The names the document gives without a file: in the "Where each number on screen is computed"
// table every name of the "computed by" and "drawn by" columns, and in the text every `Type::member`,
// every `function()` and `snake_case` name, every `TypeName` and `kConstant`. Each is defined
// somewhere under src/ (a `bp_…` name is a CMake target instead, and a test's name a test of tests/).
TEST_F(ArchitectureMap, EveryNameItGivesWithoutAFileIsDefinedSomewhere) {
    static const std::regex in_text(R"(^(?:.*::.*|.*\(\)|[a-z]\w*_\w*|[A-Z][a-z]\w*|k[A-Z]\w*)$)");
    static const std::vector<std::string> browser_names = {"CompressionStream"};  // the page's JavaScript, not C++
    bool in_numbers_table = false;
    for (size_t n = 0; n < lines.size(); ++n) {
        const std::string& text = lines[n];
        const int line = int(n) + 1;
        if (text.rfind("| on screen | computed by | drawn by |", 0) == 0) in_numbers_table = true;
        else if (text.empty() || text[0] != '|') in_numbers_table = false;
        std::vector<std::string> names;
        if (in_numbers_table) {
            const std::vector<std::string> cells = cells_of(text);
            for (size_t c = 1; c < cells.size() && c < 3; ++c)
                for (const std::string& span : spans_of(cells[c])) names.push_back(span);
        } else if (text.empty() || text[0] != '|') {
            for (const std::string& span : spans_of(text))
                if (std::regex_match(span, in_text)) names.push_back(span);
        }
        for (const std::string& name : names) {
            const std::string symbol = symbol_of(name.substr(name.find(": ") == std::string::npos ? 0 : name.find(": ") + 2));
            if (symbol.empty() || looks_like_path(name)) continue;
            if (std::find(browser_names.begin(), browser_names.end(), symbol) != browser_names.end()) continue;
            expect_defined_anywhere(line, symbol);
        }
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

}  // namespace
