// The lesson file, line by line: a header (lesson, about, locks, set), then steps. Each line is a
// key line ("set: ...") or, inside a step, text.
#include "app/lesson/lesson_parser.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/lab/lab.h"
#include "app/lesson/lesson_markup.h"
#include "app/lesson/lesson_setup.h"
#include "app/notation/number_text.h"
#include "core/link_bytes.h"

namespace bp {

namespace {

constexpr const char* kKeys[] = {"lesson", "about", "locks", "set",   "step",    "point", "task",
                                 "ask",    "choices", "answer", "tolerance", "explain", "hint", "tries"};

constexpr const char* kControls[] = {"play", "step", "next phase", "epoch", "reset", "learning rate", "batch size", "edges",
                                     "regularization", "optimizer"};

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    const size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

template <size_t N>
bool one_of(const std::string& s, const char* const (&names)[N]) {
    return std::find_if(std::begin(names), std::end(names), [&](const char* n) { return s == n; }) != std::end(names);
}

template <size_t N>
std::string list(const char* const (&names)[N]) {
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// A key line is a lowercase word and a colon at the line's start: "set: seed = 1".
bool key_line(const std::string& line, std::string& key, std::string& value) {
    size_t k = 0;
    while (k < line.size() && std::islower(static_cast<unsigned char>(line[k]))) ++k;
    if (k == 0 || k >= line.size() || line[k] != ':') return false;
    if (k + 1 < line.size() && line[k + 1] != ' ' && line[k + 1] != '\t') return false;  // "http://..."
    key = line.substr(0, k);
    value = trim(line.substr(k + 1));
    return true;
}

class Parser {
public:
    bool run(const std::string& text, Lesson& out, LessonProblem& problem);

private:
    Lesson lesson_;
    LessonStep* step_ = nullptr;
    bool has_title_ = false;
    std::string paragraph_;  // the text paragraph being read
    int paragraph_line_ = 0;  // where it started
    std::vector<std::pair<int, std::string>> paragraph_parts_;  // its lines, each with its number
    int line_ = 0;
    LessonProblem problem_;

    bool fail(std::string message) {
        problem_ = {line_, std::move(message)};
        return false;
    }
    bool markup(const std::string& in, std::string& out);
    bool end_paragraph();
    bool text_line(const std::string& line);
    bool header_key(const std::string& key, const std::string& value);
    bool step_key(const std::string& key, const std::string& value);
    bool setting(const std::string& value, std::vector<LessonSetting>& into);
    bool pointer(const std::string& value);
    bool task(const std::string& value);
    bool answer(const std::string& value);
    bool tolerance(const std::string& value);
    bool joined_text(const std::string& value, std::string& into, int& first_line);
    bool finish_step();
    bool check_question(const LessonQuestion& q);
    bool check_digits(const std::string& text);
    size_t check_start_ = 0;  // where the file's check line starts
};

bool Parser::markup(const std::string& in, std::string& out) {
    std::string error;
    if (!render_markup(in, out, error)) return fail(error);
    std::vector<std::string> names;
    if (!text_references(out, names, error)) return fail(error);
    for (const std::string& name : names) {
        Quantity q;
        if (!parse_quantity(name, q, error)) return fail("in {" + name + "}: " + error);
    }
    return true;
}

bool Parser::end_paragraph() {
    if (paragraph_.empty()) return true;
    std::string rendered;
    const int here = line_;
    line_ = paragraph_line_;
    if (!markup(paragraph_, rendered)) {
        // A problem is reported at the line that holds it, when that line alone shows it; where the
        // paragraph starts when it spans lines (a '{' closed on the next line).
        const LessonProblem whole = problem_;
        for (const auto& [at, part] : paragraph_parts_) {
            std::string alone;
            line_ = at;
            if (!markup(part, alone) && problem_.message == whole.message) return false;
        }
        problem_ = whole;
        return false;
    }
    line_ = here;
    step_->paragraphs.push_back(rendered);
    step_->paragraph_lines.push_back(paragraph_line_);
    step_->paragraph_sources.push_back(std::move(paragraph_parts_));
    paragraph_.clear();
    paragraph_parts_.clear();
    return true;
}

bool Parser::text_line(const std::string& raw) {
    std::string line = trim(raw);
    if (line.empty()) return end_paragraph();
    if (!step_) return fail("text before the first step: start a step with 'step: <its title>'");
    if (line.size() > 1 && line[0] == '\\' && std::islower(static_cast<unsigned char>(line[1]))) {
        std::string key, value;
        if (key_line(line.substr(1), key, value)) line = line.substr(1);  // "\note: ..." is text
    }
    if (line.rfind("- ", 0) == 0) {  // a list item is a paragraph of its own
        if (!end_paragraph()) return false;
        paragraph_ = "\u2022 " + trim(line.substr(2));
        paragraph_line_ = line_;
        paragraph_parts_ = {{line_, paragraph_}};
        return end_paragraph();
    }
    if (paragraph_.empty()) paragraph_line_ = line_;
    paragraph_ += (paragraph_.empty() ? "" : " ") + line;
    paragraph_parts_.emplace_back(line_, line);
    return true;
}

bool Parser::setting(const std::string& value, std::vector<LessonSetting>& into) {
    const size_t eq = value.find('=');
    const std::string name = trim(value.substr(0, eq));
    if (name == "reset" && eq == std::string::npos) {
        into.push_back({line_, "reset", ""});
        return true;
    }
    if (eq == std::string::npos) return fail("a set line reads 'set: <setting> = <value>', like 'set: seed = 1'");
    if (!is_lesson_setting(name)) return fail("unknown setting '" + name + "' (the settings: " + lesson_setting_names() + ")");
    const std::string v = trim(value.substr(eq + 1));
    if (v.empty()) return fail("'" + name + "' has no value");
    into.push_back({line_, name, v});
    return true;
}

bool Parser::pointer(const std::string& value) {
    LessonPointer p;
    p.line = line_;
    const std::string v = trim(value);
    if (v.rfind("panel ", 0) == 0 || v.rfind("control ", 0) == 0) {
        const bool panel = v[0] == 'p';
        p.kind = panel ? LessonPointer::Kind::Panel : LessonPointer::Kind::Control;
        p.name = lower(trim(v.substr(panel ? 6 : 8)));
        if (panel) {
            const std::optional<Panel> named = panel_named(p.name, kPointedPanels);
            if (!named) return fail("unknown panel '" + p.name + "' (the panels: " + panel_list(kPointedPanels) + ")");
            p.panel = *named;
        }
        if (!panel && !one_of(p.name, kControls)) return fail("unknown control '" + p.name + "' (the controls: " + list(kControls) + ")");
        step_->pointers.push_back(p);
        return true;
    }
    if (v.size() > 1 && v[0] == 'W') {  // a matrix's cell, W1_11, in the Matrices tab
        Quantity q;
        std::string error;
        if (!parse_quantity("w" + v.substr(1), q, error) || q.kind != Quantity::Kind::Weight)
            return fail("a matrix cell is written W<layer>_<row><column>, like W1_11");
        p.kind = LessonPointer::Kind::MatrixCell;
        p.layer = q.layer, p.i = q.i, p.j = q.j;
        step_->pointers.push_back(p);
        return true;
    }
    Quantity q;
    std::string error;
    if (!parse_quantity(v, q, error) ||
        (q.kind != Quantity::Kind::Weight && q.kind != Quantity::Kind::Bias && q.kind != Quantity::Kind::A))
        return fail("point at a weight (w1_11), a bias (b2_1), a neuron (a1_2; a0_1 is an input), a cell (W1_11), "
                    "'panel <name>' or 'control <name>'; '" + v + "' is none of them");
    p.kind = q.kind == Quantity::Kind::Weight ? LessonPointer::Kind::Weight
             : q.kind == Quantity::Kind::Bias ? LessonPointer::Kind::Bias
                                              : LessonPointer::Kind::Neuron;
    p.layer = q.layer, p.i = q.i, p.j = q.j;
    step_->pointers.push_back(p);
    return true;
}

bool Parser::task(const std::string& value) {
    // "<quantity> <op> <value>"; the longest operators first, so "<=" is not read as "<".
    struct Op {
        const char* text;
        LessonTask::Compare compare;
    };
    constexpr Op kOps[] = {{"<=", LessonTask::Compare::LessOrEqual}, {">=", LessonTask::Compare::GreaterOrEqual},
                           {"<", LessonTask::Compare::Less},         {">", LessonTask::Compare::Greater},
                           {"=", LessonTask::Compare::Equal}};
    for (const Op& op : kOps) {
        const size_t at = value.find(op.text);
        if (at == std::string::npos) continue;
        LessonTask t;
        t.line = line_;
        t.compare = op.compare;
        t.source = value;
        std::string error;
        if (!parse_quantity(trim(value.substr(0, at)), t.quantity, error)) return fail(error);
        const std::string rhs = trim(value.substr(at + std::string(op.text).size()));
        if (t.quantity.is_text()) {
            if (op.compare != LessonTask::Compare::Equal) return fail("'" + trim(value.substr(0, at)) + "' is a word: compare it with =");
            t.text = rhs;
        } else if (!number_from_text(rhs, t.number)) {
            return fail("'" + rhs + "' is not a number");
        }
        step_->tasks.push_back(t);
        return true;
    }
    return fail("a task reads '<quantity> <comparison> <value>', like 'loss < 0.05' or 'phase = loss'");
}

bool Parser::answer(const std::string& value) {
    LessonQuestion& q = step_->question;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        return markup(value.substr(1, value.size() - 2), q.expected_text);  // as the choices are written
    }
    double number = 0.0;
    if (number_from_text(value, number)) {
        q.expected_text = value;
        return true;
    }
    std::string error;
    if (!parse_quantity(value, q.expected, error)) return fail(error + "; a fixed answer is written in quotes or as a number");
    q.expected_is_quantity = true;
    return true;
}

bool Parser::tolerance(const std::string& value) {
    LessonQuestion& q = step_->question;
    std::string v = value;
    q.relative = !v.empty() && v.back() == '%';
    if (q.relative) v = trim(v.substr(0, v.size() - 1));
    if (!number_from_text(v, q.tolerance) || q.tolerance < 0.0 || (q.relative && q.tolerance > 100.0))
        return fail("a tolerance is a number of at least 0 (like 0.001) or a percentage (like 1%)");
    if (q.relative) q.tolerance /= 100.0;
    return true;
}

// An 'explain:' or 'hint:' line: several are joined into one paragraph, which starts at the first.
bool Parser::joined_text(const std::string& value, std::string& into, int& first_line) {
    std::string rendered;
    if (!markup(value, rendered)) return false;
    if (into.empty()) first_line = line_;
    into += (into.empty() ? "" : " ") + rendered;
    return true;
}

bool Parser::header_key(const std::string& key, const std::string& value) {
    if (key == "lesson") {
        if (has_title_) return fail("a file holds one lesson: a second 'lesson:' line");
        if (value.empty()) return fail("the lesson needs a title: 'lesson: <title>'");
        has_title_ = true;
        return markup(value, lesson_.title);
    }
    if (!has_title_) return fail("a lesson starts with its title: 'lesson: <title>'");
    if (key == "about") return markup(value, lesson_.about);
    if (key == "set") return setting(value, lesson_.setup);
    if (key == "locks") {
        std::string rest = value;
        for (char& c : rest)
            if (c == ',') c = ' ';
        size_t k = 0;
        while (k < rest.size()) {
            const size_t end = std::min(rest.find(' ', k), rest.size());
            const std::string name = rest.substr(k, end - k);
            k = end + 1;
            if (name.empty()) continue;
            const std::optional<Lab::Lock> lock = parse_lock(name);
            if (!lock) return fail("unknown lock '" + name + "' (the locks: " + lock_names() + ")");
            lesson_.locks |= *lock;
        }
        return true;
    }
    return fail("'" + key + ":' belongs inside a step; start one with 'step: <its title>'");
}

bool Parser::step_key(const std::string& key, const std::string& value) {
    LessonQuestion& q = step_->question;
    if (key == "set") return setting(value, step_->setup);
    if (key == "point") return pointer(value);
    if (key == "task") return task(value);
    if (key == "ask") {
        if (step_->has_question) return fail("a step asks one question; start a new step for the next");
        if (value.empty()) return fail("'ask:' needs the question");
        step_->has_question = true;
        q.line = line_;
        q.tolerance = 0.01;  // 1 % unless the step says otherwise
        q.relative = true;
        return markup(value, q.prompt);
    }
    if (key == "lesson" || key == "about" || key == "locks")
        return fail("'" + key + ":' belongs to the lesson's header, before the first step");
    if (!step_->has_question) return fail("'" + key + ":' belongs to a question: write 'ask: <the question>' first");
    if (key == "answer") {
        q.answer_line = line_;
        return answer(value);
    }
    if (key == "tolerance") return tolerance(value);
    if (key == "explain") {
        q.explanation_sources.emplace_back(line_, value);
        return joined_text(value, q.explanation, q.explanation_line);
    }
    if (key == "hint") return joined_text(value, q.hint, q.hint_line);
    if (key == "tries") {
        if (value != "1" && value != "2")
            return fail("'tries:' is 1 or 2: how many answers the learner may give before the lab shows the right one");
        q.tries = value == "1" ? 1 : 2;
        q.tries_line = line_;
        return true;
    }
    if (key == "choices") {
        std::string rest = value + ",";
        for (size_t k = 0, comma; (comma = rest.find(',', k)) != std::string::npos; k = comma + 1) {
            const std::string choice = trim(rest.substr(k, comma - k));
            if (choice.empty()) return fail("an empty choice: separate the choices with commas, like 'choices: up, down'");
            std::string rendered;
            if (!markup(choice, rendered)) return false;
            q.choices.push_back(rendered);
        }
        if (q.choices.size() < 2 || q.choices.size() > 6) return fail("a question offers from 2 to 6 choices");
        return true;
    }
    return fail("unknown key '" + key + ":'");
}

bool Parser::finish_step() {
    if (!step_) return true;
    if (!end_paragraph()) return false;
    const LessonQuestion& q = step_->question;
    if (step_->has_question) {
        const int here = line_;
        line_ = q.line;  // a problem of the question is reported at its 'ask:' line
        if (!check_question(q)) return false;
        line_ = here;
    }
    return true;
}

bool Parser::check_question(const LessonQuestion& q) {
    if (!q.expected_is_quantity && q.expected_text.empty()) return fail("the question has no 'answer:'");
    line_ = q.answer_line;  // the rest is about the answer: reported where it is written
    if (!q.choices.empty()) {
        if (q.expected_is_quantity && !q.expected.is_text())
            return fail("a question with choices needs a word for its answer (like 'direction w1_11' or \"up\")");
        if (!q.expected_is_quantity &&
            std::none_of(q.choices.begin(), q.choices.end(), [&](const std::string& c) { return lower(c) == lower(q.expected_text); }))
            return fail("the answer \"" + q.expected_text + "\" is not one of the choices");
    } else if (q.expected_is_quantity && q.expected.is_text()) {
        return fail("the answer is a word: list the words to choose from with 'choices:'");
    } else if (!q.expected_is_quantity) {
        double number = 0.0;
        if (!number_from_text(q.expected_text, number)) return fail("without choices the answer must be a number");
    }
    // A second try at two choices would be the other button; a hint comes only before a second try.
    const bool two_choices = q.choices.size() == 2;
    line_ = q.tries_line;
    if (two_choices && q.tries_line != 0 && q.tries == 2)
        return fail("a question with two choices has one try: its second would be the other choice");
    line_ = q.hint_line;
    if (!q.hint.empty() && (two_choices || q.tries == 1))
        return fail("a hint is shown after a wrong first answer, and this question has one try (" +
                    std::string(two_choices ? "two choices" : "'tries: 1'") + "): put the help in the question's text");
    return true;
}

// `check: <8 hex digits>`, which a file may end with: the CRC-32 (as zlib computes it) of every
// byte of the file before that line. It is checked before anything else, so a damaged file is
// refused as damaged rather than for whatever its damage looks like. Sets `check_start` to where the
// line starts (the text's size when there is none).
bool Parser::check_digits(const std::string& text) {
    const size_t last = text.find_last_not_of(" \t\r\n");
    check_start_ = text.size();
    if (last == std::string::npos) return true;
    const size_t begin = text.rfind('\n', last) == std::string::npos ? 0 : text.rfind('\n', last) + 1;
    std::string key, value;
    if (!key_line(trim(text.substr(begin, last + 1 - begin)), key, value) || key != "check") return true;
    check_start_ = begin;
    line_ = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin), '\n'));
    if (value.size() != 8 || value.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        return fail("'check:' is followed by 8 hexadecimal digits, the CRC-32 of the file before this line");
    const uint32_t expected = static_cast<uint32_t>(std::stoul(value, nullptr, 16));
    if (crc32(reinterpret_cast<const uint8_t*>(text.data()), begin) != expected)
        return fail("the file is damaged: its check digits do not match the lesson before them (a character was "
                    "changed, added or lost). Ask for the file again; if the lesson was changed on purpose, delete "
                    "this line");
    line_ = 0;
    return true;
}

