// window.lab's table as the page reads it through the bridge: web/lab_api.js builds every method of
// window.lab from it, and checks what the lab limits with the lab's own numbers.
#pragma once

#include <nlohmann/json.hpp>

namespace bp {

// [{name, args: [{send, optional, fallback}], answer}], one entry per row of api_methods(), in its
// order; the kinds in lower case, as lab_api.js names them ("value", "number", "text", "options";
// "json", "link", "lessonLink").
nlohmann::json api_table_json();

// The limits the page checks before a text reaches the lab, as the lab sets them: {lessonBytes,
// noticeChars} (a lesson file's size: the page refuses a larger file or link without reading all of
// it; a notice's length: the page cuts its own notices to it).
nlohmann::json api_limits_json();

}  // namespace bp
