// mathematics expert: the exact solver behind solve_math (arithmetic, words, functions, percentages, number
// theory, equations, calculus, statistics) and its honesty (cannot compute, errors, not maths, robustness).
// Expected answers were worked out by hand.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <string>

#include "experts/math/math_solver.h"
#include "experts/math/rational.h"
#include "text/normalize.h"

namespace {

std::atomic<long> g_allocations{0};

struct Answer {
  kimi::MathOutcome outcome;
  std::string text;
};

// The engine hands the solver normalized text; so do the tests.
Answer solve(const std::string& raw) {
  static char norm[kimi::kMaxNormalizedBytes];
  std::size_t n = kimi::normalize(raw, norm, nullptr);
  static kimi::TextBuffer<4096> out;
  kimi::MathOutcome o = kimi::solve_math(std::string_view(norm, n), out);
  return {o, std::string(out.view())};
}

std::string computed(const std::string& raw) {
  Answer a = solve(raw);
  INFO(raw << " -> " << a.text);
  CHECK(a.outcome == kimi::MathOutcome::kComputed);
  return a.text;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

// Counting allocator: the solver must not touch the heap per call.
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++g_allocations;
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return operator new(n, std::nothrow); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("integer arithmetic with precedence and the conventional symbols") {
  SECTION("what is 2+2") {
    CHECK(computed("what is 2+2?") == "2 + 2 = 4");
    CHECK(computed("What is 2+2?") == "2 + 2 = 4");
  }
  SECTION("times written as *, × and x") {
    CHECK(computed("17*23") == "17 × 23 = 391");
    CHECK(computed("7 × 8") == "7 × 8 = 56");
    CHECK(computed("3 x 4") == "3 × 4 = 12");
  }
  SECTION("precedence, parentheses and right-associative powers") {
    CHECK(computed("3 + 4 * 2^2") == "3 + 4 × 2^2 = 19");
    CHECK(computed("calculate (3+4)*2 please") == "(3 + 4) × 2 = 14");
    CHECK(computed("2^3^2") == "2^3^2 = 512");
    CHECK(computed("18 ÷ 3 × 2 + 1") == "18 ÷ 3 × 2 + 1 = 13");
  }
  SECTION("unary minus binds looser than powers") {
    CHECK(computed("-2^2") == "-2^2 = -4");
    CHECK(computed("2 * -3") == "2 × -3 = -6");
    CHECK(computed("-(4 - 7) + 2") == "-(4 - 7) + 2 = 5");
  }
  SECTION("division sign and modulo") {
    CHECK(computed("144 ÷ 12") == "144 ÷ 12 = 12");
    CHECK(computed("17 % 5") == "17 mod 5 = 2");
    CHECK(computed("what's 17 mod 5") == "17 mod 5 = 2");
  }
  SECTION("results beyond 64 bits stay exact") {
    CHECK(computed("2^64") == "2^64 = 18446744073709551616");
    CHECK(computed("9999999999999999999 * 9999999999999999999") ==
          "9999999999999999999 × 9999999999999999999 = 99999999999999999980000000000000000001");
  }
}

TEST_CASE("decimals and fractions are exact rationals") {
  SECTION("0.1 + 0.2 is exactly 0.3") { CHECK(computed("0.1 + 0.2") == "0.1 + 0.2 = 0.3"); }
  SECTION("a non-terminating fraction shows both forms") {
    CHECK(computed("1/3") == "1/3 ≈ 0.3333333333");
    CHECK(computed("1/4 + 1/6") == "1/4 + 1/6 = 5/12 ≈ 0.4166666667");
  }
  SECTION("a terminating result after division shows the fraction too") {
    CHECK(computed("2/3 x 3/5") == "2/3 × 3/5 = 2/5 = 0.4");
  }
  SECTION("mixed numbers") {
    CHECK(computed("5 1/2 minus 2 3/4") == "5 1/2 - 2 3/4 = 11/4 = 2 3/4 = 2.75");
  }
}

TEST_CASE("numbers and operators in words") {
  CHECK(computed("seventeen times twenty-three") == "17 × 23 = 391");
  CHECK(computed("what is two plus two") == "2 + 2 = 4");
  CHECK(computed("whats 2 plus 2") == "2 + 2 = 4");
  CHECK(computed("one hundred and five divided by five") == "105 ÷ 5 = 21");
  CHECK(computed("one thousand two hundred minus four hundred fifty") == "1200 - 450 = 750");
  CHECK(computed("what is four cubed") == "4^3 = 64");
  CHECK(computed("two to the power of ten") == "2^10 = 1024");
  CHECK(computed("what is 7 percent of 1 million") == "7% of 1000000 = 70000");
  CHECK(computed("three quarters of 80") == "(3/4) of 80 = 60");
}

TEST_CASE("the expression is found inside a sentence") {
  CHECK(computed("hey can you work out 15% of 80 for me") == "15% of 80 = 12");
  CHECK(computed("My calculator says 2+3*4 is 14, but I thought it was 20?") == "2 + 3 × 4 = 14");
  CHECK(computed("56 / 8 =") == "56 / 8 = 7");
}

TEST_CASE("functions and constants: exact when exact, 10 significant digits otherwise") {
  SECTION("roots") {
    CHECK(computed("sqrt(144)") == "√144 = 12");
    CHECK(computed("sqrt(2)") == "√2 ≈ 1.414213562");
    CHECK(computed("square root of 200") == "√200 = 10√2 ≈ 14.14213562");
    CHECK(computed("cbrt(27)") == "∛27 = 3");
    CHECK(computed("27^(1/3)") == "27^(1/3) = 3");
  }
  SECTION("abs, logs and exp") {
    CHECK(computed("abs(-5)") == "|-5| = 5");
    CHECK(computed("log(1000)") == "log(1000) = 3");
    CHECK(computed("log base 2 of 32") == "log_2(32) = 5");
    CHECK(computed("log base 3 of 1/9") == "log_3(1/9) = -2");
    CHECK(computed("ln(1)") == "ln(1) = 0");
    CHECK(computed("e^2") == "e^2 ≈ 7.389056099");
  }
  SECTION("rounding functions") {
    CHECK(computed("floor(2.7)") == "floor(2.7) = 2");
    CHECK(computed("ceil(2.1)") == "ceil(2.1) = 3");
    CHECK(computed("round(2.5)") == "round(2.5) = 3");
  }
  SECTION("factorials") {
    CHECK(computed("5!") == "5! = 120");
    CHECK(computed("factorial of 5") == "5! = 120");
    CHECK(computed("7! / (3! 4!)") == "7! / (3! × 4!) = 35");
    CHECK(computed("100!") == "100! ≈ 9.332621544 × 10^157");
  }
  SECTION("constants") {
    CHECK(computed("pi") == "π ≈ 3.141592654");
    CHECK(computed("2^200") == "2^200 ≈ 1.606938044 × 10^60");
  }
}

TEST_CASE("trigonometry in radians, with degrees when asked or likely meant") {
  SECTION("degrees written out give exact values") {
    CHECK(computed("sin(30 degrees)") == "sin(30°) = 0.5");
    CHECK(computed("tan(45°)") == "tan(45°) = 1");
    CHECK(computed("sin(60 degrees)") == "sin(60°) = √3/2 ≈ 0.8660254038");
  }
  SECTION("multiples of π") {
    CHECK(computed("sin(pi/6)") == "sin(π/6) = 1/2 = 0.5");
    CHECK(computed("cos(pi)") == "cos(π) = -1");
  }
  SECTION("a plain number is radians; the degree reading follows") {
    CHECK(computed("sin(30)") == "sin(30) ≈ -0.9880316241\nIn degrees: sin(30°) = 0.5");
  }
  SECTION("undefined values are errors") {
    Answer a = solve("tan(90 degrees)");
    CHECK(a.outcome == kimi::MathOutcome::kError);
    CHECK(contains(a.text, "undefined"));
  }
}

TEST_CASE("percentages") {
  CHECK(computed("15% of 80") == "15% of 80 = 12");
  CHECK(computed("12 is what percent of 48") == "12 is 25% of 48");
  CHECK(computed("what percent of 48 is 12") == "12 is 25% of 48");
  CHECK(computed("1 is what percent of 3") == "1 is 33.33333333% (exactly 100/3%) of 3");
  CHECK(computed("increase 50 by 10%") == "50 increased by 10% = 55");
  CHECK(computed("decrease 80 by 25%") == "80 decreased by 25% = 60");
  CHECK(computed("percent change from 50 to 60") == "From 50 to 60 is a 20% increase");
  CHECK(computed("percent change from 80 to 60") == "From 80 to 60 is a 25% decrease");
  CHECK(computed("If 40 is 25% of a number, what is the number?") == "40 is 25% of 160");
  CHECK(contains(computed("50 + 10%"), "50 + 10% = 55"));
  Answer zero = solve("percent change from 0 to 5");
  CHECK(zero.outcome == kimi::MathOutcome::kError);
}

TEST_CASE("gcd, lcm, primes and factorization") {
  SECTION("gcd and lcm in words and as functions") {
    CHECK(computed("gcd of 12 and 18") == "gcd(12, 18) = 6");
    CHECK(computed("lcm(4, 6)") == "lcm(4, 6) = 12");
    CHECK(computed("Least common multiple of 4, 6 and 10?") == "lcm(4, 6, 10) = 60");
    CHECK(computed("Find the LCM and GCD of 24 and 36") == "gcd(24, 36) = 12\nlcm(24, 36) = 72");
  }
  SECTION("primality") {
    CHECK(computed("is 97 prime") == "Yes, 97 is prime.");
    CHECK(computed("is 91 prime") == "No, 91 is not prime: 91 = 7 × 13.");
    CHECK(contains(computed("is 1 prime"), "No, 1 is not prime"));
    CHECK(computed("is 1000000007 prime") == "Yes, 1000000007 is prime.");
  }
  SECTION("factorization and divisors") {
    CHECK(computed("factor 360") == "360 = 2^3 × 3^2 × 5");
    CHECK(computed("prime factorization of 600851475143") == "600851475143 = 71 × 839 × 1471 × 6857");
    CHECK(computed("divisors of 28") == "28 has 6 divisors: 1, 2, 4, 7, 14, 28\n(28 = 2^2 × 7)");
  }
  SECTION("divisibility, remainders, last digits") {
    CHECK(computed("is 12 divisible by 3") == "Yes: 12 ÷ 3 = 4.");
    CHECK(computed("is 14 divisible by 4") == "No: 14 ÷ 4 = 3 remainder 2.");
    CHECK(computed("remainder when 17 is divided by 5") == "17 mod 5 = 2  (17 = 3 × 5 + 2)");
    CHECK(computed("last digit of 7^2023") == "The last digit of 7^2023 is 3");
  }
}

TEST_CASE("linear equations in one unknown") {
  SECTION("one solution") {
    CHECK(computed("solve 2x + 7 = 3") == "x = -2  (from 2x + 7 = 3)");
    CHECK(computed("3(x - 1) = 2x + 5") == "x = 8  (from 3(x - 1) = 2x + 5)");
    CHECK(computed("find x: x/3 + 7 = 12") == "x = 15  (from x/3 + 7 = 12)");
    CHECK(computed("3x = 7") == "x = 7/3 ≈ 2.333333333  (from 3x = 7)");
    CHECK(computed("If x plus seven equals nineteen, what is x?") == "x = 12  (from x + 7 = 19)");
  }
  SECTION("no solution and infinitely many") {
    CHECK(computed("2x + 1 = 2x + 5") ==
          "No solution: the x terms cancel, leaving 1 = 5, which is false  (from 2x + 1 = 2x + 5)");
    CHECK(computed("2(x+3) = 2x + 6") ==
          "Infinitely many solutions: both sides equal 2x + 6 for every x  (from 2(x + 3) = 2x + 6)");
  }
  SECTION("other letters") { CHECK(computed("solve 3a + 2 = 8") == "a = 2  (from 3a + 2 = 8)"); }
}

TEST_CASE("quadratic and higher equations") {
  SECTION("two rational roots, ascending") {
    CHECK(computed("x^2 - 5x + 6 = 0") == "x = 2 or x = 3  (from x^2 - 5x + 6 = 0)");
    CHECK(computed("2x^2 + 3x - 2 = 0") == "x = -2 or x = 0.5  (from 2x^2 + 3x - 2 = 0)");
  }
  SECTION("a repeated root") { CHECK(computed("x^2 - 6x + 9 = 0") == "x = 3 (double root)  (from x^2 - 6x + 9 = 0)"); }
  SECTION("complex roots") {
    CHECK(computed("x^2+2x+5=0") == "x = -1 ± 2i  (no real solutions)  (from x^2 + 2x + 5 = 0)");
    CHECK(computed("x^2 + x + 1 = 0") ==
          "x = (-1 ± i√3)/2  (≈ -0.5 ± 0.8660254038i; no real solutions)  (from x^2 + x + 1 = 0)");
  }
  SECTION("irrational roots as a surd with decimals") {
    CHECK(computed("x^2 - 5x + 3 = 0") ==
          "x = (5 ± √13)/2  (x ≈ 0.6972243623 or x ≈ 4.302775638)  (from x^2 - 5x + 3 = 0)");
  }
  SECTION("cubics with rational roots, and without") {
    CHECK(computed("x^3 - 6x^2 + 11x - 6 = 0") == "x = 1, x = 2 or x = 3  (from x^3 - 6x^2 + 11x - 6 = 0)");
    CHECK(computed("x^3 + x - 1 = 0") ==
          "x ≈ 0.6823278038  (no exact form; the only real solution; plus 2 complex solutions)  (from x^3 + x - 1 = 0)");
    CHECK(computed("x^12 - 1 = 0") == "x = -1 or x = 1  (plus 10 complex solutions)  (from x^12 - 1 = 0)");
    CHECK(computed("x^4 + 1 = 0") == "No real solutions  (4 complex solutions)  (from x^4 + 1 = 0)");
  }
  SECTION("solve without = means = 0") { CHECK(computed("solve x^2 - 4") == "x = -2 or x = 2  (from x^2 - 4 = 0)"); }
}

TEST_CASE("inequalities, systems, substitution and checking") {
  SECTION("inequalities flip with a negative coefficient") {
    CHECK(computed("2x + 3 > 7") == "x > 2  (from 2x + 3 > 7)");
    CHECK(computed("-2x + 4 > 10") == "x < -3  (from -2x + 4 > 10)");
    CHECK(computed("x^2 - x - 6 < 0") == "-2 < x < 3  (from x^2 - x - 6 < 0)");
    CHECK(computed("1 < 2x + 3 < 9") == "-1 < x < 3  (from 1 < 2x + 3 < 9)");
  }
  SECTION("linear systems") {
    CHECK(computed("2x + 3y = 12, x - y = 1") == "x = 3, y = 2  (from 2x + 3y = 12 and x - y = 1)");
    CHECK(computed("x + y + z = 6, x - y + z = 2, 2x + y - z = 1") ==
          "x = 1, y = 2, z = 3  (from x + y + z = 6, x - y + z = 2 and 2x + y - z = 1)");
  }
  SECTION("solve for one letter") { CHECK(computed("solve for y: 3x + 2y = 12") == "y = -3x/2 + 6  (from 3x + 2y = 12)"); }
  SECTION("a value substituted") { CHECK(computed("2x + 1 when x = 3") == "When x = 3: 2x + 1 = 7"); }
  SECTION("a claimed equality is checked") {
    CHECK(computed("is 17 × 23 = 391") == "True: 17 × 23 = 391.");
    CHECK(computed("is 2 + 2 = 5") == "False: 2 + 2 = 4, not 5.");
  }
}

TEST_CASE("polynomial expressions: expand and factor") {
  CHECK(computed("expand (x + 1)^2") == "(x + 1)^2 = x^2 + 2x + 1");
  CHECK(computed("factor x^2 - 5x + 6") == "x^2 - 5x + 6 = (x - 2)(x - 3)");
  CHECK(computed("factor 6x + 9") == "6x + 9 = 3(2x + 3)");
  Answer a = solve("x^2 + 2x + 1");
  CHECK(a.outcome == kimi::MathOutcome::kCannotCompute);
  CHECK(contains(a.text, "x^2 + 2x + 1"));
}

TEST_CASE("derivatives and integrals of polynomials") {
  SECTION("derivatives in conventional form") {
    CHECK(computed("derivative of x^2 + 3x + 1") == "d/dx (x^2 + 3x + 1) = 2x + 3");
    CHECK(computed("d/dx 4x^3 - x") == "d/dx (4x^3 - x) = 12x^2 - 1");
    CHECK(computed("second derivative of x^4") == "d²/dx² x^4 = 12x^2");
    CHECK(computed("derivative of 5") == "d/dx 5 = 0");
    CHECK(computed("derivative of x^2 at x = 3") == "d/dx x^2 = 2x; at x = 3 it is 6");
  }
  SECTION("indefinite and definite integrals") {
    CHECK(computed("integral of 3x^2 + 2") == "∫ (3x^2 + 2) dx = x^3 + 2x + C");
    CHECK(computed("integral of x^2") == "∫ x^2 dx = x^3/3 + C");
    CHECK(computed("integrate x from 0 to 2") == "∫ x dx from 0 to 2 = 2  (antiderivative x^2/2)");
    CHECK(computed("area under y = x^2 between 1 and 3") ==
          "∫ x^2 dx from 1 to 3 = 26/3 ≈ 8.666666667  (antiderivative x^3/3)");
  }
  SECTION("non-polynomials are recognized but not computed") {
    Answer a = solve("integral of sin(x)");
    CHECK(a.outcome == kimi::MathOutcome::kCannotCompute);
    CHECK(contains(a.text, "sin(x)"));
    CHECK(solve("derivative of e^(2x)").outcome == kimi::MathOutcome::kCannotCompute);
  }
}

TEST_CASE("statistics of a list") {
  CHECK(computed("mean of 2, 4, 4, 5, 7, 8") == "Mean of 2, 4, 4, 5, 7, 8 = 5  (sum 30 ÷ 6 values)");
  CHECK(computed("median of 3, 1, 4, 1, 5") == "Median of 3, 1, 4, 1, 5 = 3  (the middle value when sorted)");
  CHECK(computed("median of 1, 2, 3, 4") == "Median of 1, 2, 3, 4 = 2.5  (the average of the two middle values when sorted)");
  CHECK(computed("mode of 1, 2, 2, 3") == "Mode of 1, 2, 2, 3 = 2  (appears 2 times)");
  CHECK(computed("standard deviation of 2, 4, 4, 4, 5, 5, 7, 9") ==
        "Standard deviation of 2, 4, 4, 4, 5, 5, 7, 9: population σ = 2, sample s ≈ 2.138089935  (n = 8, mean = 5)");
  CHECK(computed("variance of 1, 2, 3, 4") ==
        "Variance of 1, 2, 3, 4: population σ² = 1.25, sample s² = 5/3 ≈ 1.666666667");
  CHECK(computed("range of 3, 9, 2") == "Range of 3, 9, 2 = 9 - 2 = 7");
  CHECK(computed("Put these in order from smallest to largest: 2/3, 5/9, 3/4") == "In order: 5/9 < 2/3 < 3/4");
}

TEST_CASE("arithmetic asked with verbs and comparisons") {
  CHECK(computed("Divide 1,260 by 35 step by step please") == "1260 ÷ 35 = 36");
  CHECK(computed("Can you help me multiply 245 by 36 by hand?") == "245 × 36 = 8820");
  CHECK(computed("subtract 687.95 from 1523.40") == "1523.40 - 687.95 = 835.45");
  CHECK(computed("add 3 and 5") == "3 + 5 = 8");
  CHECK(computed("How do I add 3 and 2/5 to 1 and 4/5?") == "1 4/5 + 3 2/5 = 26/5 = 5 1/5 = 5.2");
  CHECK(computed("Add up 125, 340, 78 and 912 for me") == "Sum of 125, 340, 78, 912 = 1455");
  CHECK(computed("Which is bigger, 5/8 or 3/5?") == "5/8 > 3/5  (0.625 > 0.6)");
  CHECK(computed("how many percent is 7 of 35") == "7 is 20% of 35");
  CHECK(computed("My rent went from 1200 to 1350. By what percent did it go up?") ==
        "From 1200 to 1350 is a 12.5% increase");
}

TEST_CASE("graphs of y = f(x)") {
  CHECK(computed("graph y = -x^2 + 4, where does it cross the x-axis?") == "x = -2 or x = 2  (from -x^2 + 4 = 0)");
  CHECK(computed("find the y-intercept of y = 2x + 3") == "y-intercept: y = 3 (at x = 0)  (from y = 2x + 3)");
  CHECK(computed("find the slope of the tangent to y = x^2 at x = 3") == "d/dx x^2 = 2x; at x = 3 it is 6");
}

TEST_CASE("changing the form of a number") {
  CHECK(computed("0.125 as a fraction") == "0.125 = 1/8");
  CHECK(computed("3/8 as a decimal") == "3/8 = 0.375");
  CHECK(computed("1/7 as a decimal") == "1/7 = 0.142857142857… (the 142857 repeats)");
  CHECK(computed("0.35 as a percentage") == "0.35 = 35%");
  CHECK(computed("simplify 84/126") == "84/126 = 2/3");
  CHECK(computed("round 3.14159 to 2 decimal places") == "3.14159 rounded to 2 decimal places = 3.14");
  CHECK(computed("30 degrees in radians") == "30° = π/6 ≈ 0.5235987756 rad");
  CHECK(computed("0.00012 in scientific notation") == "0.00012 = 1.2 × 10^-4");
}

TEST_CASE("ambiguous notation gets the strict reading and a note") {
  std::string a = computed("What is 6 ÷ 2(1+2)?");
  CHECK(a.rfind("6 ÷ 2(1 + 2) = 9", 0) == 0);
  CHECK(contains(a, "the answer is 1"));
  std::string b = computed("9 - 3 ÷ 1/3 + 1");
  CHECK(b.rfind("9 - 3 ÷ 1/3 + 1 = 9", 0) == 0);
  CHECK(contains(b, "If 1/3 is meant as one fraction, the answer is 1."));
}

TEST_CASE("errors are stated clearly") {
  SECTION("division by zero") {
    Answer a = solve("1/0");
    CHECK(a.outcome == kimi::MathOutcome::kError);
    CHECK(a.text == "Can't compute 1/0: division by zero.");
  }
  SECTION("overflow") {
    Answer a = solve("10^400");
    CHECK(a.outcome == kimi::MathOutcome::kError);
    CHECK(contains(a.text, "too large"));
    CHECK(solve("1e400 + 1").outcome == kimi::MathOutcome::kError);
  }
  SECTION("malformed expressions") {
    Answer a = solve("2 + * 3");
    CHECK(a.outcome == kimi::MathOutcome::kError);
    Answer b = solve("(3+4");
    CHECK(b.outcome == kimi::MathOutcome::kError);
    CHECK(contains(b.text, "missing )"));
  }
  SECTION("outside the real numbers or undefined") {
    CHECK(solve("sqrt(-4)").outcome == kimi::MathOutcome::kError);
    CHECK(solve("0^0").outcome == kimi::MathOutcome::kError);
    CHECK(solve("log(0)").outcome == kimi::MathOutcome::kError);
    CHECK(solve("(-3)!").outcome == kimi::MathOutcome::kError);
  }
}

TEST_CASE("not maths, or maths it leaves to the knowledge base") {
  for (const char* q : {"7 notebooks cost $10.50, how much for 12?", "take half of 350 and add 40, what do I get",
                        "what is a derivative", "prove that the square root of 2 is irrational",
                        "My test scores are 78, 85, 92 and 88. What do I need on the last test to average 87?",
                        "How do carpenters use 3-4-5 to check a square corner?", "Determinant of a 3x3 matrix, how?",
                        "hello there", "", "!!!"}) {
    Answer a = solve(q);
    INFO(q << " -> " << a.text);
    CHECK(a.outcome == kimi::MathOutcome::kNotMath);
    CHECK(a.text.empty());
  }
}

TEST_CASE("robust against hostile input") {
  SECTION("deep nesting is refused, not recursed") {
    Answer a = solve(std::string(4096, '('));
    CHECK(a.outcome == kimi::MathOutcome::kError);
    CHECK(contains(a.text, "too deeply nested"));
    Answer b = solve(std::string(3000, '-') + "1");
    CHECK(b.outcome == kimi::MathOutcome::kError);
  }
  SECTION("long inputs finish") {
    std::string sum;
    for (int i = 0; i < 1000; ++i) sum += "1+";
    sum += "1";
    CHECK(contains(computed(sum), "… = 1001"));
    std::string digits(4096, '9');
    CHECK(solve(digits).outcome == kimi::MathOutcome::kNotMath);
  }
  SECTION("random bytes never crash and always give a consistent outcome") {
    uint64_t s = 12345;
    for (int i = 0; i < 2000; ++i) {
      std::string q;
      int len = static_cast<int>(s % 80);
      for (int k = 0; k < len; ++k) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        q += static_cast<char>(s >> 56);
      }
      Answer a = solve(q);
      CHECK((a.outcome == kimi::MathOutcome::kNotMath) == a.text.empty());
    }
  }
}

TEST_CASE("no heap allocation per call") {
  const char* queries[] = {"what is 2+2?", "sqrt(2)", "100!", "x^2 - 5x + 3 = 0", "x^3 + x - 1 = 0",
                           "standard deviation of 2, 4, 4, 4, 5, 5, 7, 9", "factor 600851475143",
                           "integral of 3x^2 + 2", "1/7 as a decimal", "sin(30)", "10^400",
                           "2x + 3y = 12, x - y = 1", "percent change from 50 to 60", "((((((((("};
  static kimi::TextBuffer<4096> out;
  kimi::solve_math("warm up", out);
  long before = g_allocations.load();
  for (const char* q : queries) kimi::solve_math(q, out);
  CHECK(g_allocations.load() - before == 0);
}

TEST_CASE("exact rationals report overflow instead of wrapping") {
  using kimi::math::Rational;
  using kimi::math::i128;
  const i128 big = kimi::math::kI128Max / 2 + 1;
  Rational r;
  CHECK_FALSE(kimi::math::add(Rational{big, 1}, Rational{big, 1}, &r));
  CHECK_FALSE(kimi::math::mul(Rational{big, 1}, Rational{2, 1}, &r));
  REQUIRE(kimi::math::mul(Rational{big, 3}, Rational{3, big}, &r));  // cross-reduced: exactly 1
  CHECK((r.num == 1 && r.den == 1));
  CHECK(kimi::math::compare(Rational{kimi::math::kI128Max, 3}, Rational{kimi::math::kI128Max - 1, 3}) == 1);
  CHECK(kimi::math::compare(Rational{1, 3}, Rational{2, 6}) == 0);
}
