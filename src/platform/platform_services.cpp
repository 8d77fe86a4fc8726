// What the desktop and the browser share: the GPU output and neuron maps, and the picture's timing.
#include "platform/platform_services.h"

namespace bp {

bool PlatformServices::draw_output(ImDrawList* draw, ImVec2 min, ImVec2 max, const Lab& lab) {
    if (!gpu_ready_) return false;
    output_.queue(draw, min, max, lab);
    return true;
}

bool PlatformServices::draw_neuron_maps(ImDrawList* draw, const std::vector<NeuronMapQuad>& maps, const Lab& lab) {
    if (!gpu_ready_) return false;
    output_.queue_neurons(draw, maps, lab);
    return true;
}

void PlatformServices::after_frame() {
    if (png_in_frames_ > 0 && --png_in_frames_ == 0) save_png();
}

}  // namespace bp
