// ImGui without a window or a renderer, for the app tests that draw the lab's UI and drive it as a
// user would: one context for the life of the object, set up as the platform sets up the page's
// (the lab's style and font, no .ini file), and frames fed a mouse and Escape by hand.
#pragma once

#include <imgui.h>

#include <cfloat>

#include "app/ui/fonts.h"
#include "app/ui/ui_style.h"

namespace test_util {

constexpr int kEscapeKey = 256;  // as GLFW spells it
const ImVec2 kNoMouse(-FLT_MAX, -FLT_MAX);

class HeadlessImGui {
public:
    // A display of `display` CSS pixels at 60 frames a second; the font is rasterised at
    // `pixel_ratio` device pixels per CSS pixel.
    explicit HeadlessImGui(ImVec2 display, float pixel_ratio = 1.0f) : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Escape] = kEscapeKey;
        bp::apply_lab_style(1.0f);
        bp::load_lab_font(bp::kBodyTextPx, pixel_ratio);
        // NewFrame refuses an atlas that was never built; a renderer would build it on upload.
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(context_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // The input of the next frame: where the mouse is, whether its button is down and whether Escape is.
    static void input(ImVec2 mouse, bool down, bool escape = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.KeysDown[kEscapeKey] = escape;
    }

    // One frame: `draw` issues the UI between NewFrame and Render.
    template <typename Draw>
    static void frame(Draw draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }

    // A window without decoration filling the display, as the lab's own window is; End() closes it.
    static void begin_display_window() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("lab", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBringToFrontOnFocus);
    }

private:
    ImGuiContext* context_;
};

}  // namespace test_util
