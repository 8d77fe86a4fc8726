// window.lab's table and limits as JSON for the page (see page_table.h).
#include "app/api/page_table.h"

#include "app/api/lab_api.h"
#include "app/lesson/lesson.h"

namespace bp {

using nlohmann::json;

namespace {

const char* send_name(Send send) {
    switch (send) {
        case Send::Value: return "value";
        case Send::Number: return "number";
        case Send::Text: return "text";
        case Send::Options: return "options";
    }
    return "value";
}

const char* answer_name(Answer answer) {
    switch (answer) {
        case Answer::Json: return "json";
        case Answer::Link: return "link";
        case Answer::LessonLink: return "lessonLink";
    }
    return "json";
}

}  // namespace

json api_table_json() {
    json table = json::array();
    for (const ApiMethod& m : api_methods()) {
        json args = json::array();
        for (const ApiArg& a : m.args)
            args.push_back({{"send", send_name(a.send)}, {"optional", a.optional}, {"fallback", a.fallback}});
        table.push_back({{"name", m.name}, {"args", args}, {"answer", answer_name(m.answer)}});
    }
    return table;
}

json api_limits_json() {
    return {{"lessonBytes", kMaxLessonBytes}, {"noticeChars", kMaxNoticeChars}, {"argumentChars", kMaxArgumentChars}};
}

}  // namespace bp
