// Query analysis for the maths expert (see query.h).
#include "experts/math/query.h"

namespace kimi::math {
namespace {

// Patterns are short ("a|an? $ of $"): a plain loop beats a memchr call for each word of each pattern.
std::size_t find_char(std::string_view s, char c) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == c) return i;
  return std::string_view::npos;
}


constexpr std::string_view kFiller[] = {
    "what", "what's", "whats", "wat", "is", "are", "the", "of", "calculate", "calc", "compute", "evaluate", "eval",
    "work", "out", "solve", "simplify", "find", "tell", "me", "value", "please", "pls", "plz", "can", "could",
    "would", "will", "you", "u", "hey", "hi", "hello", "answer", "result", "to", "how", "much", "do", "does", "i",
    "get", "give", "quick", "quickly", "and", "then", "now", "ok", "okay", "so", "just", "exactly", "exact", "in",
    "for", "us", "my", "number", "expression", "math", "maths", "question", "help", "with", "this", "that",
    "thanks", "thank", "it", "be", "a", "an", "figure", "need", "know", "want", "equal", "equals", "result",
    "determine", "show", "give", "gimme", "check", "whether", "if", "true", "false", "correct", "right", "really",
    "doing", "am", "much's", "about", "approximately", "roughly", "answer's", "lol", "hmm", "um"};

// Two bit positions (0..255) for a token text, from one 32-bit FNV-1a.
uint32_t bloom_hash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// For a pattern item ("a|an", "of", "most?"): could one of its alternatives occur in the query?
bool any_alternative_present(const MathQuery& q, std::string_view item) {
  while (!item.empty()) {
    std::size_t bar = find_char(item, '|');
    if (q.may_have_token(item.substr(0, bar))) return true;
    item = bar == std::string_view::npos ? std::string_view() : item.substr(bar + 1);
  }
  return false;
}

bool is_filler_word(std::string_view w) {
  for (auto f : kFiller)
    if (w == f) return true;
  return false;
}

bool can_start_span(const TokenList& t, int i) {
  if (!can_start_operand(t, i, t.count)) return false;
  if (i == 0) return true;
  const Tok& prev = t.tok[i - 1];
  if (prev.kind == TokKind::kFunc) return false;
  if (prev.kind != TokKind::kOp) return true;
  // Right after an operator we are inside a broken expression: no fresh start there.
  return prev.id == kComma || prev.id == kRParen || prev.id == kBang || prev.id == kPercent;
}

}  // namespace

bool MathQuery::may_have_token(std::string_view w) const {
  const uint32_t h = bloom_hash(w);
  const uint32_t a = h & 255u, b = (h >> 8) & 255u;
  return (token_bloom[a >> 6] >> (a & 63) & 1u) && (token_bloom[b >> 6] >> (b & 63) & 1u);
}

bool MathQuery::could_match(std::string_view pattern) const {
  while (!pattern.empty()) {
    std::size_t sp = find_char(pattern, ' ');
    std::string_view item = pattern.substr(0, sp);
    pattern = sp == std::string_view::npos ? std::string_view() : pattern.substr(sp + 1);
    if (item == "$" || item.back() == '?') continue;
    if (!any_alternative_present(*this, item)) return false;
  }
  return true;
}

int MathQuery::find_word(std::string_view w, int from) const {
  if (!may_have_token(w)) return -1;
  for (int i = from < 0 ? 0 : from; i < toks.count; ++i)
    if (toks.is_word(i, w)) return i;
  return -1;
}

int MathQuery::find_phrase(std::string_view phrase, int from) const {
  if (!could_match(phrase)) return -1;
  const std::string_view first = phrase.substr(0, find_char(phrase, ' '));
  for (int i = from < 0 ? 0 : from; i < toks.count; ++i) {
    if (toks.text_of(i) != first) continue;  // cheap reject before splitting the phrase
    std::string_view rest = phrase;
    int j = i;
    bool ok = true;
    while (ok && !rest.empty()) {
      std::size_t sp = find_char(rest, ' ');
      std::string_view w = rest.substr(0, sp);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      ok = j < toks.count && toks.text_of(j) == w;
      ++j;
    }
    if (ok) return i;
  }
  return -1;
}

const ParseResult* MathQuery::span_at(int token) const {
  int lo = 0, hi = nspans;  // spans are sorted by position
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (spans[mid].begin < token) lo = mid + 1;
    else hi = mid;
  }
  return lo < nspans && spans[lo].begin == token ? &spans[lo] : nullptr;
}

