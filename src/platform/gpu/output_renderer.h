// OutputRenderer: draws the network's output behind the data view's points, and every neuron's map
// in the network view, with a fragment shader (shaders/output.frag and output.vert at the top level), so the
// decision boundary and the maps cost the CPU nothing however fine they are drawn. Each quad hooks
// into ImGui's draw list as a callback, so it is drawn in order with the rest of the UI.
#pragma once

#include <GLES3/gl3.h>
#include <imgui.h>

#include <deque>
#include <string>
#include <vector>

#include "app/lab/lab.h"
#include "app/ui/platform.h"

namespace bp {

class OutputRenderer {
public:
    // Compiles the shaders and looks up their uniforms; false (with a message on stderr) when they
    // do not compile.
    bool init();
    // Queues the output over [min, max] (ImGui coordinates) of the plane into `draw` (two classes when
    // the lab's display discretizes it).
    void queue(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab);
    // Queues neuron maps, a^l_j over the plane (layer 0 = the inputs, j 0-based), each into its
    // square, coloured by app/ui/map_shade.h; a round one keeps only the disc inscribed in its square
    // (a neuron's circle). One callback draws them all, so ImGui's state is set up again once.
    void queue_neurons(ImDrawList* draw, const std::vector<NeuronMapQuad>& maps, const Lab& lab);

    // The constants the shaders share with the C++ (limits, texture layout, enum values, colours),
    // as GLSL #defines written in front of each shader's source.
    static std::string shared_constants();

private:
    // The quads of one callback: where, and which neuron with which colour scale.
    struct Quad {
        ImVec2 min, max;
        int layer, neuron;
        float gain, offset;
        bool round;
    };
    struct Batch {
        OutputRenderer* renderer;
        std::vector<Quad> quads;
    };
    // A batch of this frame, its callback queued in `draw`; the caller adds its quads.
    Batch& new_batch(ImDrawList* draw, const Lab& lab);
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
    // This frame's batches (a deque keeps each one where the draw list's callback points to it).
    std::deque<Batch> batches_;
    int queued_frame_ = -1;    // the ImGui frame the quads belong to
    int uploaded_frame_ = -1;  // the frame whose parameters the texture holds
    const Lab* lab_ = nullptr;
};

}  // namespace bp
