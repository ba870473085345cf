/* Word lists for the sentence splitter: English abbreviations (after the
 * list in pySBD / Pragmatic Segmenter), sentence starters and words that
 * continue a time of day. Small tables scanned linearly: each lookup is
 * bounded by the table size, never by the input. */
#include "segment/abbrev.h"

#include <string.h>

typedef struct abbrev_entry {
  const char *word;
  unsigned char kind;
} abbrev_entry;

#define G PC_ABBREV_GENERAL
#define P PC_ABBREV_PREPOSITIVE
#define N PC_ABBREV_NUMBER

static const abbrev_entry abbreviations[] = {
    /* titles and ranks before a name */
    {"adm", P},
    {"atty", P},
    {"attys", P},
    {"brig", P},
    {"capt", P},
    {"cmdr", P},
    {"col", P},
    {"cpl", P},
    {"det", P},
    {"dr", P},
    {"drs", P},
    {"fr", P},
    {"gen", P},
    {"gov", P},
    {"hon", P},
    {"insp", P},
    {"lt", P},
    {"maj", P},
    {"messrs", P},
    {"mlle", P},
    {"mme", P},
    {"mr", P},
    {"mrs", P},
    {"ms", P},
    {"msgr", P},
    {"mstr", P},
    {"mt", P},
    {"pfc", P},
    {"pres", P},
    {"prof", P},
    {"pvt", P},
    {"rep", P},
    {"reps", P},
    {"rev", P},
    {"sen", P},
    {"sens", P},
    {"sfc", P},
    {"sgt", P},
    {"sr", G},
    {"st", P},
    {"supt", P},
    {"surg", P},
    {"vs", P},
    {"ft", P},
    /* before a number */
    {"art", N},
    {"ext", N},
    {"fig", N},
    {"figs", N},
    {"no", N},
    {"nos", N},
    {"p", N},
    {"pp", N},
    {"vol", N},
    {"vols", N},
    {"n\xc2\xb0", N},
    {"n\xc2\xba", N},
    {"ch", N},
    {"para", N},
    {"tel", N},
    /* anything else */
    {"al", G},
    {"approx", G},
    {"apr", G},
    {"assn", G},
    {"assoc", G},
    {"aug", G},
    {"ave", G},
    {"av", G},
    {"bldg", G},
    {"blvd", G},
    {"bros", G},
    {"ca", G},
    {"cf", G},
    {"cir", G},
    {"co", G},
    {"corp", G},
    {"ct", G},
    {"dec", G},
    {"dept", G},
    {"dist", G},
    {"ed", G},
    {"eds", G},
    {"esp", G},
    {"esq", G},
    {"est", G},
    {"etc", G},
    {"feb", G},
    {"fri", G},
    {"gal", G},
    {"govt", G},
    {"hr", G},
    {"hrs", G},
    {"hwy", G},
    {"inc", G},
    {"intl", G},
    {"jan", G},
    {"jr", G},
    {"jul", G},
    {"jun", G},
    {"km", G},
    {"lb", G},
    {"lbs", G},
    {"llc", G},
    {"ln", G},
    {"ltd", G},
    {"mar", G},
    {"max", G},
    {"mfg", G},
    {"mi", G},
    {"min", G},
    {"misc", G},
    {"mon", G},
    {"mph", G},
    {"natl", G},
    {"nov", G},
    {"oct", G},
    {"oz", G},
    {"pct", G},
    {"pl", G},
    {"plc", G},
    {"pt", G},
    {"pty", G},
    {"rd", G},
    {"sat", G},
    {"sep", G},
    {"sept", G},
    {"sq", G},
    {"ste", G},
    {"sun", G},
    {"thu", G},
    {"thur", G},
    {"thurs", G},
    {"tue", G},
    {"tues", G},
    {"univ", G},
    {"wed", G},
    {"yr", G},
    {"yrs", G},
};

#undef G
#undef P
#undef N

static const char *const sentence_starters[] = {
    "A",        "After",   "All",     "Also", "Although", "An",   "And",     "As",    "At",
    "Because",  "Being",   "Besides", "Both", "But",      "By",   "Despite", "Did",   "During",
    "Each",     "Earlier", "Every",   "For",  "He",       "Her",  "Here",    "His",   "How",
    "However",  "I",       "If",      "In",   "It",       "Its",  "Later",   "Many",  "Meanwhile",
    "Millions", "More",    "Most",    "My",   "Not",      "Now",  "On",      "One",   "Only",
    "Our",      "She",     "Since",   "So",   "Some",     "That", "The",     "Their", "Then",
    "There",    "These",   "They",    "This", "Those",    "Thus", "To",      "We",    "What",
    "When",     "Where",   "While",   "Who",  "Why",      "With", "Yet",     "You",
};

static const char *const time_continuations[] = {
    "AEST",   "BST",      "CDT",       "CEST",     "CET",    "CST",      "Central", "EDT",
    "EST",    "ET",       "Eastern",   "GMT",      "IST",    "JST",      "MDT",     "MST",
    "MT",     "Mountain", "PDT",       "PST",      "PT",     "Pacific",  "UTC",     "Z",
    "Monday", "Tuesday",  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",  "Mon",
    "Tue",    "Wed",      "Thu",       "Fri",      "Sat",    "Sun",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Longest abbreviation in the table, in bytes. */
enum { LONGEST_ABBREV = 8 };

pc_abbrev_kind pc_abbrev_lookup(const char *word, size_t len) {
  char key[LONGEST_ABBREV + 1];
  if (len == 0 || len > LONGEST_ABBREV) return PC_ABBREV_NONE;
  for (size_t i = 0; i < len; i++) {
    char c = word[i];
    key[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  for (size_t i = 0; i < COUNT(abbreviations); i++) {
    const char *w = abbreviations[i].word;
    if (strlen(w) == len && memcmp(w, key, len) == 0) return (pc_abbrev_kind)abbreviations[i].kind;
  }
  return PC_ABBREV_NONE;
}

static int in_list(const char *const *list, size_t n, const char *word, size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == len && memcmp(list[i], word, len) == 0) return 1;
  return 0;
}

int pc_abbrev_is_sentence_starter(const char *word, size_t len) {
  return in_list(sentence_starters, COUNT(sentence_starters), word, len);
}

int pc_abbrev_continues_time(const char *word, size_t len) {
  return in_list(time_continuations, COUNT(time_continuations), word, len);
}
