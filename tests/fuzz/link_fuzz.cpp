// libFuzzer target on the share-link decoder: any text either is rejected with a message or decodes
// to a state the lab can hold, open and train from, and a decoded state encodes to a link that
// decodes to the same state.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/share_link.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bp::LinkDecode d = bp::decode_link(text);
    if (!d.error.empty()) return 0;
    if (!bp::validate(d.snapshot.settings).empty()) std::abort();
    for (const bp::Point& p : d.snapshot.points)
        if (!bp::point_problem(p, bp::is_regression(d.snapshot.settings.dataset)).empty()) std::abort();
    // It opens as the lab opens it, and trains a few steps.
    bp::Trainer trainer(d.snapshot.settings);
    trainer.set_points(d.snapshot.points);
    if (d.snapshot.moment) trainer.restore(d.snapshot.run);
    trainer.run(3);
    const std::string again = bp::encode_link(d.snapshot);
    const bp::LinkDecode d2 = bp::decode_link(again);
    if (!d2.error.empty() || bp::encode_link(d2.snapshot) != again) std::abort();
    return 0;
}
