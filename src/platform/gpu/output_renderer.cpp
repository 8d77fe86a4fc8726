// OutputRenderer: the decision boundary on the GPU.
#include "platform/gpu/output_renderer.h"

#include <cstdio>
#include <iterator>
#include <string>

#include "app/ui/map_shade.h"
#include "app/ui/palette.h"
#include "embedded_resources.h"

namespace bp {

namespace {

constexpr int kTextureWidth = 64;  // parameters per texture row

GLuint compile(GLenum type, const unsigned char* source) {
    // The sources carry no #version line: GLSL ES 3.00 on the web and on the desktop (OpenGL ES 3).
    const std::string text = "#version 300 es\n" + OutputRenderer::shared_constants() + "#line 1\n" +
                             reinterpret_cast<const char*>(source);
    const char* ptr = text.c_str();
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &ptr, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048];
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "Backprop Lab: a shader did not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

int feature_id(Feature f) { return static_cast<int>(f); }
int activation_id(Activation f) { return static_cast<int>(f); }

std::string define(const std::string& name, int value) { return "#define " + name + " " + std::to_string(value) + "\n"; }

std::string define_rgb(const std::string& name, ImU32 color) {
    char text[96];
    std::snprintf(text, sizeof text, "#define %s vec3(%d.0, %d.0, %d.0) / 255.0\n", name.c_str(),
                  static_cast<int>(color >> IM_COL32_R_SHIFT & 0xFF), static_cast<int>(color >> IM_COL32_G_SHIFT & 0xFF),
                  static_cast<int>(color >> IM_COL32_B_SHIFT & 0xFF));
    return text;
}

}  // namespace

std::string OutputRenderer::shared_constants() {
    std::string s = define("PARAMS_PER_ROW", kTextureWidth) + define("MAX_WIDTH", kMaxNeurons) +
                    define("MAX_INPUTS", kMaxInputs) + define("MAX_SIZES", kMaxHiddenLayers + 2);
    const char* const features[] = {"X1", "X2", "X1_SQ", "X2_SQ", "X1_X2", "SIN_X1", "SIN_X2"};
    static_assert(std::size(features) == std::size(kAllFeatures), "a name for every feature");
    for (Feature f : kAllFeatures) s += define(std::string("FEATURE_") + features[feature_id(f)], feature_id(f));
    const char* const activations[] = {"SIGMOID", "TANH", "RELU", "LINEAR"};
    static_assert(std::size(activations) == std::size(kAllActivations), "a name for every activation");
    for (Activation f : kAllActivations) s += define(std::string("ACTIVATION_") + activations[activation_id(f)], activation_id(f));
    char tint[64];
    std::snprintf(tint, sizeof tint, "#define OUTPUT_TINT %.3f\n", ui::kOutputTint);
    return s + tint + define_rgb("POSITIVE_RGB", ui::kPositive) + define_rgb("NEGATIVE_RGB", ui::kNegative);
}

bool OutputRenderer::init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, embedded::output_vert);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, embedded::output_frag);
    if (!vs || !fs) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "Backprop Lab: the output shader did not link\n");
        return false;
    }
    auto uniform = [&](const char* name) { return glGetUniformLocation(program_, name); };
    uniforms_ = {uniform("u_params"), uniform("u_rect"),     uniform("u_framebuffer"), uniform("u_layers"),
                 uniform("u_sizes"),  uniform("u_features"), uniform("u_hidden"),      uniform("u_output"),
                 uniform("u_plane_min"), uniform("u_plane_max"), uniform("u_layer"), uniform("u_neuron"),
                 uniform("u_shade"), uniform("u_round")};
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return true;
}

void OutputRenderer::queue(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab) {
    const MapShade shade = output_shade(lab.display().discretize && !is_regression(lab.settings().dataset));
    new_batch(draw, lab).quads.push_back({min, max, lab.trainer().network().layer_count(), 0,
                                          static_cast<float>(shade.gain), static_cast<float>(shade.offset), false});
}

void OutputRenderer::queue_neurons(ImDrawList* draw, const std::vector<NeuronMapQuad>& maps, const Lab& lab) {
    Batch& batch = new_batch(draw, lab);
    for (const NeuronMapQuad& m : maps) {
        const MapShade shade = map_shade(lab.trainer().network(), lab.settings().features, m.layer, m.j);
        batch.quads.push_back({m.min, m.max, m.layer, m.j, static_cast<float>(shade.gain), static_cast<float>(shade.offset), m.round});
    }
}

