// language lookups: translation from the phrasebook, definitions, synonyms and antonyms from the dictionary,
// slot extraction from normalized queries, load-time validation, hostile input and no allocation per query.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "experts/language/edit_distance.h"
#include "experts/language/language_resources.h"
#include "experts/language/slot_text.h"
#include "test_support.h"
#include "text/normalize.h"

namespace {
std::atomic<long> g_allocations{0};
}

// Counting allocator: lookups after load must not allocate. (GCC takes free() in a replacement delete for a
// mismatch with the builtin new.)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {  // Catch uses it; pairs with our delete
  ++g_allocations;
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace {

// A small hand-written data set, so expected answers follow from this file alone.
const char* const kPhrasebook = R"({"languages": ["en", "es", "fr", "de", "it", "pt"], "phrases": [
  {"en": "Hello", "es": "Hola", "fr": "Bonjour", "de": "Hallo", "it": "Ciao", "pt": "Olá", "en_alt": ["Hi"]},
  {"en": "Hello world", "es": "Hola mundo", "fr": "Bonjour le monde", "de": "Hallo Welt", "it": "Ciao mondo", "pt": "Olá mundo"},
  {"en": "Good morning", "es": "Buenos días", "fr": "Bonjour", "de": "Guten Morgen", "it": "Buongiorno", "pt": "Bom dia"},
  {"en": "Thank you very much", "es": "Muchas gracias", "fr": "Merci beaucoup", "de": "Vielen Dank", "it": "Grazie mille", "pt": "Muito obrigado", "en_alt": ["Thanks a lot"]},
  {"en": "Where is the bathroom?", "es": "¿Dónde está el baño?", "fr": "Où sont les toilettes ?", "de": "Wo ist die Toilette?", "it": "Dov'è il bagno?", "pt": "Onde fica o banheiro?"},
  {"en": "I don't understand", "es": "No entiendo", "fr": "Je ne comprends pas", "de": "Ich verstehe nicht", "it": "Non capisco", "pt": "Não entendo"},
  {"en": "Can you speak more slowly?", "es": "¿Puede hablar más despacio?", "fr": "Pouvez-vous parler plus lentement ?", "de": "Können Sie langsamer sprechen?", "it": "Può parlare più lentamente?", "pt": "Pode falar mais devagar?"},
  {"en": "Happy birthday", "es": "Feliz cumpleaños", "fr": "Joyeux anniversaire", "de": "Alles Gute zum Geburtstag", "it": "Buon compleanno", "pt": "Feliz aniversário"}
]})";

const char* const kDictionary = R"({"words": [
  {"word": "happy", "pos": "adjective", "definition": "Feeling or showing pleasure.", "synonyms": ["joyful", "cheerful", "glad"], "antonyms": ["sad", "unhappy"]},
  {"word": "ephemeral", "pos": "adjective", "definition": "Lasting a very short time.", "synonyms": ["fleeting", "transient", "brief"], "antonyms": ["permanent"]},
  {"word": "say", "pos": "verb", "definition": "To express in words.", "synonyms": ["state", "utter", "remark"]},
  {"word": "big", "pos": "adjective", "definition": "Large in size.", "synonyms": ["large", "huge"], "antonyms": ["small"]},
  {"word": "ad hoc", "pos": "adjective", "definition": "Made for one particular purpose.", "synonyms": ["improvised", "makeshift"]}
]})";

struct Fixture {
  kimi::LanguageResources res;
  kimi::LanguageResources::Buffer out;
  Fixture() { REQUIRE(res.load(kPhrasebook, kDictionary).ok()); }

