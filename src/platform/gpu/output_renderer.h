// OutputRenderer: draws the network's output behind the data view's points with a fragment shader
// (output.frag and output.vert beside this file), so the decision boundary costs the CPU nothing
// however fine it is drawn. It hooks into ImGui's draw list as a callback, so it is drawn in order
// with the rest of the UI.
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "app/lab/lab.h"

namespace bp {

class OutputRenderer {
public:
    // Compiles the shaders and looks up their uniforms; false (with a message on stderr) when they
    // do not compile.
    bool init();
    // Queues the output over [min, max] (ImGui coordinates) of the plane into `draw`.
    void queue(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab);

    // The constants the shaders share with the C++ (limits, texture layout, enum values, colours),
    // as GLSL #defines written in front of each shader's source.
    static std::string shared_constants();

private:
    static void render(const ImDrawList* list, const ImDrawCmd* cmd);
    void upload(const Lab& lab);

    GLuint program_ = 0, vao_ = 0, texture_ = 0;
    struct Uniforms {
        GLint params, rect, framebuffer, layers, sizes, features, hidden, output, plane_min, plane_max;
    } uniforms_{};
    std::vector<float> params_;
    ImVec2 min_, max_;
    const Lab* lab_ = nullptr;
};

}  // namespace bp
