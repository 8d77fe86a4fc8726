// docs/ARCHITECTURE.md's layers against the build: the diagram's arrows are the libraries' links in
// CMakeLists.txt, and the table's "may include" column is what each library links (each library's
// include path holds the folders of what it links, so that is what the compiler lets it include).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "source_map.h"

namespace {

const std::string kDoc = "docs/ARCHITECTURE.md";

using Graph = std::map<std::string, std::set<std::string>>;

std::string at(int line) { return kDoc + " line " + std::to_string(line) + ": "; }

std::string report(const std::vector<std::string>& problems) {
    std::string text;
    for (const std::string& p : problems) text += "\n  " + p;
    return text;
}

std::string joined(const std::set<std::string>& names) {
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
    return "{" + text + "}";
}

// Everything `from` reaches in `graph`, itself not included unless a cycle leads back.
std::set<std::string> reach(const Graph& graph, const std::string& from) {
    std::set<std::string> seen;
    std::vector<std::string> todo = {from};
    while (!todo.empty()) {
        const std::string node = todo.back();
        todo.pop_back();
        const auto edges = graph.find(node);
        if (edges == graph.end()) continue;
        for (const std::string& next : edges->second)
            if (seen.insert(next).second) todo.push_back(next);
    }
    return seen;
}

// The links in CMakeLists.txt between the lab's own libraries (bp_… and Dear ImGui) and from the
// executable; tests, benchmarks and fuzzers aside.
Graph cmake_links(const std::string& cmake) {
    std::set<std::string> libraries = {"backprop_lab"};
    static const std::regex library(R"(\b(?:add_library|bp_app_library)\(\s*(\w+))");
    for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), library); it != std::sregex_iterator(); ++it)
        libraries.insert((*it)[1]);
    const auto ours = [&](const std::string& name) {
        return libraries.count(name) && (name.rfind("bp_", 0) == 0 || name == "imgui" || name == "backprop_lab");
    };
    Graph links;
    static const std::regex call(R"(\btarget_link_libraries\(\s*([\w]+)([^)]*)\))");
    static const std::regex item(R"([\w]+)");
    for (auto it = std::sregex_iterator(cmake.begin(), cmake.end(), call); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1], items = (*it)[2];
        if (!ours(target)) continue;
        for (auto i = std::sregex_iterator(items.begin(), items.end(), item); i != std::sregex_iterator(); ++i)
            if (ours((*i)[0])) links[target].insert((*i)[0]);
    }
    return links;
}

// The code points of a UTF-8 line, so that columns line up as the diagram is drawn.
std::u32string code_points(const std::string& text) {
    std::u32string out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t point = extra == 0 ? c : c & (0x3F >> extra);
        for (int k = 1; k <= extra && i + size_t(k) < text.size(); ++k) point = (point << 6) | (text[i + size_t(k)] & 0x3F);
        out.push_back(point);
        i += size_t(extra) + 1;
    }
    return out;
}

bool is_name_char(char32_t c) { return (c < 0x80 && (std::isalnum(int(c)) || c == '_')); }

struct Placed {
    std::string name;
    size_t first, last;  // columns
};

// The arrows of the layer diagram: `A ──► B, C ──► D` on a line, and a branch `├──► B` or
// `└──► B` from the name drawn above the branch's column. Text in parentheses is a remark.
Graph diagram_arrows(const std::vector<std::string>& diagram, std::vector<std::string>& problems, int first_line) {
    Graph arrows;
    std::vector<std::vector<Placed>> names_by_line;
    for (size_t n = 0; n < diagram.size(); ++n) {
        std::u32string line = code_points(diagram[n]);
        int depth = 0;
        for (char32_t& c : line) {  // blank the remarks
            if (c == U'(') ++depth;
            const bool inside = depth > 0;
            if (c == U')') --depth;
            if (inside) c = U' ';
        }
        std::vector<Placed> names;
        for (size_t i = 0; i < line.size();) {
            if (!is_name_char(line[i])) { ++i; continue; }
            size_t end = i;
            std::string name;
            while (end < line.size() && is_name_char(line[end])) name += char(line[end++]);
            names.push_back({name == "platform" ? "backprop_lab" : name, i, end - 1});
            i = end;
        }
        names_by_line.push_back(names);
        std::string source;
        for (size_t i = 0; i < line.size(); ++i) {
            if (line[i] != U'►') continue;
            size_t start = i;
            while (start > 0 && line[start - 1] == U'─') --start;
            source.clear();
            if (start > 0 && (line[start - 1] == U'├' || line[start - 1] == U'└')) {
                const size_t column = start - 1;
                for (size_t above = n; above-- > 0 && source.empty();)
                    for (const Placed& p : names_by_line[above])
                        if (p.first <= column && column <= p.last) source = p.name;
            } else {
                for (const Placed& p : names)
                    if (p.last < start) source = p.name;
            }
            if (source.empty()) {
                problems.push_back(at(first_line + int(n)) + "an arrow of the layer diagram starts at no library");
                continue;
            }
            size_t next_arrow = line.find(U'►', i + 1);
            if (next_arrow != std::u32string::npos)
                while (next_arrow > 0 && line[next_arrow - 1] == U'─') --next_arrow;
            for (const Placed& p : names)
                if (p.first > i && p.first < next_arrow) arrows[source].insert(p.name);
        }
    }
    return arrows;
}

