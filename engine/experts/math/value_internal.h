// Shared pieces of the value arithmetic: constants, user-facing messages and real-number helpers.
#pragma once
#include "experts/math/value.h"

namespace kimi::math {

inline constexpr double kEps = 2.3e-16;  // one rounding, a little above 2^-52
inline constexpr double kPi = 3.14159265358979323846;

// Defined once (value.cpp) so that callers may compare the pointers.
extern const char kMsgDivZero[];
extern const char kMsgOverflow[];
extern const char kMsgUnderflow[];
extern const char kMsgInaccurate[];

Value real_value(double d, double ae);
// Stores d with error bound ae, or reports overflow when d is not finite.
const char* finish_real(double d, double ae, Value* out);
int combined_degree(int a, int b, bool product);

}  // namespace kimi::math
