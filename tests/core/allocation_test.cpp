// A training step allocates nothing on the heap: the Pass and Gradients are sized once, so Play at
// full speed never touches the allocator. Proven with a counting global operator new.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "core/trainer.h"

namespace {
bool g_counting = false;
long g_allocations = 0;
std::vector<int>* volatile g_sink = nullptr;  // keeps the compiler from eliding the probe allocation
}  // namespace

// GCC inlines these replacements and then mistakes malloc/free inside them for a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
    if (g_counting) ++g_allocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    if (g_counting) ++g_allocations;
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace bp;

TEST(Allocation, TrainingStepsAllocateNothing) {
    // Momentum's and Adam's state is copied in place too.
    for (int network = 0; network < 2 * 3; ++network) {
        const std::vector<int> hidden = network < 3 ? std::vector<int>{3, 2} : std::vector<int>{8, 8, 8, 8, 8, 8};
        const OptimizerKind optimizer = kAllOptimizers[network % 3];
        TrainingSettings s;
        s.hidden = hidden;
        s.optimizer.kind = optimizer;
        s.regularization = {optimizer == OptimizerKind::Sgd ? RegularizationKind::None : RegularizationKind::L2, 0.001};
        s.point_count = 250;
        s.batch_size = 10;
        Trainer trainer(s);
        trainer.run(30);  // past the first epoch's end: recording the loss must not allocate either
        g_allocations = 0;
        g_counting = true;
        const int done = trainer.run(500);  // 20 epochs, with their partial batches and history records
        g_counting = false;
        EXPECT_EQ(done, 500);
        EXPECT_EQ(g_allocations, 0) << "heap allocations in 500 steps with " << optimizer_name(optimizer);
    }
}

TEST(Allocation, TheCounterSeesAllocations) {
    g_allocations = 0;
    g_counting = true;
    g_sink = new std::vector<int>(100);
    g_counting = false;
    delete g_sink;
    EXPECT_GE(g_allocations, 2);  // the vector and its buffer: the counter works
}
