// The API's one table against everything that names its calls: the README's table lists exactly
// the table's methods, the page's scripts call only methods of the table, the table as the page
// reads it (page_table.h) has every method with the arguments the lab accepts, and every refusal
// names its call once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "api_test_util.h"
#include "app/api/page_table.h"
#include "app/lesson/lesson.h"

using namespace bp;
using api_test::call;
using nlohmann::json;

namespace {

std::string read_source(const std::string& path) {
    std::ifstream file(std::string(BP_SOURCE_DIR) + "/" + path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The window.lab methods a script calls, in the forms the page uses: lab.name(...) or
// window.lab.name(...), and call("name", ...) or lab._call("name", ...). Names that begin with an
// underscore are the page's own plumbing (lab._attach), not methods.
std::set<std::string> called_methods(const std::string& script) {
    static const std::regex method_call(R"((?:^|[^\w$.])(?:window\s*\.\s*)?lab\s*\.\s*([A-Za-z$][\w$]*)(?=\s*\())");
    static const std::regex named_call(R"((?:^|[^\w$])_?call\(\s*["']([^"']*)["'])");
    std::set<std::string> names;
    for (const std::regex* form : {&method_call, &named_call})
        for (auto it = std::sregex_iterator(script.begin(), script.end(), *form); it != std::sregex_iterator(); ++it)
            names.insert((*it)[1].str());
    return names;
}

std::set<std::string> table_methods() {
    std::set<std::string> names;
    for (const ApiMethod& m : api_methods()) names.insert(m.name);
    return names;
}

// The section of the README that documents window.lab, up to the next section.
std::string readme_api_section() {
    const std::string readme = read_source("README.md");
    const size_t start = readme.find("## The browser API: `window.lab`");
    if (start == std::string::npos) return "";
    return readme.substr(start, readme.find("\n## ", start + 1) - start);
}

// The calls the README's table lists: lab.name( in the first cell of each row.
std::set<std::string> readme_table_methods() {
    std::set<std::string> names;
    std::istringstream lines(readme_api_section());
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("| `", 0) != 0) continue;
        const std::string first_cell = line.substr(0, line.find(" | ", 1));
        for (const std::string& name : called_methods(first_cell)) names.insert(name);
    }
    return names;
}

}  // namespace

TEST(ApiTable, TheReadmeTableListsExactlyTheMethodsOfTheTable) {
    ASSERT_FALSE(readme_api_section().empty()) << "README.md has no section on window.lab";
    EXPECT_EQ(readme_table_methods(), table_methods());
}

TEST(ApiTable, TheDocumentationNamesOnlyMethodsOfTheTable) {
    const std::set<std::string> table = table_methods();
    for (const char* doc : {"README.md", "docs/ARCHITECTURE.md", "docs/LESSONS.md"})
        for (const std::string& name : called_methods(read_source(doc)))
            EXPECT_TRUE(table.count(name)) << doc << " names lab." << name << "(), which the table does not have";
}

TEST(ApiTable, ThePageScriptsCallOnlyMethodsOfTheTable) {
    const std::set<std::string> table = table_methods();
    std::set<std::string> called;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BP_SOURCE_DIR) + "/web")) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".js" && ext != ".html") continue;
        const std::string file = "web/" + entry.path().filename().string();
        for (const std::string& name : called_methods(read_source(file))) {
            EXPECT_TRUE(table.count(name)) << file << " calls lab." << name << "(), which the table does not have";
            called.insert(name);
        }
    }
    // The autosave and the lessons call the lab: a scan that finds nothing no longer reads them.
    EXPECT_GT(called.size(), 3u) << "the scan found almost no call of the lab in web/";
}

TEST(ApiTable, EveryMethodNameIsListedOnce) {
    EXPECT_EQ(table_methods().size(), api_methods().size());
}

// What the page builds window.lab from: every method, and as many arguments as the lab accepts
// (the page sends no more; one more is refused).
TEST(ApiTable, ThePageReadsEveryMethodWithTheArgumentsTheLabAccepts) {
    const json table = api_table_json();
    ASSERT_TRUE(table.is_array());
    std::set<std::string> names;
    for (const json& row : table) {
        const std::string name = row["name"];
        names.insert(name);
        const size_t n = row["args"].size();
        for (const json& arg : row["args"]) {
            EXPECT_TRUE(arg["send"] == "value" || arg["send"] == "number" || arg["send"] == "text" || arg["send"] == "options")
                << name << ": " << arg.dump();
            EXPECT_TRUE(arg["optional"].is_boolean()) << name;
        }
        EXPECT_TRUE(row["answer"] == "json" || row["answer"] == "link" || row["answer"] == "lessonLink") << name;
        Lab lab;
        const json too_many = call(lab, name, json(std::vector<json>(n + 1)));
        EXPECT_EQ(too_many["ok"], false) << name;
        EXPECT_EQ(too_many["error"].get<std::string>().rfind(name + "(): takes ", 0), 0u) << too_many.dump();
        const std::string as_many = call(lab, name, json(std::vector<json>(n))).dump();
        EXPECT_EQ(as_many.find("(): takes at most"), std::string::npos) << name << ": " << as_many;
        EXPECT_EQ(as_many.find("(): takes no arguments"), std::string::npos) << name << ": " << as_many;
    }
    EXPECT_EQ(names, table_methods());
    EXPECT_EQ(api_limits_json()["lessonBytes"], kMaxLessonBytes);
    EXPECT_EQ(api_limits_json()["noticeChars"], kMaxNoticeChars);
}

// Each refusal begins with its call's name, once: "setSpeed(): the speed ...". Every method is
// given arguments no call takes (empty arrays).
TEST(ApiTable, EveryRefusalNamesItsCallOnce) {
    int refused = 0;
    for (const ApiMethod& m : api_methods()) {
        if (m.args.empty()) continue;
        Lab lab;
        const json r = call(lab, m.name, json(std::vector<json>(m.args.size(), json::array())));
        if (!r.is_object() || r.value("ok", true)) continue;
        ++refused;
        const std::string error = r["error"], named = std::string(m.name) + "()";
        EXPECT_EQ(error.rfind(named + ": ", 0), 0u) << error;
        EXPECT_EQ(error.find(named, 1), std::string::npos) << "the call is named twice: " << error;
    }
    EXPECT_GT(refused, 20);  // of the 28 methods that take arguments
    Lab lab;
    EXPECT_EQ(call(lab, "setSpeed", {0})["error"], "setSpeed(): the speed is at least 1 step per second");
}

TEST(ApiTable, TooManyArgumentsAreRefusedAndChangeNothing) {
    Lab lab;
    const json r = call(lab, "train", {5, 6});
    EXPECT_EQ(r["ok"], false);
    EXPECT_EQ(r["error"], "train(): takes at most 1 argument");
    EXPECT_EQ(lab.trainer().step_count(), 0);
}

TEST(ApiTable, NoticeShowsAMessageAndClearsIt) {
    Lab lab;
    EXPECT_EQ(call(lab, "notice", {"Look at the loss curve"})["ok"], true);
    EXPECT_EQ(lab.notice(), "Look at the loss curve");
    EXPECT_EQ(call(lab, "notice", {""})["ok"], true);
    EXPECT_EQ(lab.notice(), "");
    EXPECT_EQ(call(lab, "notice", {3})["ok"], false);
}
