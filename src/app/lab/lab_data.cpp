// Lab: the data edits (add, move, remove, replace, CSV import), each one undo step (lab_undo.cpp).
#include "app/lab/lab.h"

#include "core/csv.h"

namespace bp {

namespace {
// Why `index` names no point of `count`: "there is no point 5 (point indices are 0 to 3)".
std::string no_point(int index, size_t count) {
    return "there is no point " + std::to_string(index) +
           (count == 0 ? " (there are no points)" : " (point indices are 0 to " + std::to_string(count - 1) + ")");
}
}  // namespace

std::string Lab::apply_points(std::vector<Point> points) {
    const bool regression = is_regression(trainer_.settings().dataset);
    if (static_cast<int>(points.size()) > kMaxPoints) return "at most " + std::to_string(kMaxPoints) + " points";
    for (Point& p : points) {
        if (auto problem = point_problem(p, regression); !problem.empty()) return problem;
        p = snapped(p);  // on the share link's grid (dataset.h)
    }
    trainer_.set_points(std::move(points));
    changed();
    return "";
}

std::string Lab::add_point(const Point& p, int& index) {
    std::vector<Point> points = trainer_.points();
    points.push_back(p);
    if (auto problem = point_problem(p, is_regression(trainer_.settings().dataset)); !problem.empty()) return problem;
    if (static_cast<int>(points.size()) > kMaxPoints) return "at most " + std::to_string(kMaxPoints) + " points";
    remember_points();
    index = static_cast<int>(points.size()) - 1;
    return apply_points(std::move(points));
}

std::string Lab::move_point(int index, const Point& p) {
    std::vector<Point> points = trainer_.points();
    if (index < 0 || index >= static_cast<int>(points.size()))
        return no_point(index, points.size());
    if (auto problem = point_problem(p, is_regression(trainer_.settings().dataset)); !problem.empty()) return problem;
    remember_points();
    points[index] = p;
    return apply_points(std::move(points));
}

std::string Lab::remove_point(int index) {
    std::vector<Point> points = trainer_.points();
    if (index < 0 || index >= static_cast<int>(points.size()))
        return no_point(index, points.size());
    remember_points();
    points.erase(points.begin() + index);
    return apply_points(std::move(points));
}

std::string Lab::replace_points(std::vector<Point> points) {
    const std::vector<Point> before = trainer_.points();
    const std::string error = apply_points(std::move(points));
    if (error.empty()) push_undo({before, nullptr, std::nullopt});
    return error;
}

std::string Lab::import_csv(const std::string& text) {
    CsvImport in = points_from_csv(text, is_regression(trainer_.settings().dataset), kMaxPoints);
    const size_t count = in.points.size();
    const std::string error = in.error.empty() ? replace_points(std::move(in.points)) : in.error;
    set_data_message(error.empty() ? "Imported " + std::to_string(count) + " points (Ctrl+Z undoes it)."
                                   : "Not imported, nothing changed: " + error,
                     !error.empty());
    return error;
}

}  // namespace bp