class ArchitectureLayers : public ::testing::Test {
protected:
    source_map::Sources src{BP_SOURCE_DIR};
    std::vector<std::string> lines = src.lines_of(kDoc);
    std::string cmake = source_map::read_text(std::string(BP_SOURCE_DIR) + "/CMakeLists.txt");
    std::vector<std::string> problems;

    void SetUp() override {
        ASSERT_FALSE(lines.empty()) << kDoc << " not found under " << BP_SOURCE_DIR;
        ASSERT_FALSE(cmake.empty());
    }

    // The line (1-based) that starts with `text`, at or after `from`; 0 if none.
    int line_starting(const std::string& text, int from = 1) const {
        for (size_t n = size_t(from - 1); n < lines.size(); ++n)
            if (lines[n].rfind(text, 0) == 0) return int(n) + 1;
        return 0;
    }
};

TEST_F(ArchitectureLayers, TheDiagramDrawsExactlyTheLinksOfTheBuild) {
    const int layers = line_starting("## Layers");
    const int open = line_starting("```", layers), close = line_starting("```", open + 1);
    ASSERT_TRUE(layers > 0 && open > 0 && close > open) << kDoc << " has no layer diagram under '## Layers'";
    const std::vector<std::string> diagram(lines.begin() + open, lines.begin() + close - 1);
    const Graph drawn = diagram_arrows(diagram, problems, open + 1);
    const Graph built = cmake_links(cmake);
    for (const auto& [from, targets] : drawn)
        for (const std::string& to : targets)
            if (!reach(built, from).count(to))
                problems.push_back(at(open) + "the layer diagram draws " + from + " ──► " + to +
                                   ", but CMakeLists.txt does not link " + from + " to " + to);
    for (const auto& [from, targets] : built)
        for (const std::string& to : targets)
            if (!reach(drawn, from).count(to))
                problems.push_back(at(open) + "CMakeLists.txt links " + from + " to " + to +
                                   ", but the layer diagram draws no path from " + from + " to " + to);
    EXPECT_TRUE(problems.empty()) << report(problems);
}

// Each row's "may include": `folder/`, "+ names" (its own folder and those of the named libraries),
// "Dear ImGui", "anything" (not checked) or "—" (no library).
TEST_F(ArchitectureLayers, TheTableSaysWhatEachLibraryMayIncludeAndLinks) {
    const int header = line_starting("| folder | library | may include |");
    ASSERT_GT(header, 0) << kDoc << " has no layers table";
    struct Row {
        int line;
        std::string folder, library;
        std::set<std::string> may_include;
        bool imgui;
    };
    std::vector<Row> rows;
    static const std::regex folder_link(R"(\]\(\.\./src/([\w/]+?)/?\))"), library(R"(`(bp_\w+)`)"), name(R"([A-Za-z]+)");
    for (int n = header + 2; n <= int(lines.size()) && lines[size_t(n - 1)].rfind("|", 0) == 0; ++n) {
        const std::string& text = lines[size_t(n - 1)];
        std::vector<std::string> cells;
        for (size_t from = 1, bar; (bar = text.find('|', from)) != std::string::npos; from = bar + 1)
            cells.push_back(text.substr(from, bar - from));
        std::smatch folder, lib;
        if (cells.size() < 3 || !std::regex_search(cells[0], folder, folder_link) || !std::regex_search(cells[1], lib, library))
            continue;
        Row row{n, folder[1], lib[1], {}, false};
        const std::string& may = cells[2];
        if (may.find('+') != std::string::npos) row.may_include.insert(row.folder + "/");
        row.imgui = may.find("Dear ImGui") != std::string::npos;
        static const std::regex folder_span(R"(`([\w/]+/)`)");
        for (auto it = std::sregex_iterator(may.begin(), may.end(), folder_span); it != std::sregex_iterator(); ++it)
            row.may_include.insert((*it)[1]);
        std::string rest = std::regex_replace(std::regex_replace(may, folder_span, ""), std::regex("Dear ImGui"), "");
        for (auto it = std::sregex_iterator(rest.begin(), rest.end(), name); it != std::sregex_iterator(); ++it)
            row.may_include.insert((*it)[0] == "core" ? "core/" : "app/" + (*it)[0].str() + "/");
        rows.push_back(row);
    }
    ASSERT_GE(rows.size(), 8u) << kDoc << ": the layers table lost its rows";

    std::map<std::string, std::string> folder_of;
    for (const Row& row : rows) folder_of[row.library] = row.folder + "/";
    const Graph built = cmake_links(cmake);
    for (const Row& row : rows) {
        // What the library links, all the way down, as folders: its own and those it reaches.
        std::set<std::string> linked = {row.folder + "/"};
        for (const std::string& lib : reach(built, row.library))
            if (folder_of.count(lib)) linked.insert(folder_of[lib]);
        if (linked != row.may_include)
            problems.push_back(at(row.line) + "`" + row.library + "` may include " + joined(row.may_include) +
                               ", but in CMakeLists.txt it links " + joined(linked));
        const bool links_imgui = reach(built, row.library).count("imgui") > 0;
        if (links_imgui != row.imgui)
            problems.push_back(at(row.line) + "`" + row.library + "` " + (row.imgui ? "says" : "does not say") +
                               " it may include Dear ImGui, but in CMakeLists.txt it " + (links_imgui ? "links" : "does not link") + " imgui");
    }
    EXPECT_TRUE(problems.empty()) << report(problems);
}

}  // namespace