  // Normalizes like the engine, then asks; returns the answer, or "<fallback>" when not handled.
  std::string ask(const std::string& kind, const std::string& raw) {
    char buf[kimi::kMaxNormalizedBytes];
    const std::string_view q(buf, kimi::normalize(raw, buf, nullptr));
    const bool handled = kind == "translate" ? res.translate(q, out) : kind == "define" ? res.define(q, out) : res.synonyms(q, out);
    if (!handled) {
      CHECK(out.size() == 0);
      return "<fallback>";
    }
    return std::string(out.view());
  }
  std::string translate(const std::string& q) { return ask("translate", q); }
  std::string define(const std::string& q) { return ask("define", q); }
  std::string synonyms(const std::string& q) { return ask("synonyms", q); }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string with(const std::string& json, const std::string& from, const std::string& to) {
  std::string s = json;
  const std::size_t p = s.find(from);
  REQUIRE(p != std::string::npos);
  return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("translation works from English and into English") {
  Fixture f;
  SECTION("English to Spanish, with the phrasebook's capitalization") {
    CHECK(f.translate("Translate 'Hello World' to Spanish") == "\"Hello world\" (English) in Spanish: Hola mundo");
  }
  SECTION("French to English") {
    CHECK(f.translate("translate \"merci beaucoup\" to english") ==
          "\"Merci beaucoup\" (French) in English: Thank you very much");
  }
  SECTION("Spanish with accents and inverted marks to German") {
    CHECK(f.translate("translate '¿Dónde está el baño?' into german") ==
          "\"¿Dónde está el baño?\" (Spanish) in German: Wo ist die Toilette?");
  }
  SECTION("an English variant keeps its own wording") {
    CHECK(f.translate("how do you say thanks a lot in italian") == "\"Thanks a lot\" (English) in Italian: Grazie mille");
  }
  SECTION("end punctuation is ignored, accents are not") {
    CHECK(has(f.translate("translate 'hello world!!' to spanish"), "Hola mundo"));
    CHECK(has(f.translate("translate '¡hola mundo!' to english"), "in English: Hello world"));
    CHECK(has(f.translate("translate 'donde esta el bano' to english"), "beyond my offline phrasebook"));
  }
  SECTION("a word shared by two phrases gives both readings") {
    CHECK(f.translate("translate bonjour to english") ==
          "\"Bonjour\" (French) in English: Hello\nIt can also mean: Good morning");
  }
  SECTION("several known sentences are translated together") {
    CHECK(f.translate("translate to spanish: I don't understand, can you speak more slowly?") ==
          "\"I don't understand. Can you speak more slowly?\" (English) in Spanish: No entiendo. ¿Puede hablar más despacio?");
  }
}

TEST_CASE("the target language is found in each name form") {
  Fixture f;
  SECTION("to french") { CHECK(has(f.translate("translate hello to french"), "in French: Bonjour")); }
  SECTION("in spanish") { CHECK(has(f.translate("how do you say hello in spanish"), "in Spanish: Hola")); }
  SECTION("en español") { CHECK(has(f.translate("¿cómo se dice 'good morning' en español?"), "in Spanish: Buenos días")); }
  SECTION("auf deutsch") { CHECK(has(f.translate("wie sagt man 'thank you very much' auf deutsch"), "in German: Vielen Dank")); }
  SECTION("into portuguese") { CHECK(has(f.translate("translate happy birthday into portuguese"), "in Portuguese: Feliz aniversário")); }
  SECTION("italian, bare") {
    CHECK(has(f.translate("italian for happy birthday"), "in Italian: Buon compleanno"));
    CHECK(has(f.translate("happy birthday italian"), "in Italian: Buon compleanno"));
  }
  SECTION("in italiano, em português, al inglés") {
    CHECK(has(f.translate("translate 'hello' in italiano"), "in Italian: Ciao"));
    CHECK(has(f.translate("como se diz 'hello' em português"), "in Portuguese: Olá"));
    CHECK(has(f.translate("traducir 'muchas gracias' al inglés"), "in English: Thank you very much"));
  }
  SECTION("a typo in an English name") { CHECK(has(f.translate("how do you say hello in germn"), "in German: Hallo")); }
  SECTION("a source language is not the target") {
    CHECK(f.translate("translate 'hello' from english to french") == "\"Hello\" (English) in French: Bonjour");
    CHECK(f.translate("english to italian: 'good morning'") == "\"Good morning\" (English) in Italian: Buongiorno");
  }
  SECTION("a list of targets") {
    CHECK(has(f.translate("say 'hello' in french, spanish and italian"), "\"Hello\" (English):\nSpanish: Hola\nFrench: Bonjour\nItalian: Ciao"));
  }
  SECTION("a language the phrasebook lacks is named") {
    const std::string a = f.translate("how do you say hello in japanese");
    CHECK(has(a, "Spanish: Hola"));
    CHECK(has(a, "it has no Japanese"));
  }
}

TEST_CASE("every quote style delimits the phrase") {
  Fixture f;
  const std::string expected = "\"Good morning\" (English) in French: Bonjour";
  SECTION("single quotes") { CHECK(f.translate("translate 'good morning' to french") == expected); }
  SECTION("double quotes") { CHECK(f.translate("translate \"good morning\" to french") == expected); }
  SECTION("curly double quotes") { CHECK(f.translate("translate \xE2\x80\x9Cgood morning\xE2\x80\x9D to french") == expected); }
  SECTION("curly single quotes") { CHECK(f.translate("translate \xE2\x80\x98good morning\xE2\x80\x99 to french") == expected); }
  SECTION("guillemets") { CHECK(f.translate("traduire « good morning » en français") == expected); }
  SECTION("apostrophes inside words are not quotes") {
    CHECK(f.translate("what's 'i don't understand' in french?") ==
          "\"I don't understand\" (English) in French: Je ne comprends pas");
  }
}

TEST_CASE("an unknown phrase is named as beyond the phrasebook with three known phrases") {
  Fixture f;
  const std::string a = f.translate("translate 'the meeting moved to friday' to german");
  CHECK(has(a, "\"the meeting moved to friday\" is beyond my offline phrasebook (8 common phrases"));
  CHECK(has(a, "Phrases I do know include \"Thank you very much\", \"Where is the bathroom?\" and \"Hello\"."));
  SECTION("a near spelling is suggested, accents and swapped letters included") {
    CHECK(has(f.translate("translate 'helo world' to spanish"), "Did you mean \"Hello world\"?"));
    CHECK(has(f.translate("translate 'muchas garcias' to french"), "Did you mean \"Muchas gracias\"?"));
    CHECK(has(f.translate("translate 'donde esta el bano' to english"), "Did you mean \"¿Dónde está el baño?\"?"));
    CHECK(!has(f.translate("translate 'hxllq' to spanish"), "Did you mean"));  // 2 edits in a short phrase
  }
  SECTION("a known phrase inside it is given, marked as partial") {
    const std::string p = f.translate("translate 'happy birthday my friend' to german");
    CHECK(has(p, "as a whole is beyond my offline phrasebook"));
    CHECK(has(p, "in German: Alles Gute zum Geburtstag"));
  }
}

TEST_CASE("with no target language all five translations are given") {
  Fixture f;
  CHECK(f.translate("translate hello world") ==
        "\"Hello world\" (English) in other languages:\nSpanish: Hola mundo\nFrench: Bonjour le monde\n"
        "German: Hallo Welt\nItalian: Ciao mondo\nPortuguese: Olá mundo");
  const std::string from_spanish = f.translate("translate muchas gracias");
  CHECK(has(from_spanish, "\nEnglish: Thank you very much\n"));
  CHECK(!has(from_spanish, "Spanish: Muchas gracias"));
}

TEST_CASE("translation falls back when no phrase is named") {
  Fixture f;
  CHECK(f.translate("how do I greet a customer in german on the phone") == "<fallback>");
  CHECK(f.translate("list hello in 10 languages") == "<fallback>");  // a lone word with no target
  CHECK(f.translate("translate") == "<fallback>");
}

TEST_CASE("a definition is looked up from the word in the query") {
  Fixture f;
  const std::string expected =
      "ephemeral (adjective): Lasting a very short time.\nSynonyms: fleeting, transient, brief.\nAntonyms: permanent.";
  SECTION("define X") { CHECK(f.define("define ephemeral") == expected); }
  SECTION("meaning of X") { CHECK(f.define("What is the meaning of ephemeral?") == expected); }
  SECTION("what does X mean") { CHECK(f.define("what does ephemeral mean") == expected); }
  SECTION("X meaning") { CHECK(f.define("ephemeral meaning") == expected); }
  SECTION("quoted") { CHECK(f.define("what's \"ephemeral\"?") == expected); }
  SECTION("two words") { CHECK(has(f.define("what does ad hoc mean"), "ad hoc (adjective): Made for one particular purpose.")); }
  SECTION("an inflected form") { CHECK(has(f.define("define 'happier'"), "\"happier\" is a form of \"happy\".\nhappy (adjective)")); }
  SECTION("no word named: fall back") { CHECK(f.define("what does this word mean") == "<fallback>"); }
}

TEST_CASE("synonyms and antonyms come from the same entry") {
  Fixture f;
  SECTION("synonyms for X") {
    CHECK(f.synonyms("synonyms for happy") ==
          "Synonyms of \"happy\" (adjective): joyful, cheerful, glad.\nAntonyms: sad, unhappy.");
  }
  SECTION("another word for X") { CHECK(has(f.synonyms("another word for 'big'"), "Synonyms of \"big\" (adjective): large, huge.")); }
  SECTION("opposite of X") {
    CHECK(f.synonyms("what's the opposite of happy?") ==
          "Antonyms of \"happy\" (adjective): sad, unhappy.\nSynonyms: joyful, cheerful, glad.");
  }
  SECTION("antonym of X") { CHECK(has(f.synonyms("antonym of big"), "Antonyms of \"big\" (adjective): small.")); }
  SECTION("no antonym listed") { CHECK(has(f.synonyms("opposite of say"), "I have no antonym listed for \"say\"")); }
  SECTION("is A a synonym of B") {
    CHECK(has(f.synonyms("is 'glad' a synonym of 'happy'?"), "Yes: \"glad\" and \"happy\" are listed as synonyms"));
  }
  SECTION("an irregular form") { CHECK(has(f.synonyms("synonyms for 'said'"), "\"said\" is a form of \"say\".")); }
}

TEST_CASE("an unknown word is named, with a close spelling suggested") {
  Fixture f;
  CHECK(f.define("define hapy") ==
        "\"hapy\" is not in my offline dictionary (5 common English words), so I can't define it reliably. Did you "
        "mean \"happy\"?");
  CHECK(f.define("define 'ephemerel'") ==
        "\"ephemerel\" is not in my offline dictionary (5 common English words), so I can't define it reliably. Did "
        "you mean \"ephemeral\"?");
  CHECK(has(f.define("define zyxwvut"), "so I can't define it reliably."));
  CHECK(!has(f.define("define zyxwvut"), "Did you mean"));
  CHECK(has(f.define("define 'bag'"), "Did you mean \"big\"?"));    // 1 edit
  CHECK(!has(f.define("define 'bxq'"), "Did you mean"));              // 2 edits: too far for a short word
  CHECK(has(f.define("define 'ephmerl'"), "Did you mean \"ephemeral\"?"));  // 2 edits in a long word
  SECTION("a word from the phrasebook's other languages") {
    CHECK(f.define("what does 'hola' mean") == "\"hola\" is not an English word in my dictionary, but it is Spanish for \"Hello\".");
  }
}

TEST_CASE("malformed phrasebook files are rejected with the problem named") {
  kimi::LanguageResources r;
  auto msg = [&](const std::string& phrasebook) {
    kimi::Status s = r.load(phrasebook, kDictionary);
    CHECK(s.code == kimi::ErrorCode::kKnowledgeInvalid);
    return s.message;
  };
  CHECK(has(msg("{\"languages\": [\"en\"],"), "phrasebook.json: not valid JSON"));
  CHECK(has(msg("{\n\"languages\": [\"en\" \"es\"]}"), "line 2"));
  CHECK(has(msg("[]"), "top level must be an object"));
  CHECK(has(msg(with(kPhrasebook, R"("de", "it")", R"("it", "de")")), "\"languages\" must be"));
  CHECK(has(msg(R"({"languages": ["en", "es", "fr", "de", "it", "pt"], "phrases": []})"), "\"phrases\" must be a non-empty array"));
  CHECK(has(msg(with(kPhrasebook, R"("de": "Hallo Welt", )", "")), "phrase #1 needs a non-empty string \"de\""));
  CHECK(has(msg(with(kPhrasebook, R"("Hallo Welt")", R"("")")), "phrase #1 needs a non-empty string \"de\""));
  CHECK(has(msg(with(kPhrasebook, R"("Hallo Welt")", R"("?!")")), "phrase #1 \"de\" must have a letter"));
  CHECK(has(msg(with(kPhrasebook, R"("Hallo Welt")", "\"" + std::string(300, 'x') + "\"")), "at most 200 bytes"));
  CHECK(has(msg(with(kPhrasebook, R"("en_alt": ["Hi"])", R"("en_alts": ["Hi"])")), "phrase #0 has an unknown field \"en_alts\""));
  CHECK(has(msg(with(kPhrasebook, R"("en_alt": ["Hi"])", R"("en_alt": "Hi")")), "\"en_alt\" must be an array"));
  CHECK(has(msg(with(kPhrasebook, R"("en_alt": ["Thanks a lot"])", R"("en_alt": ["hello!"])")),
            "phrase #3 (\"Thank you very much\") repeats the English \"hello\" of phrase #0"));
}

TEST_CASE("malformed dictionary files are rejected with the problem named") {
  kimi::LanguageResources r;
  auto msg = [&](const std::string& dictionary) {
    kimi::Status s = r.load(kPhrasebook, dictionary);
    CHECK(s.code == kimi::ErrorCode::kKnowledgeInvalid);
    return s.message;
  };
  CHECK(has(msg("{\"words\": [}"), "dictionary.json: not valid JSON"));
  CHECK(has(msg("{\"entries\": []}"), "non-empty array \"words\""));
  CHECK(has(msg(with(kDictionary, R"("word": "big")", R"("word": "Big")")), "word #3 needs a \"word\" of lowercase letters"));
  CHECK(has(msg(with(kDictionary, R"("pos": "verb")", R"("pos": "doing word")")), "word #2 (\"say\") needs a \"pos\""));
  CHECK(has(msg(with(kDictionary, R"("To express in words.")", R"("")")), "(\"say\") needs a non-empty string \"definition\""));
  CHECK(has(msg(with(kDictionary, R"(["state", "utter", "remark"])", "[]")), "(\"say\") needs \"synonyms\""));
  CHECK(has(msg(with(kDictionary, R"("antonyms": ["small"])", R"("antonyms": "small")")), "(\"big\") \"antonyms\" must be an array"));
  CHECK(has(msg(with(kDictionary, R"("word": "big")", R"("word": "happy")")), "the word \"happy\" appears twice"));
  CHECK(has(msg(with(kDictionary, R"("pos": "verb")", R"("pos": "verb", "note": "x")")), "unknown field \"note\""));
  SECTION("a failed load keeps the data loaded before") {
    REQUIRE(r.load(kPhrasebook, kDictionary).ok());
    CHECK(!r.load(kPhrasebook, "{}").ok());
    kimi::LanguageResources::Buffer out;
    CHECK(r.define("define big", out));
  }
}

TEST_CASE("hostile input is handled safely") {
  Fixture f;
  std::vector<std::string> inputs = {"", " ", "'", "\"", "''", "\"\"", "« »", "translate ''", "define ''",
                                     std::string(4096, '\''), std::string(4096, '"'), std::string(4096, '('),
                                     "translate " + std::string(4086, '\''), std::string(4096, 'a'),
                                     "define " + std::string(4089, 'z'), "synonyms for " + std::string(4083, '-'),
                                     "translate '" + std::string(4000, 'x') + "' to french", "99999999999999999999999"};
  std::string curly;
  while (curly.size() + 3 <= 4096) curly += "\xE2\x80\x9C";
  inputs.push_back(curly);
  std::string words;
  while (words.size() + 8 <= 4096) words += "english ";
  inputs.push_back(words);
  uint64_t seed = 12345;
  for (int k = 0; k < 200; ++k) {
    std::string r(static_cast<std::size_t>(1 + (seed >> 33) % 600), '\0');
    for (char& c : r) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      c = static_cast<char>(seed >> 56);
    }
    inputs.push_back(r);
  }
  for (const std::string& in : inputs) {
    for (int pass = 0; pass < 2; ++pass) {
      // Raw bytes (not the engine's contract, but must still be safe) and the normalized form.
      char buf[kimi::kMaxNormalizedBytes];
      const std::string_view q =
          pass == 0 ? std::string_view(in).substr(0, 4096) : std::string_view(buf, kimi::normalize(in, buf, nullptr));
      for (const char* intent : {"translate_phrase", "word_definition", "synonyms_antonyms"}) {
        f.out.clear();
        const bool handled = f.res.answer(intent, q, f.out);
        CHECK(f.out.size() <= 4096);
        if (!handled) CHECK(f.out.size() == 0);
      }
    }
  }
  SECTION("the empty query falls back") {
    CHECK(f.translate("") == "<fallback>");
    CHECK(f.define("") == "<fallback>");
    CHECK(f.synonyms("") == "<fallback>");
  }
  SECTION("a long unknown phrase is quoted back shortened") {
    const std::string a = f.translate("translate '" + std::string(500, 'x') + "' to french");
    CHECK(has(a, std::string(80, 'x') + "…\" is beyond"));
    CHECK(!has(a, std::string(81, 'x')));
  }
}

TEST_CASE("lookups allocate nothing after load") {
  kimi::LanguageResources res;
  REQUIRE(res.load(kPhrasebook, kDictionary).ok());
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"translate_phrase", "translate 'hello world' to spanish"}, {"translate_phrase", "translate bonjour"},
      {"translate_phrase", "translate 'helo wrld' to german"},    {"translate_phrase", "hello in japanese"},
      {"translate_phrase", "translate to spanish: i don't understand, can you speak more slowly?"},
      {"translate_phrase", "translate 'happy birthday my friend' to german"},
      {"greetings_thanks_phrases", "thanks a lot in italian"},    {"word_definition", "define ephemeral"},
      {"word_definition", "define hapy"},                          {"word_definition", "what does 'hola' mean"},
      {"word_definition", "define 'happier'"},                     {"synonyms_antonyms", "is 'glad' a synonym of 'happy'"},
      {"synonyms_antonyms", "opposite of big"},                    {"synonyms_antonyms", "synonyms for 'said'"},
      {"synonyms_antonyms", std::string(4096, '\'')}};
  kimi::LanguageResources::Buffer out;
  int handled = 0;
  const long before = g_allocations.load();
  for (int round = 0; round < 3; ++round)
    for (const auto& [intent, q] : queries) handled += res.answer(intent, q, out) ? 1 : 0;
  const long during = g_allocations.load() - before;
  CHECK(during == 0);
  CHECK(handled == 3 * 14);  // everything but the 4096 quotes is answered
  auto* probe = new std::vector<int>(3);  // the counter does see allocations
  CHECK(g_allocations.load() - before > during);
  delete probe;
}

