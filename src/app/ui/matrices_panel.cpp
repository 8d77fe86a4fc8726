// Matrices: each W^l and ∂L/∂W^l as a table in the lesson's layout (rows are the source neurons,
// columns the targets: W¹ is 4x3), with b^l and ∂L/∂b^l below them. The selected entry is
// highlighted; clicking a cell selects that weight or bias. Entries are written by significant
// digits (number_text), so a tiny gradient reads 1.2e-07, not 0.0000. With momentum or Adam, the
// optimizer's state of every parameter (velocity, or the moments m and v) follows in the same layout.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/notation/glyphs.h"
#include "app/notation/number_text.h"
#include "app/ui/panels.h"
#include "app/ui/lesson_marks.h"
#include "app/ui/ui_style.h"

namespace bp {

namespace {

constexpr int kEntryDigits = 4;  // significant digits of each entry (the tooltip has 8)

// One matrix (rows x cols) with a bias row; values(i, j) for weights, bias(j) for the last row.
// prefix is "" for the parameters and "∂L/∂" for their gradients. Every entry column is as wide as
// the widest entry, so the matrix reads as one, and the numbers are right-aligned.
template <typename Weight, typename Bias>
void matrix_table(Lab& lab, const char* id, const std::string& prefix, int l, int rows, int cols, Weight weight, Bias bias) {
    const Selection& sel = lab.selection();
    auto row_label = [&](int i) {
        // Rows are the source neurons: the input features for W^1, a^{l-1}_i after it; then b.
        if (i == rows) return std::string("b");
        return l == 1 ? std::string(feature_label(lab.settings().features[i])) : neuron_symbol("a", l - 1, i);
    };
    std::vector<std::string> texts;  // row by row, the bias row last
    float label_w = 0.0f, entry_w = ImGui::CalcTextSize(("\u2192" + std::to_string(cols)).c_str()).x;
    for (int i = 0; i <= rows; ++i) {
        label_w = std::max(label_w, ImGui::CalcTextSize(row_label(i).c_str()).x);
        for (int j = 0; j < cols; ++j) {
            texts.push_back(number_text(i < rows ? weight(i, j) : bias(j), kEntryDigits));
            entry_w = std::max(entry_w, ImGui::CalcTextSize(texts.back().c_str()).x);
        }
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoHostExtendX;
    if (!ImGui::BeginTable(id, cols + 1, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, label_w);
    for (int j = 0; j < cols; ++j)
        ImGui::TableSetupColumn(("\u2192" + std::to_string(j + 1)).c_str(), ImGuiTableColumnFlags_WidthFixed, entry_w);
    ImGui::TableHeadersRow();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(1.0f, 0.0f));
    for (int i = 0; i <= rows; ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row_label(i).c_str());
        for (int j = 0; j < cols; ++j) {
            const bool is_bias = i == rows;
            const double v = is_bias ? bias(j) : weight(i, j);
            const Selection target{l, is_bias ? 0 : i, j, is_bias};
            const bool selected = sel.is_bias == is_bias && sel.layer == l && sel.j == j && (is_bias || sel.i == i);
            const std::string symbol = is_bias ? bias_symbol(l - 1, j) : weight_symbol(l - 1, i, j);
            ImGui::TableNextColumn();
            if (selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ui::with_alpha(ui::kHighlight, 110));
            ImGui::PushStyleColor(ImGuiCol_Text, v < 0 ? ui::kNegative : ui::kPositive);
            const std::string label = texts[static_cast<size_t>(i * cols + j)] + "##" + symbol;
            if (ImGui::Selectable(label.c_str(), false)) lab.select(target);
            ImGui::PopStyleColor();
            if (!is_bias && marked_cell(l, i, j))
                draw_lesson_ring(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 2.0f);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s%s = %s\nclick to expand %s in the chain rule", prefix.c_str(), symbol.c_str(),
                                  number_text(v, 8).c_str(), symbol.c_str());
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndTable();
}

// One parameter-shaped block of the optimizer's state beside the matrices, titled.
void state_table(Lab& lab, const char* id, const std::string& title, const std::string& prefix, const char* help,
                 const Gradients& g, int l, int rows, int cols) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(title.c_str());
    ui::tooltip(help);
    matrix_table(lab, id, prefix, l, rows, cols, [&](int i, int j) { return g.dW[l - 1](i, j); },
                 [&](int j) { return g.db[l - 1](j); });
    ImGui::EndGroup();
}

// Momentum's velocity, or Adam's two moments, of layer l's weights and biases (nothing for SGD).
void optimizer_tables(Lab& lab, int l, int rows, int cols) {
    const Trainer& t = lab.trainer();
    const OptimizerState& state = t.optimizer_state();
    const std::string sup = superscript(l);
    switch (t.settings().optimizer.kind) {
        case OptimizerKind::Sgd: return;
        case OptimizerKind::Momentum:
            if (state.velocity.dW.empty()) return;
            state_table(lab, "v", "velocity v of W" + sup + " and b" + sup, "velocity of ",
                        "Momentum's velocity of every weight and bias: v' = \u03b2v + g, then w' = w \u2212 \u03b1v'. It "
                        "keeps a share \u03b2 of the last steps, so a steady slope speeds it up.",
                        state.velocity, l, rows, cols);
            return;
        case OptimizerKind::Adam:
            if (state.first.dW.empty()) return;
            state_table(lab, "m", "Adam m of W" + sup + " and b" + sup + "  (t = " + std::to_string(state.t) + ")", "m of ",
                        "Adam's first moment: the running mean of the gradient, m' = \u03b2\u2081m + (1 \u2212 \u03b2\u2081)g.",
                        state.first, l, rows, cols);
            state_table(lab, "v", "Adam v of W" + sup + " and b" + sup, "v of ",
                        "Adam's second moment: the running mean of the squared gradient, v' = \u03b2\u2082v + "
                        "(1 \u2212 \u03b2\u2082)g\u00b2. Each step divides by its square root, so every weight moves about \u03b1.",
                        state.second, l, rows, cols);
            return;
    }
}

}  // namespace

void draw_matrices_panel(Lab& lab) {
    const Trainer& t = lab.trainer();
    const Network& net = t.network();
    const bool have_gradients = t.step_count() > 0 || t.mid_step();
    for (int l = 1; l <= net.layer_count(); ++l) {
        const int rows = net.sizes[l - 1], cols = net.sizes[l];
        ImGui::PushID(l);
        ImGui::BeginGroup();
        ImGui::Text("W%s  (%d\u00d7%d) and b%s", superscript(l).c_str(), rows, cols, superscript(l).c_str());
        ui::tooltip("Rows are the source neurons (layer l\u22121), columns the targets (layer l): entry (i, j) is "
                    "w\u02e1\u1d62\u2c7c. The last row is the bias of each target.");
        matrix_table(lab, "W", "", l, rows, cols, [&](int i, int j) { return net.W[l - 1](i, j); },
                     [&](int j) { return net.b[l - 1](j); });
        ImGui::EndGroup();
        if (have_gradients) {
            ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
            ImGui::BeginGroup();
            ImGui::Text("\u2202L/\u2202W%s and \u2202L/\u2202b%s  (last step, batch mean)", superscript(l).c_str(),
                        superscript(l).c_str());
            matrix_table(lab, "dW", "\u2202L/\u2202", l, rows, cols, [&](int i, int j) { return t.gradients().dW[l - 1](i, j); },
                         [&](int j) { return t.gradients().db[l - 1](j); });
            ImGui::EndGroup();
        }
        optimizer_tables(lab, l, rows, cols);
        ImGui::PopID();
        ImGui::Spacing();
    }
}

}  // namespace bp