bool Parser::run(const std::string& text, Lesson& out, LessonProblem& problem) {
    const auto done = [&](bool ok) {
        if (ok) out = std::move(lesson_);
        else problem = problem_;
        return ok;
    };
    if (text.size() > kMaxLessonBytes)
        return done(fail("the lesson is " + std::to_string(text.size()) + " bytes; a lesson may be at most " +
                         std::to_string(kMaxLessonBytes / 1024) + " KB (" + std::to_string(kMaxLessonBytes) + " bytes)"));
    if (!check_digits(text)) return done(false);
    // A byte-order mark (what Windows Notepad writes first) is not part of line 1.
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start <= text.size()) {
        const size_t line_start = start;
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        ++line_;
        const std::string trimmed = trim(line);
        if (!trimmed.empty() && trimmed[0] == '#') continue;  // a comment
        std::string key, value;
        if (!key_line(trimmed, key, value)) {
            if (!has_title_ && !trimmed.empty()) return done(fail("a lesson starts with its title: 'lesson: <title>'"));
            if (!text_line(line)) return done(false);
            continue;
        }
        if (key == "check") {  // checked before the first line: see check_digits
            if (line_start == check_start_) continue;
            return done(fail("'check:' is the file's last line: nothing but blank lines may follow it"));
        }
        if (!one_of(key, kKeys))
            return done(fail("unknown key '" + key + ":' (a text line that starts with a lowercase word and a colon "
                             "is read as a key; write '\\' before it to keep it as text)"));
        if (step_ && !end_paragraph()) return done(false);
        if (key == "step") {
            if (!has_title_) return done(fail("a lesson starts with its title: 'lesson: <title>'"));
            if (!finish_step()) return done(false);
            if (static_cast<int>(lesson_.steps.size()) >= kMaxLessonSteps)
                return done(fail("a lesson has at most " + std::to_string(kMaxLessonSteps) + " steps"));
            if (value.empty()) return done(fail("the step needs a title: 'step: <its title>'"));
            lesson_.steps.emplace_back();
            step_ = &lesson_.steps.back();
            step_->line = line_;
            if (!markup(value, step_->title)) return done(false);
            continue;
        }
        if (!(step_ ? step_key(key, value) : header_key(key, value))) return done(false);
    }
    line_ = 0;
    if (!has_title_) return done(fail("the file is empty: a lesson starts with 'lesson: <title>'"));
    if (!finish_step()) return done(false);
    line_ = 0;
    if (lesson_.steps.empty()) return done(fail("the lesson has no steps: add one with 'step: <its title>'"));
    return done(true);
}

}  // namespace

bool text_references(const std::string& text, std::vector<std::string>& names, std::string& error) {
    for (size_t k = text.find('{'); k != std::string::npos; k = text.find('{', k + 1)) {
        if (text.compare(k, 2, "{{") == 0) {  // a brace itself (\{ in the file)
            ++k;
            continue;
        }
        const size_t close = text.find('}', k);
        if (close == std::string::npos) {
            error = "a '{' without its '}': {name} shows a quantity, like {loss}";
            return false;
        }
        names.push_back(trim(text.substr(k + 1, close - k - 1)));
        k = close;
    }
    return true;
}

bool parse_lesson(const std::string& text, Lesson& out, LessonProblem& problem) {
    Parser parser;
    return parser.run(text, out, problem);
}

}  // namespace bp
