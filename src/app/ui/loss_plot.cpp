// Loss plot: the training loss against steps, with axes, tick labels and a hover readout.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/layout/plot_axes.h"
#include "app/ui/panels.h"
#include "app/notation/number_text.h"
#include "app/ui/ui_style.h"

namespace bp {

void draw_loss_plot(const Lab& lab, ImVec2 size) {
    ImGui::BeginChild("loss_plot", size, true);
    const auto& history = lab.trainer().history().samples();
    ImGui::Text("Training loss (%s) now:  %s", loss_name(lab.settings().loss), number_text(lab.shown_training_loss(), 4).c_str());
    const Regularization& reg = lab.settings().regularization;
    if (reg.on()) {  // on a line of its own: the loss panel is narrow
        const double penalty = lab.shown_penalty();
        ImGui::TextDisabled("= data %s + %s penalty %s", number_text(lab.shown_training_loss() - penalty, 4).c_str(),
                            reg.kind == RegularizationKind::L1 ? "L1" : "L2", number_text(penalty, 4).c_str());
    }
    ui::tooltip(reg.on() ? "The total loss: the mean data loss over all training points plus the regularization "
                           "penalty on the weights (\u03bb\u00b7\u03a3|w| for L1, \u03bb\u00b7\u00bd\u03a3w\u00b2 for L2; "
                           "biases are not penalised), on the current weights. Training goes down the gradient of "
                           "this total. The plot records it at the start, after every Step, and after every epoch "
                           "while playing; the test loss is the data loss alone."
                         : "The mean loss over all training points on the current weights. The plot records it at "
                           "the start, after every Step, and after every epoch while playing (one pass over the "
                           "training points). Hover the plot to read any point.");

    const ui::Metrics metric = ui::metrics();
    const float font = metric.font;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::InvisibleButton("loss_canvas", ImVec2(std::max(avail.x, 10.0f), std::max(avail.y, 10.0f)));
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 min(origin.x + font * 4.0f, origin.y + font * 0.5f);
    const ImVec2 max(origin.x + avail.x - font * 1.0f, origin.y + avail.y - font * 2.6f);
    if (max.x - min.x < 20 || max.y - min.y < 20) {
        ImGui::EndChild();
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();

    const double x_hi = std::max<double>(10.0, history.empty() ? 0.0 : static_cast<double>(history.back().step));
    double y_hi = 0.0;
    bool has_test = false;
    for (const LossSample& s : history) {
        if (std::isfinite(s.loss)) y_hi = std::max(y_hi, s.loss);
        if (std::isfinite(s.test_loss)) {
            y_hi = std::max(y_hi, s.test_loss);
            has_test = true;
        }
    }
    y_hi = y_hi > 0.0 ? y_hi * 1.08 : 1.0;
    auto to_screen = [&](double step, double loss) {
        return ImVec2(min.x + static_cast<float>(step / x_hi) * (max.x - min.x),
                      max.y - static_cast<float>(loss / y_hi) * (max.y - min.y));
    };

    // Grid, ticks and labels.
    const auto x_ticks = nice_ticks(0.0, x_hi, std::max(3, static_cast<int>((max.x - min.x) / (font * 4.5f))));
    const auto y_ticks = nice_ticks(0.0, y_hi, std::max(3, static_cast<int>((max.y - min.y) / (font * 2.2f))));
    const double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : x_hi;
    const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : y_hi;
    for (double x : x_ticks) {
        const ImVec2 p = to_screen(x, 0.0);
        draw->AddLine(ImVec2(p.x, min.y), ImVec2(p.x, max.y), ui::kGrid, metric.hairline);
        const std::string label = tick_label(x, x_step);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(p.x - w * 0.5f, max.y + font * 0.2f), ui::kMutedInk, label.c_str());
    }
    for (double y : y_ticks) {
        const ImVec2 p = to_screen(0.0, y);
        draw->AddLine(ImVec2(min.x, p.y), ImVec2(max.x, p.y), ui::kGrid, metric.hairline);
        const std::string label = tick_label(y, y_step);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(min.x - w - font * 0.4f, p.y - font * 0.5f), ui::kMutedInk, label.c_str());
    }
    draw->AddLine(ImVec2(min.x, max.y), max, ui::kInk, metric.line);
    draw->AddLine(min, ImVec2(min.x, max.y), ui::kInk, metric.line);
    const char* x_title = "steps (mini-batch updates)";
    draw->AddText(ImVec2((min.x + max.x - ImGui::CalcTextSize(x_title).x) * 0.5f, max.y + font * 1.3f), ui::kMutedInk, x_title);

    // The series.
    for (size_t k = 1; k < history.size(); ++k)
        draw->AddLine(to_screen(static_cast<double>(history[k - 1].step), history[k - 1].loss),
                      to_screen(static_cast<double>(history[k].step), history[k].loss), ui::kPositive, metric.bold);
    if (history.size() == 1) draw->AddCircleFilled(to_screen(0.0, history[0].loss), 4.0f * metric.hairline, ui::kPositive);
    for (size_t k = 1; k < history.size() && has_test; ++k)
        if (std::isfinite(history[k - 1].test_loss) && std::isfinite(history[k].test_loss))
            draw->AddLine(to_screen(static_cast<double>(history[k - 1].step), history[k - 1].test_loss),
                          to_screen(static_cast<double>(history[k].step), history[k].test_loss), ui::kNegative, metric.thick);
    if (has_test) {
        const char* train = "\u2014 train", *test = "\u2014 test";
        const float w = ImGui::CalcTextSize(train).x + ImGui::CalcTextSize(test).x + font;
        draw->AddText(ImVec2(max.x - w, min.y), ui::kPositive, train);
        draw->AddText(ImVec2(max.x - w + ImGui::CalcTextSize(train).x + font, min.y), ui::kNegative, test);
    }

    // Hover readout: the recorded point nearest the mouse's step.
    if (hovered && !history.empty()) {
        const float mx = ImGui::GetIO().MousePos.x;
        const double step = (mx - min.x) / (max.x - min.x) * x_hi;
        const auto nearest = std::min_element(history.begin(), history.end(), [&](const LossSample& a, const LossSample& b) {
            return std::fabs(static_cast<double>(a.step) - step) < std::fabs(static_cast<double>(b.step) - step);
        });
        const ImVec2 p = to_screen(static_cast<double>(nearest->step), nearest->loss);
        draw->AddLine(ImVec2(p.x, min.y), ImVec2(p.x, max.y), ui::kMutedInk, metric.hairline);
        draw->AddCircleFilled(p, 5.0f * metric.hairline, ui::kHighlight);
        ImGui::BeginTooltip();
        ImGui::Text("step %lld", static_cast<long long>(nearest->step));
        ImGui::Text("training loss %s", number_text(nearest->loss, 6).c_str());
        if (std::isfinite(nearest->test_loss)) ImGui::Text("test loss %s", number_text(nearest->test_loss, 6).c_str());
        ImGui::EndTooltip();
    }
    ImGui::EndChild();
}

}  // namespace bp
