// One name for each thing: the inspector answers to "inspector" (window.lab's name) and to "chain
// rule" (the lessons' name) wherever a view is named, and a lock's name reads back into the same
// lock in a link's lock list, in state() and in a lesson's `locks:` line.
#include <gtest/gtest.h>

#include <string>

#include "api_test_util.h"
#include "app/lesson/lesson_run.h"

using namespace bp;
using nlohmann::json;

namespace {

json call(Lab& lab, ViewSettings& view, const char* method, const json& args) {
    return json::parse(call_lab_api(lab, method, args.dump(), ScreenGeometry{}, view));
}

}  // namespace

TEST(Names, ShowViewReadsTheInspectorByEitherName) {
    Lab lab;
    for (const char* name : {"inspector", "chain rule"}) {
        ViewSettings view;
        EXPECT_EQ(call(lab, view, "showView", {name})["ok"], true) << name;
        EXPECT_EQ(view.main, MainView::Inspector) << name;
        EXPECT_EQ(view.panel_tab, Panel::Inspector) << name << ": its Chain rule tab opens";
    }
    ViewSettings view;
    EXPECT_EQ(call(lab, view, "showView", {"controls"})["ok"], true);
    EXPECT_EQ(view.main, MainView::Controls);
    const std::string error = call(lab, view, "showView", {"matrices"})["error"];
    EXPECT_NE(error.find("\"inspector\" (or \"chain rule\")"), std::string::npos) << error;
    EXPECT_EQ(view.main, MainView::Controls) << "a refused name changes nothing";
}

TEST(Names, ALessonReadsTheInspectorByEitherNameInEveryLine) {
    for (const char* name : {"inspector", "chain rule"}) {
        Lab lab;
        LessonRun run;
        const std::string text = std::string("lesson: A\nstep: B\nset: tab = ") + name + "\nset: view = " + name +
                                 "\npoint: panel " + name + "\nText.\n";
        ASSERT_EQ(run.open(lab, text, "", 0), "") << name;
        LessonView asked;
        ASSERT_TRUE(run.take_view_request(asked));
        EXPECT_EQ(asked.tab, Panel::Inspector) << name;
        EXPECT_EQ(asked.view, Panel::Inspector) << name;
        ASSERT_EQ(run.current().pointers.size(), 1u);
        EXPECT_EQ(run.current().pointers[0].panel, Panel::Inspector) << name;
        EXPECT_EQ(run.current().pointers[0].name, name) << "the pointer keeps the lesson's spelling for window.lab";
    }
    Lab lab;
    LessonRun run;
    EXPECT_NE(run.open(lab, "lesson: A\nstep: B\nset: tab = lesson\nText.\n", "", 0).find("tab takes"), std::string::npos)
        << "the lesson is a view, not a tab of the panel";
}

TEST(Names, LockNamesReadBackIntoTheSameLocks) {
    Lab lab;
    const json link = api_test::call(lab, "shareLink", {{{"locks", json::array({"data", "tables"})}}});
    ASSERT_TRUE(link.is_string()) << link;
    EXPECT_EQ(api_test::call(lab, "openLink", json::array({link}))["ok"], true) << link;
    EXPECT_EQ(lab.locks(), Lab::LockData | Lab::HideTables);
    EXPECT_EQ(api_test::call(lab, "state")["locks"], json::array({"data", "tables"}));
    const std::string refused = api_test::call(lab, "shareLink", {{{"locks", json::array({"everything"})}}})["error"];
    EXPECT_NE(refused.find("(use network, training, data, tables)"), std::string::npos) << refused;

    LessonRun run;
    ASSERT_EQ(run.open(lab, "lesson: A\nlocks: network, training\nstep: B\nText.\n", "", 0), "");
    EXPECT_EQ(lab.locks(), Lab::LockNetwork | Lab::LockTraining);
}
