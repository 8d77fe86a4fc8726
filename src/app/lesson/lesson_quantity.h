// The lab's numbers and words a lesson can name: in tasks ("loss < 0.05"), as the expected answer
// of a question ("dL/dw1_11"), and inside text ("{w1_11}"). Names are ASCII and follow the screen's
// notation: w1_11 is w¹₁₁, b2_1 is b²₁, delta2_1 is δ²₁; an index above 9 takes a comma (w2_1,12).
#pragma once

#include <string>

namespace bp {

class Lab;

struct Quantity {
    enum class Kind {
        Weights, Biases, Parameters, Layers, Points, TrainingPoints, TestPoints, Step, Epoch,
        Phase, Selected, Loss, TestLoss, BatchLoss, Alpha, BatchSize,
        Weight, Bias,                  // a parameter's current value
        Gradient,                      // dL/dw for the inspected sample (the inspector's value)
        BatchGradient,                 // the batch mean dL/dw the update uses
        Updated,                       // w - alpha * (batch mean dL/dw): the value the update gives
        Direction,                     // "up", "down" or "stays": where the update moves the parameter
        Z, A, Delta, Yhat, Y, SampleLoss,  // the inspected sample's pass
        Path, Paths,                   // path k's product of the selected parameter's chain rule; the count
        WrongPoints, WrongTestPoints, NewPoints, NewWrongPoints,
        Stopped,                       // 1 when training stopped on an error (a diverging loss), else 0
    };
    Kind kind = Kind::Loss;
    int layer = 0, i = 0, j = 0;  // parameter or neuron (0-based i, j; layer 1-based, 0 = inputs for a)
    bool is_bias = false;         // for Gradient, BatchGradient, Updated, Direction
    int path = 0;                 // for Path: 1 = the largest
    bool is_text() const { return kind == Kind::Phase || kind == Kind::Selected || kind == Kind::Direction; }
};

// Reads a quantity's name; false (with the reason) when it is not one.
bool parse_quantity(const std::string& name, Quantity& out, std::string& error);

// A quantity's value now: a number or a text, or the reason there is none (no points, no step yet).
struct QuantityValue {
    bool ok = false;
    double number = 0.0;
    std::string text;
    std::string why;  // when !ok
};

// What the learner needs for it (counts start at a step's beginning): the points the lab had then.
struct QuantityContext {
    int points_at_step_start = 0;
};

QuantityValue evaluate(const Quantity& q, const Lab& lab, const QuantityContext& context);

// "" when every parameter or neuron the quantity names exists in the lab's network, else the reason.
std::string check_quantity(const Quantity& q, const Lab& lab);

struct ParameterRef;
using Selection = ParameterRef;
// A parameter as a lesson writes it: "w1_11", "b2_1", "w2_1,12".
std::string parameter_name(const Selection& s);

// The value as the lesson shows it: 4 significant digits for a number, the text for a text.
std::string quantity_text(const QuantityValue& v);

}  // namespace bp
