// Data table: every point's raw values, features, target and split, editable in place; CSV export
// (copy, or download where the platform can) and import (paste, or a file where the platform can).
// A header row names the CSV's columns; a bad row or header is reported by row and column and the
// pasted text stays for fixing. Values are written by significant digits (number_text), and each
// column is as wide as its widest value.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/notation/number_text.h"
#include "app/ui/data_table.h"
#include "app/ui/ui_style.h"
#include "core/csv.h"

namespace bp {

namespace {

// The buttons above the table.
void csv_buttons(DataTable& table, Lab& lab, Platform& platform) {
    const std::string csv_name = "backprop-lab-points.csv";
    if (ImGui::Button("Copy CSV")) platform.copy_text(points_to_csv(lab.trainer().points()));
    ui::tooltip("Copy every point as CSV (x1,x2,y,split) to paste into a spreadsheet.");
    if (platform.can_save_files()) {
        ImGui::SameLine();
        if (ImGui::Button("Download CSV")) platform.save_text_file(csv_name, points_to_csv(lab.trainer().points()));
        ui::tooltip("Save every point as a CSV file.");
    }
    ImGui::SameLine();
    if (ImGui::Button("Import CSV\u2026")) ImGui::OpenPopup("Import CSV");
    ui::tooltip("Replace the points with rows of x1,x2,y[,split] pasted from a spreadsheet or a file. A bad row is "
                "named, and nothing changes until every row is right.");
    const Lab::Message& message = lab.data_message();
    if (!message.text.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, message.is_error ? ui::kError : ui::kMutedInk);
        ImGui::TextUnformatted(message.text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 22), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Import CSV")) {
        // Escape closes the box (a first Escape while typing only leaves the text box).
        if (!ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
            ImGui::CloseCurrentPopup();
        ImGui::TextWrapped("Paste rows of x1,x2,y (and optionally train or test). A first row that is not numbers is a "
                           "header naming the columns x1, x2, y and split, in any order. x1 and x2 run from -2 to 2; "
                           "y is 0 or 1 (for the curve, -2 to 2).");
        ui::text_box("##csv", table.csv_draft, ImVec2(-1, -ImGui::GetFrameHeightWithSpacing() * 2.2f));
        if (message.is_error) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::kError);
            ImGui::TextWrapped("%s", message.text.c_str());
            ImGui::PopStyleColor();
        }
        if (ImGui::Button("Import") && lab.import_csv(table.csv_draft).empty()) ImGui::CloseCurrentPopup();
        if (platform.can_choose_files()) {
            ImGui::SameLine();
            if (ImGui::Button("Choose a file\u2026")) {
                platform.choose_csv_file();
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ui::tooltip("Close this box (or press Escape); the text stays here for next time.");
        ImGui::EndPopup();
    }
}

constexpr int kValueDigits = 5;    // x1, x2 and y: about the grid the points sit on (1/16384)
constexpr int kFeatureDigits = 4;  // the features, read-only

std::string value_text(double v) { return number_text(v, kValueDigits); }
std::string feature_text(Feature f, const Point& p) { return number_text(feature_value(f, p.x1, p.x2), kFeatureDigits); }
float text_width(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

// The columns: #, x1, x2, the features, y (or class), split, and the delete button.
std::vector<std::string> column_titles(const std::vector<Feature>& features, bool regression) {
    std::vector<std::string> titles = {"#", "x\u2081", "x\u2082"};
    for (Feature f : features) titles.push_back(feature_label(f));
    titles.insert(titles.end(), {regression ? "y" : "class", "split", ""});
    return titles;
}

// Widens the columns to fit point k's cells (an edited cell is a frame around its text).
void fit_point(std::vector<float>& widths, int k, const Point& p, const std::vector<Feature>& features) {
    const float frame = ImGui::GetStyle().FramePadding.x * 2.0f;
    size_t c = 0;
    auto fit = [&](float w) {
        widths[c] = std::max(widths[c], w);
        ++c;
    };
    fit(text_width(std::to_string(k + 1)));
    fit(text_width(value_text(p.x1)) + frame);
    fit(text_width(value_text(p.x2)) + frame);
    for (Feature f : features) fit(text_width(feature_text(f, p)));
    fit(text_width(value_text(p.y)) + frame);
}

// Measures every column anew when the font, the columns or the number of points changed; else
// widens them for the points that changed since the last frame.
void measure(DataTableWidths& m, const std::vector<Point>& points, const std::vector<Feature>& features, bool regression) {
    const float font = ImGui::GetFontSize();
    const bool anew = m.font_size != font || m.features != features || m.regression != regression ||
                      m.points.size() != points.size() || m.columns.empty();
    bool changed = anew;
    if (anew) {
        const std::vector<std::string> titles = column_titles(features, regression);
        m.columns.clear();
        for (const std::string& t : titles) m.columns.push_back(text_width(t));
        const float frame = ImGui::GetStyle().FramePadding.x * 2.0f;
        float& split = m.columns[m.columns.size() - 2];
        split = std::max({split, text_width("train") + frame, text_width("test") + frame});
        m.columns.back() = text_width("\u2715") + frame;
        for (size_t k = 0; k < points.size(); ++k) fit_point(m.columns, static_cast<int>(k), points[k], features);
    } else {
        for (size_t k = 0; k < points.size(); ++k)
            if (!(points[k] == m.points[k])) {
                fit_point(m.columns, static_cast<int>(k), points[k], features);
                changed = true;
            }
    }
    if (changed) {
        m.points = points;
        m.features = features;
        m.regression = regression;
        m.font_size = font;
    }
}

// An editable number, shown as number_text. A number typed and confirmed with Enter replaces
// `value` (returns true); text that is no number is left in `rejected`.
bool number_cell(const char* id, double& value, std::string& rejected) {
    const std::string shown = value_text(value);
    char text[64];
    std::snprintf(text, sizeof text, "%s", shown.c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::InputText(id, text, sizeof text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll))
        return false;
    double typed = value;
    if (shown == text) return false;
    if (!number_from_text(text, typed)) {
        rejected = text;
        return false;
    }
    if (typed == value) return false;
    value = typed;
    return true;
}

}  // namespace

void draw_data_table(DataTable& table, Lab& lab, Platform& platform) {
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    csv_buttons(table, lab, platform);
    ImGui::EndDisabled();
    const bool regression = is_regression(lab.settings().dataset);
    const auto& features = lab.settings().features;
    const auto& points = lab.trainer().points();
    measure(table.widths, points, features, regression);
    const std::vector<std::string> titles = column_titles(features, regression);
    const int columns = static_cast<int>(titles.size());
    // The table scrolls inside its own region, both ways, and the wheel scrolls it; the row
    // numbers and the titles stay in view.
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("points", columns, flags)) return;
    ui::swipe_scrolls_sideways();
    ImGui::TableSetupScrollFreeze(1, 1);
    for (int c = 0; c < columns; ++c)
        ImGui::TableSetupColumn(titles[c].c_str(), ImGuiTableColumnFlags_WidthFixed, table.widths.columns[c]);
    ImGui::TableHeadersRow();
    ImGui::BeginDisabled(lab.locked(Lab::LockData));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(points.size()));
    int remove = -1;
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            Point p = points[k];
            bool edited = false;
            std::string rejected;
            ImGui::PushID(k);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", k + 1);
            ImGui::TableNextColumn();
            edited |= number_cell("##x1", p.x1, rejected);
            ui::tooltip("x\u2081 of this point, from \u22122 to 2: type a number and press Enter.");
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(regression);
            edited |= number_cell("##x2", p.x2, rejected);
            ImGui::EndDisabled();
            ui::tooltip(regression ? "The curve has no x\u2082: it is always 0."
                                   : "x\u2082 of this point, from \u22122 to 2: type a number and press Enter.");
            for (Feature f : features) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(feature_text(f, p).c_str());
            }
            ImGui::TableNextColumn();
            edited |= number_cell("##y", p.y, rejected);
            ui::tooltip(regression ? "The target y of this point, from \u22122 to 2: type a number and press Enter."
                                   : "The class of this point, 0 or 1: type it and press Enter.");
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(p.test ? "test" : "train")) {
                p.test = !p.test;
                edited = true;
            }
            ui::tooltip("Click to move this point between the training and the test points.");
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("\u2715")) remove = k;
            ui::tooltip("Delete this point.");
            const std::string point = "Point #" + std::to_string(k + 1);
            if (!rejected.empty()) lab.set_data_message(point + " not changed: \"" + rejected + "\" is not a number.", true);
            if (edited) {
                const std::string error = lab.move_point(k, p);
                lab.set_data_message(error.empty() ? "" : point + " not changed: " + error, !error.empty());
            }
            ImGui::PopID();
        }
    ImGui::EndDisabled();
    ImGui::EndTable();
    if (remove >= 0) lab.remove_point(remove);
}

}  // namespace bp
