// The desktop's services: files are written to the folder the lab was started from; GLFW gives
// ImGui the clipboard; no file picker, page address, picture or list of recent labs.
#include <cstdio>

#include "platform/platform_services.h"

namespace bp {

void PlatformServices::install_clipboard() {}  // ImGui's GLFW backend does it

void PlatformServices::save_text_file(const std::string& name, const std::string& text) {
    std::FILE* file = std::fopen(name.c_str(), "wb");
    const bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (file) std::fclose(file);
    lab_.set_data_message(ok ? "Saved " + name + " in the folder the lab was started from." : "Could not write " + name, !ok);
}

bool PlatformServices::can_choose_files() const { return false; }
void PlatformServices::choose_csv_file() {}
void PlatformServices::choose_lesson_file() {}
bool PlatformServices::can_link_lessons() const { return false; }
void PlatformServices::copy_lesson_link(const std::string&, int) {}
std::string PlatformServices::page_address() const { return ""; }
bool PlatformServices::can_save_png() const { return false; }
void PlatformServices::save_png() {}
bool PlatformServices::can_open_recent_labs() const { return false; }
void PlatformServices::open_recent_labs() {}

}  // namespace bp
