// The platform's services for the views (app/ui/platform.h): the GPU's drawing of the output on
// both platforms, files and pictures where the platform has them. platform_services.cpp holds what
// both share; desktop_services.cpp and browser_services.cpp what differs (CMake picks one).
#pragma once

#include "app/lab/lab.h"
#include "app/ui/platform.h"
#include "platform/gpu/output_renderer.h"

namespace bp {

class PlatformServices final : public Platform {
public:
    explicit PlatformServices(Lab& lab) : lab_(lab) {}
    // Prepares the GPU output (needs the GL context); without it the data view draws on the CPU.
    void init_gpu() { gpu_ready_ = output_.init(); }
    // Called right after each frame is drawn, while the drawing buffer still holds it.
    void after_frame();
    // ImGui's copy and paste through the platform's clipboard (the page's, in the browser).
    void install_clipboard();

    bool can_save_files() const override { return true; }
    void save_text_file(const std::string& name, const std::string& text) override;
    bool can_choose_files() const override;
    void choose_csv_file() override;
    void choose_lesson_file() override;
    bool can_link_lessons() const override;
    void copy_lesson_link(const std::string& text, int step) override;
    std::string page_address() const override;
    bool can_save_png() const override;
    void save_png_soon() override { png_in_frames_ = 2; }
    bool can_open_recent_labs() const override;
    void open_recent_labs() override;
    bool draw_output(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab) override;
    bool draw_neuron_maps(ImDrawList* draw, const std::vector<NeuronMapQuad>& maps, const Lab& lab) override;

private:
    void save_png();

    Lab& lab_;
    OutputRenderer output_;
    bool gpu_ready_ = false;
    int png_in_frames_ = 0;  // save a picture after this many more frames (0: none)
};

}  // namespace bp
