// OutputRenderer: draws the network's output behind the data view's points, and every neuron's map
// in the network view, with a fragment shader (output.frag and output.vert beside this file), so the
// decision boundary and the maps cost the CPU nothing however fine they are drawn. Each quad hooks
// into ImGui's draw list as a callback, so it is drawn in order with the rest of the UI.
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

#include <deque>
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
    // Queues a^l_j (layer 0 = the inputs, j 0-based) over the plane into [min, max], coloured by
    // app/ui/map_shade.h; `round` keeps only the disc inscribed in the square (a neuron's circle).
    void queue_neuron(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab, int layer, int j, bool round);

    // The constants the shaders share with the C++ (limits, texture layout, enum values, colours),
    // as GLSL #defines written in front of each shader's source.
    static std::string shared_constants();

private:
    // One quad to draw: where, and which neuron with which colour scale.
    struct Quad {
        OutputRenderer* renderer;
        ImVec2 min, max;
        int layer, neuron;
        float gain, offset;
        bool round;
    };
    static void render(const ImDrawList* list, const ImDrawCmd* cmd);
    void upload(const Lab& lab);
    // The uniforms every quad of a frame shares (the program must be in use).
    void set_network_uniforms(const Lab& lab, ImVec2 framebuffer);

    GLuint program_ = 0, vao_ = 0, texture_ = 0;
    struct Uniforms {
        GLint params, rect, framebuffer, layers, sizes, features, hidden, output, plane_min, plane_max, layer, neuron,
            shade, round;
    } uniforms_{};
    std::vector<float> params_;
    // This frame's quads (a deque keeps each one where the draw list's callback points to it).
    std::deque<Quad> quads_;
    int queued_frame_ = -1;    // the ImGui frame the quads belong to
    int uploaded_frame_ = -1;  // the frame whose parameters the texture holds
    const Lab* lab_ = nullptr;
};

}  // namespace bp