bool MathQuery::pure_except(int begin, int end) const {
  for (int i = 0; i < toks.count; ++i) {
    if (i >= begin && i < end) continue;
    const Tok& t = toks.tok[i];
    if (t.kind == TokKind::kPunct) continue;
    if (t.kind == TokKind::kOp && (t.id == kEq || t.id == kComma)) continue;  // "2+2=", "2+2, please"
    if (t.kind == TokKind::kWord && is_filler_word(toks.text_of(i))) continue;
    return false;
  }
  return true;
}

int MathQuery::match_at(int at, std::string_view pattern, const ParseResult** slots) const {
  int i = at, k = 0;
  while (!pattern.empty()) {
    std::size_t sp = find_char(pattern, ' ');
    std::string_view item = pattern.substr(0, sp);
    pattern = sp == std::string_view::npos ? std::string_view() : pattern.substr(sp + 1);
    if (item == "$") {
      const ParseResult* s = span_at(i);
      if (!s) return -1;
      slots[k++] = s;
      i = s->end;
      continue;
    }
    bool optional = item.back() == '?';
    if (optional) item.remove_suffix(1);
    bool matched = false;
    while (!item.empty() && !matched) {
      std::size_t bar = find_char(item, '|');
      std::string_view alt = item.substr(0, bar);
      item = bar == std::string_view::npos ? std::string_view() : item.substr(bar + 1);
      matched = i < toks.count && toks.text_of(i) == alt;
    }
    if (matched) ++i;
    else if (!optional) return -1;
  }
  return i;
}

bool MathQuery::find_pattern(std::string_view pattern, const ParseResult** slots) const {
  if (!could_match(pattern)) return false;
  if (pattern.substr(0, 2) == "$ ") {  // only span starts can match: try those
    for (int k = 0; k < nspans; ++k)
      if (match_at(spans[k].begin, pattern, slots) >= 0) return true;
    return false;
  }
  // A required first word: skip tokens that cannot be it before running the full match.
  std::string_view first = pattern.substr(0, find_char(pattern, ' '));
  bool required = !first.empty() && first.back() != '?';
  for (int i = 0; i < toks.count; ++i) {
    if (required) {
      std::string_view t = toks.text_of(i), alts = first;
      bool hit = false;
      while (!alts.empty() && !hit) {
        std::size_t bar = find_char(alts, '|');
        hit = alts.substr(0, bar) == t;
        alts = bar == std::string_view::npos ? std::string_view() : alts.substr(bar + 1);
      }
      if (!hit) continue;
    }
    if (match_at(i, pattern, slots) >= 0) return true;
  }
  return false;
}

bool MathQuery::words_all_filler() const {
  for (int i = 0; i < toks.count; ++i)
    if (toks.tok[i].kind == TokKind::kWord && !is_filler_word(toks.text_of(i))) return false;
  return true;
}

std::string_view MathQuery::text_of(int begin, int end) const {
  if (begin >= end || begin >= toks.count) return {};
  int last = (end > toks.count ? toks.count : end) - 1;
  return canon().substr(toks.tok[begin].begin, toks.tok[last].end - toks.tok[begin].begin);
}

int span_strength(const ParseResult& s) { return s.ops - s.implicit_ops - (s.simple_fraction ? 1 : 0); }

void analyze_query(std::string_view normalized, MathQuery* q) {
  q->len = canonicalize(normalized, q->text, kCanonCapacity);
  tokenize(q->canon(), &q->toks);
  for (auto& word : q->token_bloom) word = 0;
  for (int k = 0; k < q->toks.count; ++k) {
    const uint32_t h = bloom_hash(q->toks.text_of(k));
    const uint32_t a = h & 255u, b = (h >> 8) & 255u;
    q->token_bloom[a >> 6] |= uint64_t{1} << (a & 63);
    q->token_bloom[b >> 6] |= uint64_t{1} << (b & 63);
  }
  q->nspans = 0;
  q->has_failure = false;
  const TokenList& t = q->toks;
  EvalOptions opt;
  int i = 0;
  while (i < t.count) {
    if (!can_start_span(t, i)) {
      ++i;
      continue;
    }
    ParseResult r = parse_expression(t, i, t.count, opt, nullptr);
    if (r.ok && r.end > i) {
      if (q->nspans < kMaxSpans) q->spans[q->nspans++] = r;
      i = r.end;
    } else {
      if (!q->has_failure || r.fail_at - r.begin > q->failure.fail_at - q->failure.begin) {
        q->failure = r;
        q->has_failure = true;
      }
      i = r.fail_at > i ? r.fail_at : i + 1;
    }
  }
}

}  // namespace kimi::math
