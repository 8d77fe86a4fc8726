// libFuzzer target on the CSV import (core/csv.h), for both kinds of data set: any bytes either are
// refused with a UTF-8 message that names a row or says the text is empty or only a header, and give
// no points; or give between 1 and max_points points the lab can hold, which export and import back
// bit for bit. A text read for classification reads the same for regression (classes 0 and 1 are
// values too), and a smaller limit only ever refuses.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/dataset.h"
#include "core/trainer.h"
#include "../common/utf8_check.h"

namespace {

// Checks one import against the invariants; returns it.
bp::CsvImport check(const std::string& text, bool regression, int max_points) {
    bp::CsvImport in = bp::points_from_csv(text, regression, max_points);
    if (!in.error.empty()) {
        if (!in.points.empty() || !test_util::is_utf8(in.error)) std::abort();
        if (in.error.rfind("row ", 0) != 0 && in.error != "the text is empty" &&
            in.error.rfind("there are no data rows, only a header (row ", 0) != 0)
            std::abort();
        return in;
    }
    if (in.points.empty() || static_cast<int>(in.points.size()) > max_points) std::abort();
    for (const bp::Point& p : in.points)
        if (!bp::point_problem(p, regression).empty()) std::abort();
    const bp::CsvImport again = bp::points_from_csv(bp::points_to_csv(in.points), regression, max_points);
    if (!again.error.empty() || again.points != in.points) std::abort();
    return in;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bp::CsvImport classes = check(text, false, bp::kMaxPoints);
    const bp::CsvImport values = check(text, true, bp::kMaxPoints);
    if (classes.error.empty() && (!values.error.empty() || classes.points != values.points)) std::abort();
    const bp::CsvImport few = check(text, false, 3);
    if (few.error.empty() && (!classes.error.empty() || few.points != classes.points)) std::abort();
    return 0;
}
