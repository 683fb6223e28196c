// The coding expert's answer: the intent's explanation plus its snippet in the programming language the
// query names (Python, JavaScript/TypeScript, C, C++, Java, Go, Rust); the generic answer when none is named.
#pragma once
#include <string_view>

#include "experts/context_expert.h"  // AnswerBuffer
#include "knowledge/knowledge_base.h"

namespace kimi {

std::string_view coding_answer(const Intent& intent, std::string_view normalized_query, AnswerBuffer& out);

}  // namespace kimi
