// What the platform offers the views: files, the page's address, the clipboard, a picture of the
// canvas, the page's list of recent labs and the GPU's drawing of the network's output and of the
// neuron maps. The desktop and the browser each implement it (src/platform); the base class is a
// platform with none of these (headless tests), and every view falls back gracefully when a service
// is missing.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace bp {

class Lab;

// One neuron map to draw: neuron j (0-based) of layer l (0 = the inputs) over the plane, in the
// square [min, max] of the screen; `round` keeps the disc inside it (a neuron's circle).
struct NeuronMapQuad {
    ImVec2 min, max;
    int layer = 0, j = 0;
    bool round = false;
};

class Platform {
public:
    virtual ~Platform() = default;

    // Save text under a file name (the browser downloads it); false when the platform cannot.
    virtual bool can_save_files() const { return false; }
    virtual void save_text_file(const std::string& name, const std::string& text) {}
    // Let the user pick a CSV file; its text arrives later through the lab's import_csv().
    virtual bool can_choose_files() const { return false; }
    virtual void choose_csv_file() {}
    // Let the user pick a lesson file; the page opens it with window.lab.openLesson (or says why not).
    virtual void choose_lesson_file() {}
    // Copies a link that opens this lesson at `step` (from 1): the page compresses the text and
    // says, in the lab's notice, whether it fit in a link. False when the platform has no lesson links.
    virtual bool can_link_lessons() const { return false; }
    virtual void copy_lesson_link(const std::string& text, int step) {}
    // The page's address without its #lab= part, for the links the UI copies ("" on the desktop).
    virtual std::string page_address() const { return ""; }
    // Puts text on the clipboard.
    virtual void copy_text(const std::string& text) { ImGui::SetClipboardText(text.c_str()); }
    // Save a picture of the canvas once the frames now on screen (an open dialog) have gone.
    virtual bool can_save_png() const { return false; }
    virtual void save_png_soon() {}
    // Show the labs saved in this browser (the page's Recent labs list), to open one again.
    virtual bool can_open_recent_labs() const { return false; }
    virtual void open_recent_labs() {}
    // Draws the network's output over [min, max] of the screen on the GPU; false when the platform
    // cannot (the data view then draws a coarser grid on the CPU).
    virtual bool draw_output(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab) { return false; }
    // Draws neuron maps on the GPU, all at this point of the draw list: each neuron's activation
    // a^l_j over the plane in its square of the screen. False when the platform cannot (the network
    // view then draws no maps, the data view a coarser grid on the CPU).
    virtual bool draw_neuron_maps(ImDrawList* draw, const std::vector<NeuronMapQuad>& maps, const Lab& lab) {
        return false;
    }
};

}  // namespace bp