OutputRenderer::Batch& OutputRenderer::new_batch(ImDrawList* draw, const Lab& lab) {
    if (ImGui::GetFrameCount() != queued_frame_) {  // last frame's batches have been drawn
        batches_.clear();
        queued_frame_ = ImGui::GetFrameCount();
    }
    lab_ = &lab;
    Batch& batch = batches_.emplace_back(Batch{this, {}});
    draw->AddCallback(&OutputRenderer::render, &batch);  // reads the quads when the frame is rendered
    draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    return batch;
}

void OutputRenderer::upload(const Lab& lab) {
    // W^1 (row-major), b^1, W^2, b^2, ... as floats, kTextureWidth a row.
    const Network& net = lab.trainer().network();
    params_.clear();
    for (int l = 0; l < net.layer_count(); ++l) {
        for (Eigen::Index k = 0; k < net.W[l].size(); ++k) params_.push_back(static_cast<float>(net.W[l].data()[k]));
        for (Eigen::Index j = 0; j < net.b[l].size(); ++j) params_.push_back(static_cast<float>(net.b[l](j)));
    }
    const int rows = static_cast<int>((params_.size() + kTextureWidth - 1) / kTextureWidth);
    params_.resize(static_cast<size_t>(rows) * kTextureWidth, 0.0f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, kTextureWidth, rows, 0, GL_RED, GL_FLOAT, params_.data());
}

void OutputRenderer::render(const ImDrawList*, const ImDrawCmd* cmd) {
    const Batch& batch = *static_cast<const Batch*>(cmd->UserCallbackData);
    OutputRenderer* self = batch.renderer;
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 scale = data->FramebufferScale, origin = data->DisplayPos;
    glUseProgram(self->program_);
    glBindVertexArray(self->vao_);
    glDisable(GL_BLEND);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, self->texture_);  // ImGui binds its font texture between our quads
    // The weights and the network's shape once a frame, however many quads: a program keeps its
    // uniforms while ImGui's own program draws between them.
    if (self->uploaded_frame_ != self->queued_frame_) {
        self->upload(*self->lab_);
        self->set_network_uniforms(*self->lab_, ImVec2(data->DisplaySize.x * scale.x, data->DisplaySize.y * scale.y));
        self->uploaded_frame_ = self->queued_frame_;
    }
    const Uniforms& u = self->uniforms_;
    for (const Quad& quad : batch.quads) {
        glUniform4f(u.rect, (quad.min.x - origin.x) * scale.x, (quad.min.y - origin.y) * scale.y,
                    (quad.max.x - origin.x) * scale.x, (quad.max.y - origin.y) * scale.y);
        glUniform1i(u.layer, quad.layer);
        glUniform1i(u.neuron, quad.neuron);
        glUniform2f(u.shade, quad.gain, quad.offset);
        glUniform1i(u.round, quad.round ? 1 : 0);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
}

void OutputRenderer::set_network_uniforms(const Lab& lab, ImVec2 framebuffer) {
    const Uniforms& u = uniforms_;
    glUniform1i(u.params, 0);
    glUniform2f(u.framebuffer, framebuffer.x, framebuffer.y);
    const Network& net = lab.trainer().network();
    const auto& features = lab.settings().features;
    GLint sizes[kMaxHiddenLayers + 2] = {}, ids[kMaxInputs] = {};
    for (int l = 0; l <= net.layer_count() && l < kMaxHiddenLayers + 2; ++l) sizes[l] = net.sizes[l];
    for (size_t f = 0; f < features.size() && f < static_cast<size_t>(kMaxInputs); ++f) ids[f] = feature_id(features[f]);
    glUniform1i(u.layers, net.layer_count());
    glUniform1iv(u.sizes, kMaxHiddenLayers + 2, sizes);
    glUniform1iv(u.features, kMaxInputs, ids);
    glUniform1i(u.hidden, activation_id(net.hidden));
    glUniform1i(u.output, activation_id(net.output));
    const float extent = static_cast<float>(kPlaneExtent);
    glUniform2f(u.plane_min, -extent, extent);
    glUniform2f(u.plane_max, extent, -extent);
}

}  // namespace bp