TEST_CASE("slot helpers") {
  SECTION("keys drop punctuation and keep inner apostrophes") {
    char buf[kimi::kMaxKeyBytes];
    auto key = [&](std::string_view s) { return std::string(buf, kimi::make_key(s, buf, sizeof buf)); };
    CHECK(key("¿dónde está el baño?") == "dónde está el baño");
    CHECK(key("  'hello,   world!!'  ") == "hello world");
    CHECK(key("what\xE2\x80\x99s up") == "what's up");
    CHECK(key("!?¡¿") == "");
  }
  SECTION("edit distance") {
    CHECK(kimi::bounded_edit_distance("kitten", "sitting", 3) == 3);
    CHECK(kimi::bounded_edit_distance("kitten", "sitting", 2) == 3);  // beyond the bound: bound + 1
    CHECK(kimi::bounded_edit_distance("", "abc", 5) == 3);
    CHECK(kimi::bounded_edit_distance("same", "same", 0) == 0);
    CHECK(kimi::bounded_edit_distance("gracias", "gracais", 2) == 1);  // a swap is one edit
    CHECK(kimi::bounded_edit_distance("abcdef", "badcfe", 3) == 3);
    CHECK(kimi::bounded_edit_distance("abc", "abcde", 1) == 2);       // length alone exceeds the bound
  }
}

