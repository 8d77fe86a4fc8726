// Touch as a first-class input in the browser. Emscripten's GLFW never moves its cursor on a touch,
// and Dear ImGui 1.86 samples the mouse once per frame, so the page's touch events are taken here
// instead: queued as they arrive (with the browser's own scrolling, zooming and emulated mouse
// events prevented) and handed to ImGui frame by frame through the gestures of app/input. The
// desktop has no touch input.
#pragma once

namespace bp {

// Listens to the canvas's touch events. Call once, after ImGui's GLFW backend is installed.
void install_touch_input();

// Call every frame after ImGui_ImplGlfw_NewFrame (which writes the mouse from GLFW) and before
// ImGui::NewFrame: while touch drives the pointer it replaces the mouse, scrolls the panel a swipe
// started on, and publishes the frame's touch input to the views (app/input/touch_state.h).
void feed_touch_input();

}  // namespace bp
