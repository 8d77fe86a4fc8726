// exp, tanh and the logistic sigmoid written with +, -, *, / and exact scaling by powers of two only,
// so they give bit-identical results on every platform (glibc, musl in WebAssembly, any browser)
// and inline into the training loops. Accurate to a few units in the last place.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace bp {

namespace detail {
// e^r - 1 for |r| <= ln(2)/2 by its Taylor series to r^13 (truncation below 1e-17), without the
// leading 1 so small r keep full relative precision. Evaluated in Estrin's scheme (pairs, then
// powers r^2, r^4, r^8) rather than Horner's: the dependency chain is 5 deep instead of 13, which
// lets the processor overlap neighbouring elements.
inline double expm1_reduced(double r) {
    constexpr double c2 = 1.0 / 2, c3 = 1.0 / 6, c4 = 1.0 / 24, c5 = 1.0 / 120, c6 = 1.0 / 720,
                     c7 = 1.0 / 5040, c8 = 1.0 / 40320, c9 = 1.0 / 362880, c10 = 1.0 / 3628800,
                     c11 = 1.0 / 39916800, c12 = 1.0 / 479001600, c13 = 1.0 / 6227020800.0;
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    // e^r - 1 = r + r^2 Q(r), Q = c2 + c3 r + ... + c13 r^11
    //         = r + r^2 [(q0 + q1 r^2) + r^4 (q2 + q3 r^2) + r^8 (q4 + q5 r^2)],  q_k = c_{2k+2} + c_{2k+3} r
    const double q0 = c2 + c3 * r, q1 = c4 + c5 * r, q2 = c6 + c7 * r;
    const double q3 = c8 + c9 * r, q4 = c10 + c11 * r, q5 = c12 + c13 * r;
    const double q = (q0 + q1 * r2) + r4 * (q2 + q3 * r2) + r8 * (q4 + q5 * r2);
    return r + r2 * q;
}

constexpr double kRound = 6755399441055744.0;           // 1.5 * 2^52
constexpr int64_t kRoundBits = 0x4338000000000000;       // its bit pattern

// y = k ln2 + r with |r| <= ln(2)/2, ln 2 split in two parts (Cody-Waite) so r is exact enough.
// k is rounded to nearest by adding 1.5 * 2^52 (plain IEEE arithmetic, no libm call, so loops over
// it vectorise); `scale` receives 2^k, built from the low bits of that sum. Valid for |k| <= 1022.
inline double reduce(double y, double& scale) {
    constexpr double kInvLn2 = 1.4426950408889634;
    constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, high bits (exact products with k)
    constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
    const double shifted = y * kInvLn2 + kRound;             // 1.5 * 2^52 + k exactly
    const double kd = shifted - kRound;
    int64_t bits;
    std::memcpy(&bits, &shifted, sizeof bits);
    const int64_t scale_bits = (bits - kRoundBits + 1023) << 52;  // exponent field of 2^k
    std::memcpy(&scale, &scale_bits, sizeof scale);
    return (y - kd * kLn2Hi) - kd * kLn2Lo;
}
}  // namespace detail

// e^y. Returns 0 below -708 and +inf above 709 (beyond the range a network needs).
inline double exp_det(double y) {
    if (!(y > -708.0)) return y != y ? y : 0.0;  // NaN stays NaN
    if (y > 709.0) return HUGE_VAL;
    double scale;
    const double r = detail::reduce(y, scale);
    return (1.0 + detail::expm1_reduced(r)) * scale;
}

// tanh(x) = E / (E + 2) with E = e^{2|x|} - 1, the sign restored. |x| is clamped at 19.1, where
// tanh already rounds to 1; NaN passes through. Branch-free, so loops over it vectorise.
inline double tanh_det(double x) {
    double ax = std::fabs(x);
    ax = std::min(ax, 19.1);  // (b < a ? b : a): NaN stays NaN
    double p;
    const double r = detail::reduce(2.0 * ax, p);
    const double m = detail::expm1_reduced(r);
    // e^{2|x|} - 1 = 2^k (1 + m) - 1 = 2^k m + (2^k - 1), exact for k = 0 (small x keep precision).
    const double e = p * m + (p - 1.0);
    return std::copysign(e / (e + 2.0), x);
}

// 1 / (1 + e^{-z}), written so that neither branch overflows.
inline double sigmoid_det(double z) {
    if (z >= 0.0) return 1.0 / (1.0 + exp_det(-z));
    const double e = exp_det(z);
    return e / (1.0 + e);
}

}  // namespace bp
