// One main for the desktop and the web: GLFW + OpenGL ES 3 (WebGL 2 in the browser) + Dear ImGui.
// On the web the loop body becomes the Emscripten main-loop callback, the canvas backing store
// follows its CSS size times devicePixelRatio, and ImGui works in CSS pixels.
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/input/touch_state.h"
#include "app/lab/lab.h"
#include "app/ui/fonts.h"
#include "app/ui/lab_window.h"
#include "app/ui/ui_style.h"
#include "platform/platform_services.h"
#include "platform/touch_input.h"
#include "platform/web_bridge.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>
#endif

namespace {

struct App {
    GLFWwindow* window = nullptr;
    bp::Lab lab;
    bp::PlatformServices services{lab};
    bp::LabWindow ui{lab, services};
    float pixel_ratio = 0.0f;  // the ratio the font atlas was built for
    float text_scale = 0.0f;   // the text scale the font atlas and the style were built for
    bool touch_style = false;  // the style has fingertip-sized targets
    double last_time = 0.0;
    bool drew_first_frame = false;
};

App* g_app = nullptr;

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Shortcuts straight from GLFW's key events, after ImGui has seen them: a tap shorter than a frame
// still counts (ImGui 1.86 samples keys once per frame).
void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    if (action == GLFW_PRESS)
        bp::handle_shortcut(g_app->ui, key, (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0, (mods & GLFW_MOD_SHIFT) != 0);
}

// Emscripten 3.1.6's GLFW passes the browser's wheel delta through unscaled and with the browser's
// sign (positive = down, ~100 per notch in pixels); ImGui wants notches with positive = up.
void on_scroll(GLFWwindow* window, double dx, double dy) {
#ifdef __EMSCRIPTEN__
    auto notches = [](double d) { return std::fabs(d) >= 10.0 ? -d / 100.0 : -d / 3.0; };  // pixels, or lines
    dx = notches(dx);
    dy = notches(dy);
#endif
    ImGui_ImplGlfw_ScrollCallback(window, dx, dy);
}

// The font at the text scale, rasterised for the screen's pixel ratio, and the style's sizes to match.
void rebuild_font(App& app, float ratio, float text_scale) {
    bp::load_lab_font(bp::kBodyTextPx * text_scale, ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    bp::apply_lab_style(text_scale, app.touch_style);
    app.pixel_ratio = ratio;
    app.text_scale = text_scale;
}

void frame() {
    App& app = *g_app;
    glfwPollEvents();
    int fb_w = 0, fb_h = 0;
    float ratio = 1.0f;
#ifdef __EMSCRIPTEN__
    // Size the backing store to CSS size x devicePixelRatio; Emscripten's GLFW does not.
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    fb_w = static_cast<int>(css_w * ratio + 0.5);
    fb_h = static_cast<int>(css_h * ratio + 0.5);
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size("#canvas", &cur_w, &cur_h);
    if (fb_w > 0 && fb_h > 0 && (cur_w != fb_w || cur_h != fb_h)) emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
#else
    glfwGetFramebufferSize(app.window, &fb_w, &fb_h);
    int win_w = 1, win_h = 1;
    glfwGetWindowSize(app.window, &win_w, &win_h);
    ratio = win_w > 0 ? static_cast<float>(fb_w) / win_w : 1.0f;
#endif
    if (ratio != app.pixel_ratio || app.ui.view.text_scale != app.text_scale) rebuild_font(app, ratio, app.ui.view.text_scale);

    const double start = now_ms();
    const double t = glfwGetTime();
    const double dt = app.last_time > 0.0 ? t - app.last_time : 1.0 / 60.0;
    app.last_time = t;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
#ifdef __EMSCRIPTEN__
    // ImGui works in CSS pixels; the framebuffer is in device pixels; mouse events arrive in device pixels.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(fb_w / ratio, fb_h / ratio);
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);
    if (io.MousePos.x > -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / ratio, io.MousePos.y / ratio);
#endif
    app.lab.advance(dt);
    app.ui.lesson.work(app.lab, bp::LessonRun::kSetupMsPerFrame);  // a lesson's long set-up, a slice a frame
    bp::feed_touch_input();  // touch replaces the mouse GLFW reported, one press or release a frame
    if (bp::touch_active() != app.touch_style) {  // a finger, or the mouse again: resize the targets
        app.touch_style = bp::touch_active();
        bp::apply_lab_style(app.text_scale, app.touch_style);
    }
    ImGui::NewFrame();
    bp::draw_lab_window(app.ui);
    ImGui::Render();
    const double cpu_ms = now_ms() - start;

    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(bp::ui::kBackground);  // behind the panels, as the style's
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    app.services.after_frame();
    app.lab.record_frame_time(cpu_ms, dt);
#ifndef __EMSCRIPTEN__
    glfwSwapBuffers(app.window);
#endif
    if (!app.drew_first_frame) {
        app.drew_first_frame = true;
        bp::notify_first_frame();
    }
}

}  // namespace

int main(int, char**) {
    if (!glfwInit()) {
        std::fprintf(stderr, "Backprop Lab: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    static App app;
    g_app = &app;
    app.window = glfwCreateWindow(1440, 900, "Backprop Lab", nullptr, nullptr);
    if (!app.window) {
        std::fprintf(stderr, "Backprop Lab: could not open a window with OpenGL ES 3\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(app.window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the lab keeps no layout file
    bp::apply_lab_style(1.0f);
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    glfwSetKeyCallback(app.window, on_key);
    glfwSetScrollCallback(app.window, on_scroll);
    bp::install_touch_input();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    bp::bind_web_api(&app.ui);
    app.services.install_clipboard();
    app.services.init_gpu();

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop(frame, 0, true);
#else
    while (!glfwWindowShouldClose(app.window)) frame();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(app.window);
    glfwTerminate();
#endif
    return 0;
}
