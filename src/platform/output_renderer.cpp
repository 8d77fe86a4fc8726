// OutputRenderer: the decision boundary on the GPU.
#include "platform/output_renderer.h"

#include <cstdio>
#include <string>

#include "embedded_resources.h"

namespace bp {

namespace {

constexpr int kTextureWidth = 64;  // params per texture row (must match output.frag)

GLuint compile(GLenum type, const unsigned char* source) {
    // The sources carry no #version line: GLSL ES 3.00 on the web and on the desktop (OpenGL ES 3).
    const std::string text = std::string("#version 300 es\n") + reinterpret_cast<const char*>(source);
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

}  // namespace

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
    glGenVertexArrays(1, &vao_);
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return true;
}

void OutputRenderer::queue(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab) {
    min_ = min;
    max_ = max;
    lab_ = &lab;
    draw->AddCallback(&OutputRenderer::render, this);
    draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
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
    auto* self = static_cast<OutputRenderer*>(cmd->UserCallbackData);
    const Lab& lab = *self->lab_;
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 scale = data->FramebufferScale, origin = data->DisplayPos;
    const float fb_w = data->DisplaySize.x * scale.x, fb_h = data->DisplaySize.y * scale.y;
    self->upload(lab);
    glUseProgram(self->program_);
    glBindVertexArray(self->vao_);
    glDisable(GL_BLEND);
    glUniform1i(glGetUniformLocation(self->program_, "u_params"), 0);
    glUniform4f(glGetUniformLocation(self->program_, "u_rect"), (self->min_.x - origin.x) * scale.x,
                (self->min_.y - origin.y) * scale.y, (self->max_.x - origin.x) * scale.x, (self->max_.y - origin.y) * scale.y);
    glUniform2f(glGetUniformLocation(self->program_, "u_framebuffer"), fb_w, fb_h);
    const Network& net = lab.trainer().network();
    const auto& features = lab.settings().features;
    GLint sizes[8] = {}, ids[8] = {};
    for (int l = 0; l <= net.layer_count() && l < 8; ++l) sizes[l] = net.sizes[l];
    for (size_t f = 0; f < features.size() && f < 8; ++f) ids[f] = feature_id(features[f]);
    glUniform1i(glGetUniformLocation(self->program_, "u_layers"), net.layer_count());
    glUniform1iv(glGetUniformLocation(self->program_, "u_sizes"), 8, sizes);
    glUniform1iv(glGetUniformLocation(self->program_, "u_features"), 8, ids);
    glUniform1i(glGetUniformLocation(self->program_, "u_hidden"), activation_id(net.hidden));
    glUniform1i(glGetUniformLocation(self->program_, "u_output"), activation_id(net.output));
    glUniform2f(glGetUniformLocation(self->program_, "u_plane_min"), static_cast<float>(-kPlaneExtent),
                static_cast<float>(kPlaneExtent));
    glUniform2f(glGetUniformLocation(self->program_, "u_plane_max"), static_cast<float>(kPlaneExtent),
                static_cast<float>(-kPlaneExtent));
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace bp
