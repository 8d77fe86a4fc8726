// Browser bridge: embind entry point for window.lab and the first-frame signal.
#include "platform/web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/bind.h>

#include <imgui.h>

#include <cstdlib>
#include <string>

#include "app/lab_api.h"

namespace {
bp::Lab* g_lab = nullptr;

std::string lab_call(const std::string& method, const std::string& args_json) {
    if (!g_lab) return R"({"ok":false,"error":"the lab is not running yet"})";
    return bp::call_lab_api(*g_lab, method, args_json);
}
}  // namespace

EMSCRIPTEN_BINDINGS(backprop_lab) { emscripten::function("labCall", &lab_call); }

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

namespace bp {
void bind_web_api(Lab* lab) { g_lab = lab; }
void notify_first_frame() {
    EM_ASM({
        if (Module["onFirstFrame"]) Module["onFirstFrame"]();
    });
}

void save_png_after_frame() { js_save_png(); }

void install_browser_services(Lab* lab) {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { js_set_clipboard(text); };
    io.GetClipboardTextFn = [](void*) -> const char* {
        static std::string text;
        char* copy = js_get_clipboard();
        text = copy;
        std::free(copy);
        return text.c_str();
    };
    lab->save_text_file = [](const std::string& name, const std::string& text) { js_download(name.c_str(), text.c_str()); };
    lab->choose_csv_file = [] { js_choose_csv_file(); };
    lab->can_save_png = true;
    lab->page_address = [] {
        char* text = js_page_address();
        std::string address = text;
        std::free(text);
        return address;
    };
}
}  // namespace bp

#else

namespace bp {
void bind_web_api(Lab*) {}
void notify_first_frame() {}
void install_browser_services(Lab*) {}
void save_png_after_frame() {}
}  // namespace bp

#endif
