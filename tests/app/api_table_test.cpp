// The API's one table against the page's side: every window.lab method the page defines reaches a
// row of the table, and every row has its method in the page, so no method exists on one side only.
#include <gtest/gtest.h>

#include <fstream>
#include <cctype>
#include <set>
#include <sstream>
#include <string>

#include "api_test_util.h"

using namespace bp;
using api_test::call;

namespace {

std::string read_source(const std::string& path) {
    std::ifstream file(std::string(BP_SOURCE_DIR) + "/" + path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The method names a script passes to call("name", ...) or lab._call("name", ...).
std::set<std::string> called_methods(const std::string& script) {
    std::set<std::string> names;
    const std::string opening = "call(\"";
    for (size_t at = script.find(opening); at != std::string::npos; at = script.find(opening, at + 1)) {
        if (at > 0 && std::isalnum(static_cast<unsigned char>(script[at - 1]))) continue;  // part of a longer name
        const size_t start = at + opening.size(), end = script.find('"', start);
        if (end != std::string::npos) names.insert(script.substr(start, end - start));
    }
    return names;
}

std::set<std::string> table_methods() {
    std::set<std::string> names;
    for (const ApiMethod& m : api_methods()) names.insert(m.name);
    return names;
}

}  // namespace

TEST(ApiTable, EveryMethodOfThePageIsInTheTableAndBack) {
    const std::string api_js = read_source("web/lab_api.js");
    ASSERT_FALSE(api_js.empty()) << "web/lab_api.js not found";
    EXPECT_EQ(called_methods(api_js), table_methods());
}

TEST(ApiTable, ThePageScriptsCallOnlyMethodsOfTheTable) {
    const std::set<std::string> table = table_methods();
    for (const char* script : {"web/boot.js", "web/lab_api.js"})
        for (const std::string& name : called_methods(read_source(script)))
            EXPECT_TRUE(table.count(name)) << script << " calls '" << name << "', which the table does not have";
}

TEST(ApiTable, EveryMethodNameIsListedOnce) {
    EXPECT_EQ(table_methods().size(), api_methods().size());
}

TEST(ApiTable, TooManyArgumentsAreRefusedAndChangeNothing) {
    Lab lab;
    const nlohmann::json r = call(lab, "train", {5, 6});
    EXPECT_EQ(r["ok"], false);
    EXPECT_EQ(r["error"], "train() takes at most 1 argument");
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
