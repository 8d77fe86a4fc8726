// The browser's services: downloads, the file picker, the page's address and clipboard, a PNG of
// the canvas and the page's Recent labs list, each a small piece of JavaScript.
#include <emscripten.h>
#include <imgui.h>

#include <cstdlib>
#include <string>

#include "platform/platform_services.h"

namespace {

// Copy: the page's clipboard where the browser allows it; paste: the text of the page's last paste
// event, which boot.js keeps in Module.clipboardText (the key press that asks for it comes first).
EM_JS(void, js_set_clipboard, (const char* text), {
    const t = UTF8ToString(text);
    Module["clipboardText"] = t;
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(() => {});
});
EM_JS(char*, js_get_clipboard, (), {
    const t = Module["clipboardText"] || "";
    const n = lengthBytesUTF8(t) + 1;
    const p = _malloc(n);
    stringToUTF8(t, p, n);
    return p;
});
EM_JS(void, js_download, (const char* name, const char* text), {
    const blob = new Blob([UTF8ToString(text)], {type: "text/csv"});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
});
// Called right after a frame is drawn, while the WebGL drawing buffer still holds it.
EM_JS(void, js_save_png, (), {
    Module["canvas"].toBlob((blob) => {
        if (!blob) return;
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "backprop-lab.png";
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }, "image/png");
});
EM_JS(char*, js_page_address, (), {
    const t = location.origin + location.pathname + location.search;
    const n = lengthBytesUTF8(t) + 1;
    const p = _malloc(n);
    stringToUTF8(t, p, n);
    return p;
});
EM_JS(void, js_choose_csv_file, (), {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".csv,text/csv,text/plain";
    input.onchange = () => {
        const file = input.files && input.files[0];
        if (file) file.text().then((text) => Module["labCall"]("importCsv", JSON.stringify([text])));
    };
    input.click();
});
// Lesson files and links: web/lessons.js reads files and compresses links (CompressionStream).
EM_JS(void, js_choose_lesson_file, (), {
    const lessons = window["backpropLabLessons"];
    if (lessons) lessons["chooseFile"]();
});
EM_JS(int, js_can_link_lessons, (), {
    const lessons = window["backpropLabLessons"];
    return lessons && typeof lessons["copyLink"] === "function" ? 1 : 0;
});
EM_JS(void, js_copy_lesson_link, (const char* text, int step), {
    const lessons = window["backpropLabLessons"];
    if (lessons) lessons["copyLink"](UTF8ToString(text), step);
});
// The page's Recent labs list (web/autosave.js offers it once the autosave runs).
EM_JS(int, js_can_open_recent_labs, (), {
    const autosave = window["backpropLabAutosave"];
    return autosave && typeof autosave["openRecentLabs"] === "function" ? 1 : 0;
});
EM_JS(void, js_open_recent_labs, (), {
    const autosave = window["backpropLabAutosave"];
    if (autosave && typeof autosave["openRecentLabs"] === "function") autosave["openRecentLabs"]();
});

// A C string from JavaScript's _malloc, as a std::string.
std::string take(char* text) {
    std::string s = text;
    std::free(text);
    return s;
}

}  // namespace

namespace bp {

void PlatformServices::install_clipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { js_set_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* {
        static std::string text;
        text = take(js_get_clipboard());
        return text.c_str();
    };
}

void PlatformServices::save_text_file(const std::string& name, const std::string& text) {
    js_download(name.c_str(), text.c_str());
}

bool PlatformServices::can_choose_files() const { return true; }
void PlatformServices::choose_csv_file() { js_choose_csv_file(); }
void PlatformServices::choose_lesson_file() { js_choose_lesson_file(); }
bool PlatformServices::can_link_lessons() const { return js_can_link_lessons() != 0; }
void PlatformServices::copy_lesson_link(const std::string& text, int step) { js_copy_lesson_link(text.c_str(), step); }
std::string PlatformServices::page_address() const { return take(js_page_address()); }
bool PlatformServices::can_save_png() const { return true; }
void PlatformServices::save_png() { js_save_png(); }
bool PlatformServices::can_open_recent_labs() const { return js_can_open_recent_labs() != 0; }
void PlatformServices::open_recent_labs() { js_open_recent_labs(); }

}  // namespace bp
