// The QR code of the share link: the grid drawn with whole-pixel modules, and the overlay that
// shows it over the lab with its caption and choices.
#include "app/ui/qr_view.h"

#include <algorithm>

#include "app/ui/share_menu.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

// "This moment" as it is now; it stays until chosen again or updated.
void freeze_moment(QrOverlay& o, const Lab& lab, const Platform& platform) {
    o.moment_link = share_url(lab, platform, true, lab.locks());
    o.moment_step = lab.trainer().step_count();
}

// Where the overlay puts things: the code's square, and the column of text beside it (wide
// displays) or below it (tall ones), whichever leaves the code larger.
struct OverlayLayout {
    ImVec2 panel_min, panel_max;  // the white panel; a tap outside it closes the overlay
    ImVec2 code_min;
    float code_side = 0.0f;
    ImVec2 text_min, text_size;
};

// `measured`: the text as the last frame drew it (its width, and the height it took), which sizes
// the code above it once known.
OverlayLayout lay_out_overlay(ImVec2 display, float font, ImVec2 measured) {
    const float margin = font * 0.5f;  // around the panel, and inside it (the quiet zone is white already)
    const float column = font * 15.0f;  // the text beside the code
    const float below_width = display.x - 4 * margin;
    const float estimate = ImGui::GetFrameHeightWithSpacing() * 7.0f;  // the text below the code, before it is measured
    const float beside = std::min(display.y - 4 * margin, display.x - 5 * margin - column);
    OverlayLayout l;
    ImVec2 panel;
    if (beside >= std::min(below_width, display.y - 5 * margin - estimate)) {
        l.code_side = std::max(beside, font * 4.0f);
        panel = ImVec2(3 * margin + l.code_side + column, 2 * margin + l.code_side);
        l.text_size = ImVec2(column, l.code_side);
    } else {
        const float rows = measured.x == below_width && measured.y > 0 ? measured.y : estimate;
        l.code_side = std::max(std::min(below_width, display.y - 5 * margin - rows), font * 4.0f);
        panel = ImVec2(2 * margin + below_width, 3 * margin + l.code_side + rows);
        l.text_size = ImVec2(below_width, rows);
    }
    l.panel_min = ImVec2(std::max(0.0f, (display.x - panel.x) / 2), std::max(0.0f, (display.y - panel.y) / 2));
    l.panel_max = ImVec2(l.panel_min.x + panel.x, l.panel_min.y + panel.y);
    if (l.text_size.x == column) {
        l.code_min = ImVec2(l.panel_min.x + margin, l.panel_min.y + margin);
        l.text_min = ImVec2(l.code_min.x + l.code_side + margin, l.code_min.y);
    } else {
        l.code_min = ImVec2(l.panel_min.x + (panel.x - l.code_side) / 2, l.panel_min.y + margin);
        l.text_min = ImVec2(l.panel_min.x + margin, l.code_min.y + l.code_side + margin);
    }
    return l;
}