TEST_CASE("the committed phrasebook and dictionary load and answer") {
  const std::string dir = std::string(KIMI_MODELS_DIR) + "/knowledge/";
  kimi::LanguageResources res;
  const kimi::Status s = res.load(kimi_test::read_file(dir + "phrasebook.json"), kimi_test::read_file(dir + "dictionary.json"));
  REQUIRE(s.ok());
  CHECK(res.phrasebook().size() >= 80);
  CHECK(res.dictionary().size() >= 300);
  kimi::LanguageResources::Buffer out;
  REQUIRE(res.translate("translate 'hello world' to spanish", out));
  CHECK(out.view() == "\"Hello world\" (English) in Spanish: Hola mundo");
  REQUIRE(res.translate("translate \"merci beaucoup\" to english", out));
  CHECK(out.view() == "\"Merci beaucoup\" (French) in English: Thank you very much");
  REQUIRE(res.translate("how do you say where is the bathroom in german", out));
  CHECK(out.view() == "\"Where is the bathroom?\" (English) in German: Wo ist die Toilette?");
  REQUIRE(res.define("define ubiquitous", out));
  CHECK(has(std::string(out.view()), "ubiquitous (adjective): "));
  REQUIRE(res.synonyms("opposite of fast", out));
  CHECK(has(std::string(out.view()), "slow"));
  for (const std::string w : {"ephemeral", "pragmatic", "serendipity", "ambiguous", "meticulous", "resilient", "happy", "big"})
    CHECK(res.dictionary().find(w) != nullptr);
}
