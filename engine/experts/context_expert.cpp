// Context expert (see context_expert.h).
#include "experts/context_expert.h"

namespace kimi {
namespace {

constexpr int kContext = 5;

std::string_view title_of(const IntentTable& t, int domain, int intent) {
  if (domain < 0 || domain >= kNumDomains || intent < 0 || intent >= static_cast<int>(t[domain].size())) return {};
  return t[domain][intent]->title;
}

// First sentence (or line) of an answer, for "say that again but shorter".
std::string_view first_sentence(std::string_view a) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == '\n' && i >= 20) return a.substr(0, i);
    if ((a[i] == '.' || a[i] == '!' || a[i] == '?') && i >= 20 && (i + 1 == a.size() || a[i + 1] == ' ' || a[i + 1] == '\n'))
      return a.substr(0, i + 1);
  }
  return a;
}

bool is_letter_byte(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80 || c == '-' || c == '\''; }

bool is_filler(std::string_view w) {
  for (std::string_view f : {"and", "btw", "please", "pls", "remember", "that", "ok", "okay", "thanks", "now", "by",
                             "the", "way", "from", "here", "on", "so", "but", "not", "just", "going", "called"})
    if (w == f) return true;
  return false;
}

}  // namespace

std::string_view extract_name(std::string_view q, TextBuffer<ConversationMemory::kMaxNameBytes>& out) {
  out.clear();
  std::size_t start = std::string_view::npos;
  for (std::string_view cue : {"my name is ", "my name's ", "name is ", "call me ", "i am called ", "i'm called ",
                               "i'm ", "i am ", "im ", "this is "}) {
    std::size_t p = q.find(cue);
    if (p != std::string_view::npos && (p == 0 || q[p - 1] == ' ')) {
      start = p + cue.size();
      break;
    }
  }
  if (start == std::string_view::npos) return {};
  int words = 0;
  std::size_t i = start;
  while (i < q.size() && words < 3) {
    std::size_t j = i;
    while (j < q.size() && is_letter_byte(q[j])) ++j;
    std::string_view w = q.substr(i, j - i);
    if (w.empty() || is_filler(w)) break;
    if (words) out.append(" ");
    char first = w[0];
    if (first >= 'a' && first <= 'z') {
      char up = static_cast<char>(first - 32);
      out.append(std::string_view(&up, 1)).append(w.substr(1));
    } else {
      out.append(w);
    }
    ++words;
    if (j >= q.size() || q[j] != ' ') break;
    i = j + 1;
  }
  return out.view();
}

ContextReply answer_from_memory(const Intent& intent, std::string_view query, ConversationMemory& mem,
                                const IntentTable& intents, AnswerBuffer& out) {
  out.clear();
  const std::string_view id = intent.id;
  const std::string_view fallback = intent.answer;
  const std::size_t n = mem.size();
  if (id == "first_question") {
    if (!mem.first()) return {fallback};
    out.append("Your first question was: \"").append(mem.first()->query_text()).append("\"");
  } else if (id == "last_question") {
    if (n == 0) return {fallback};
    out.append("You just asked: \"").append(mem.recent(0).query_text()).append("\"");
  } else if (id == "repeat_answer") {
    if (n == 0) return {fallback};
    out.append(mem.recent(0).answer_text());
  } else if (id == "shorter_answer") {
    if (n == 0) return {fallback};
    out.append(first_sentence(mem.recent(0).answer_text()));
  } else if (id == "previous_answer") {
    if (n < 2) return {fallback};
    out.append("Before that, you asked \"").append(mem.recent(1).query_text()).append("\" and I answered:\n");
    out.append(mem.recent(1).answer_text());
  } else if (id == "count_questions") {
    if (mem.total() == 0) return {fallback};
    out.append("You have asked ").append_uint(mem.total()).append(mem.total() == 1 ? " question" : " questions");
    out.append(" before this one.");
  } else if (id == "summarize_chat" || id == "topics_discussed") {
    if (n == 0) return {fallback};
    const bool summary = id == "summarize_chat";
    out.append(summary ? "Our conversation so far (" : "We talked about");
    if (summary) out.append_uint(mem.total()).append(mem.total() == 1 ? " question" : " questions").append("):");
    for (int d = 0; d < kNumDomains; ++d) {
      int shown = 0;
      for (std::size_t back = n; back-- > 0;) {  // oldest first
        const auto& t = mem.recent(back);
        if (t.domain != d) continue;
        std::string_view title = d == kContext ? std::string_view("the conversation itself") : title_of(intents, d, t.intent);
        bool dup = false;  // each topic once per domain
        for (std::size_t later = n; later-- > back + 1;) {
          const auto& u = mem.recent(later);
          if (u.domain == d && (d == kContext || u.intent == t.intent)) dup = true;
        }
        if (dup || title.empty()) continue;
        if (shown == 0) out.append(summary ? "\n- " : (out.size() > 15 ? "; " : " ")).append(domain_name(d)).append(": ");
        else out.append(", ");
        out.append(title);
        ++shown;
      }
    }
    out.append(summary ? "" : ".");
  } else if (id == "remember_name") {
    TextBuffer<ConversationMemory::kMaxNameBytes> name;
    if (extract_name(query, name).empty()) {
      out.append("I couldn't find a name in that. Say, for example, \"my name is Ada\".");
    } else {
      mem.set_name(name.view());
      out.append("Nice to meet you, ").append(mem.name()).append(". I'll remember your name in this conversation.");
    }
  } else if (id == "recall_name") {
    if (mem.name().empty()) return {fallback};
    out.append("Your name is ").append(mem.name()).append(".");
  } else if (id == "forget_name") {
    if (mem.name().empty()) {
      out.append("I didn't know your name, so there is nothing to forget.");
    } else {
      mem.clear_name();
      out.append("Done: I've forgotten your name.");
    }
  } else if (id == "forget_all") {
    mem.clear();
    out.append("Done: I've cleared our conversation, including your name. We're starting fresh.");
    return {out.view(), false};
  } else if (id == "continue") {
    if (n == 0) return {fallback};
    const auto& t = mem.recent(0);
    std::string_view title = title_of(intents, t.domain, t.intent);
    if (t.domain == kContext || title.empty()) return {fallback};
    out.append("That is everything I have on \"").append(title).append("\": I answer from a fixed knowledge base and don't write new text.");
    std::string_view r0 = title_of(intents, t.domain, t.related[0]), r1 = title_of(intents, t.domain, t.related[1]);
    if (!r0.empty()) {
      out.append(" Related topics I can explain: \"").append(r0).append("\"");
      if (!r1.empty()) out.append(" and \"").append(r1).append("\"");
      out.append(".");
    }
  } else {
    return {fallback};
  }
  return {out.view()};
}

}  // namespace kimi