// The caption, the choice of link, what the code holds, and Close, in a column of their own.
void draw_overlay_text(QrOverlay& o, ViewSettings& view, const Lab& lab, const Platform& platform, const OverlayLayout& l) {
    ImGui::SetCursorScreenPos(l.text_min);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::kPanel);
    ImGui::BeginChild("##qr_text", l.text_size, false);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("Scan to open this lab");
    ImGui::Spacing();
    if (ImGui::RadioButton("this moment", view.qr == QrShown::Moment)) view.qr = QrShown::Moment;
    ui::tooltip("The lab as it is now: the trained weights, the data, the step. Students who scan it and press "
                "Play see the same numbers at every step.");
    ImGui::SameLine();
    if (ImGui::RadioButton("start link", view.qr == QrShown::Start)) view.qr = QrShown::Start;
    ui::tooltip("The starting point: the same settings and data with the initial weights, so the class trains "
                "it themselves.");

    ImGui::PushStyleColor(ImGuiCol_Text, ui::kMutedInk);
    if (view.qr == QrShown::Moment) {
        const long long now = lab.trainer().step_count();
        if (now == o.moment_step) ImGui::TextWrapped("The lab at step %lld, with its weights and data.", o.moment_step);
        else ImGui::TextWrapped("The lab at step %lld (it is at step %lld now: Update shows it).", o.moment_step, now);
    } else {
        ImGui::TextWrapped("The starting point: these settings and data with the initial weights.");
    }
    if (o.code.valid())
        ImGui::TextWrapped("%zu characters \u00b7 QR version %d, %d \u00d7 %d modules", o.encoded.size(), o.code.version(),
                           o.code.size(), o.code.size());
    if (platform.page_address().empty())
        ImGui::TextWrapped("This app has no web address: the code holds the link's #lab= part, which the web page opens.");
    ImGui::PopStyleColor();
    if (!o.code.valid()) ImGui::TextWrapped("No QR code: %s. Copy link shares it instead.", o.code.error().c_str());

    if (view.qr == QrShown::Moment) {
        if (ImGui::Button("Update")) freeze_moment(o, lab, platform);
        ui::tooltip("Show the lab as it is now. The code holds still while the lab trains, so phones can read it.");
        ImGui::SameLine();
    }
    if (ImGui::Button("Close")) view.qr = QrShown::None;
    ui::tooltip("Back to the lab (Escape, or a tap beside the code).");
    o.text_size = ImVec2(l.text_size.x, ImGui::GetCursorPosY());
    ImGui::EndChild();
}

}  // namespace

void draw_qr_code(ImDrawList* draw, ImVec2 min, float side, const QrCode& code) {
    draw->AddRectFilled(min, ImVec2(min.x + side, min.y + side), ui::kQrLight);
    if (!code.valid()) return;
    const int n = code.size();
    const QrPlacement p = place_qr_code(min, side, n + 2 * QrCode::kQuietZone, ImGui::GetIO().DisplayFramebufferScale.x);
    const float m = p.module;
    const ImVec2 origin(p.origin.x + QrCode::kQuietZone * m, p.origin.y + QrCode::kQuietZone * m);
    // One rectangle per run of dark modules in a row, rather than one per module: far fewer vertices.
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n;) {
            if (!code.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < n && code.dark(end, y)) ++end;
            draw->AddRectFilled(ImVec2(origin.x + x * m, origin.y + y * m), ImVec2(origin.x + end * m, origin.y + (y + 1) * m),
                                ui::kQrDark);
            x = end;
        }
}

void draw_qr_overlay(QrOverlay& o, ViewSettings& view, Lab& lab, Platform& platform) {
    if (o.requested != QrShown::None) {
        view.qr = o.requested;
        o.requested = QrShown::None;
    }
    if (view.qr == QrShown::None) {
        o.shown = QrShown::None;
        return;
    }
    const bool opening = o.shown == QrShown::None;
    if (view.qr == QrShown::Moment && o.shown != QrShown::Moment) freeze_moment(o, lab, platform);
    o.shown = view.qr;

    const std::string link = view.qr == QrShown::Moment ? o.moment_link : share_url(lab, platform, false, lab.locks());
    if (link != o.encoded) {
        o.code = QrCode::encode(link);
        o.encoded = link;
    }

    const ImGuiIO& io = ImGui::GetIO();
    const OverlayLayout l = lay_out_overlay(io.DisplaySize, ImGui::GetFontSize(), o.text_size);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (opening) ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::kShade);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##qr_overlay", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(l.panel_min, l.panel_max, ui::kPanel, 6.0f);
    draw_qr_code(draw, l.code_min, l.code_side, o.code);
    draw_overlay_text(o, view, lab, platform, l);

    const ImVec2 mouse = io.MousePos;
    const bool outside = mouse.x < l.panel_min.x || mouse.x > l.panel_max.x || mouse.y < l.panel_min.y || mouse.y > l.panel_max.y;
    if (ui::escape_pressed() || (!opening && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && outside && ImGui::IsWindowHovered()))
        view.qr = QrShown::None;
    ImGui::End();
}

}  // namespace bp
