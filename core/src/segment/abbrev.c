/* Word lists for the sentence splitter: English abbreviations (after the
 * list in pySBD / Pragmatic Segmenter), sentence starters and words that
 * continue a time of day. Each table is sorted by its bytes and searched
 * by halving, so a lookup costs a few comparisons, bounded by the table
 * size and never by the input. pc_abbrev_tables_sorted() checks the order. */
#include "segment/abbrev.h"

typedef struct word_entry {
  const char *word;
  unsigned char len;
  unsigned char kind;
} word_entry;

#define E(w, k) {w, sizeof(w) - 1, k}
#define W(w) {w, sizeof(w) - 1, 1}
#define G PC_ABBREV_GENERAL
#define P PC_ABBREV_PREPOSITIVE
#define N PC_ABBREV_NUMBER

/* Lower case; P: titles and ranks before a name, N: before a number, G:
 * anything else. Keep sorted by bytes. */
static const word_entry abbreviations[] = {
    E("adm", P), E("al", G), E("approx", G), E("apr", G), E("art", N), E("assn", G), E("assoc", G),
    E("atty", P), E("attys", P), E("aug", G), E("av", G), E("ave", G), E("bldg", G), E("blvd", G),
    E("brig", P), E("bros", G), E("ca", G), E("capt", P), E("cf", G), E("ch", N), E("cir", G),
    E("cmdr", P), E("co", G), E("col", P), E("corp", G), E("cpl", P), E("ct", G), E("dec", G),
    E("dept", G), E("det", P), E("dist", G), E("dr", P), E("drs", P), E("ed", G), E("eds", G),
    E("esp", G), E("esq", G), E("est", G), E("etc", G), E("ext", N), E("feb", G), E("fig", N),
    E("figs", N), E("fr", P), E("fri", G), E("ft", P), E("gal", G), E("gen", P), E("gov", P),
    E("govt", G), E("hon", P), E("hr", G), E("hrs", G), E("hwy", G), E("inc", G), E("insp", P),
    E("intl", G), E("jan", G), E("jr", G), E("jul", G), E("jun", G), E("km", G), E("lb", G),
    E("lbs", G), E("llc", G), E("ln", G), E("lt", P), E("ltd", G), E("maj", P), E("mar", G),
    E("max", G), E("messrs", P), E("mfg", G), E("mi", G), E("min", G), E("misc", G), E("mlle", P),
    E("mme", P), E("mon", G), E("mph", G), E("mr", P), E("mrs", P), E("ms", P), E("msgr", P),
    E("mstr", P), E("mt", P), E("natl", G), E("no", N), E("nos", N), E("nov", G), E("n\xc2\xb0", N),
    E("n\xc2\xba", N), E("oct", G), E("oz", G), E("p", N), E("para", N), E("pct", G), E("pfc", P),
    E("pl", G), E("plc", G), E("pp", N), E("pres", P), E("prof", P), E("pt", G), E("pty", G),
    E("pvt", P), E("rd", G), E("rep", P), E("reps", P), E("rev", P), E("sat", G), E("sen", P),
    E("sens", P), E("sep", G), E("sept", G), E("sfc", P), E("sgt", P), E("sq", G), E("sr", G),
    E("st", P), E("ste", G), E("sun", G), E("supt", P), E("surg", P), E("tel", N), E("thu", G),
    E("thur", G), E("thurs", G), E("tue", G), E("tues", G), E("univ", G), E("vol", N), E("vols", N),
    E("vs", P), E("wed", G), E("yr", G), E("yrs", G),
};

#undef G
#undef P
#undef N

/* Keep sorted by bytes (capitals before lower case). */
static const word_entry sentence_starters[] = {
    W("A"), W("After"), W("All"), W("Also"), W("Although"), W("An"), W("And"), W("As"), W("At"),
    W("Because"), W("Being"), W("Besides"), W("Both"), W("But"), W("By"), W("Despite"), W("Did"),
    W("During"), W("Each"), W("Earlier"), W("Every"), W("For"), W("He"), W("Her"), W("Here"),
    W("His"), W("How"), W("However"), W("I"), W("If"), W("In"), W("It"), W("Its"), W("Later"),
    W("Many"), W("Meanwhile"), W("Millions"), W("More"), W("Most"), W("My"), W("Not"), W("Now"),
    W("On"), W("One"), W("Only"), W("Our"), W("She"), W("Since"), W("So"), W("Some"), W("That"),
    W("The"), W("Their"), W("Then"), W("There"), W("These"), W("They"), W("This"), W("Those"),
    W("Thus"), W("To"), W("We"), W("What"), W("When"), W("Where"), W("While"), W("Who"), W("Why"),
    W("With"), W("Yet"), W("You"),
};

/* Time zones and weekdays; keep sorted by bytes. */
static const word_entry time_continuations[] = {
    W("AEST"), W("BST"), W("CDT"), W("CEST"), W("CET"), W("CST"), W("Central"), W("EDT"), W("EST"),
    W("ET"), W("Eastern"), W("Fri"), W("Friday"), W("GMT"), W("IST"), W("JST"), W("MDT"), W("MST"),
    W("MT"), W("Mon"), W("Monday"), W("Mountain"), W("PDT"), W("PST"), W("PT"), W("Pacific"),
    W("Sat"), W("Saturday"), W("Sun"), W("Sunday"), W("Thu"), W("Thursday"), W("Tue"), W("Tuesday"),
    W("UTC"), W("Wed"), W("Wednesday"), W("Z"),
};

#undef E
#undef W

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Longest abbreviation in the table, in bytes. */
enum { LONGEST_ABBREV = 8 };

/* Byte order of a[0..alen) and b[0..blen); a prefix sorts first. */
static int compare_words(const char *a, size_t alen, const char *b, size_t blen) {
  size_t n = alen < blen ? alen : blen;
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
  return alen < blen ? -1 : alen > blen;
}

/* The entry of the sorted table holding word[0..len), or NULL. */
static const word_entry *find(const word_entry *table, size_t n, const char *word, size_t len) {
  size_t lo = 0, hi = n;
  if (len == 0) return NULL;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = compare_words(word, len, table[mid].word, table[mid].len);
    if (c == 0) return &table[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

/* For each first and second letter a-z, the lengths of the abbreviations
 * that begin with them (bit len - 1): most words before a period are
 * turned away here, with one load and no search. pc_abbrev_tables_sorted()
 * checks every abbreviation against it. */
static const unsigned char two_letter_lengths[26][26] = {
    /* a */ {0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0x24, 0, 0x04, 0x18, 0x18, 0x04, 0x06, 0, 0, 0, 0},
    /* b */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0},
    /* c */ {0x0A, 0, 0, 0, 0, 0x02, 0, 0x02, 0x04, 0, 0, 0, 0x08, 0, 0x0E, 0x04, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0},
    /* d */ {0, 0, 0, 0, 0x0C, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0},
    /* e */ {0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x04, 0x04, 0, 0, 0, 0x04, 0, 0},
    /* f */ {0, 0, 0, 0, 0x04, 0, 0, 0, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0x02, 0, 0, 0, 0, 0, 0},
    /* g */ {0x04, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* h */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x04, 0, 0, 0x06, 0, 0, 0, 0, 0x04, 0, 0, 0},
    /* i */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* j */ {0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0x04, 0, 0, 0, 0, 0},
    /* k */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* l */ {0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x04, 0, 0x02, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0},
    /* m */ {0x04, 0, 0, 0, 0x20, 0x04, 0, 0, 0x0E, 0, 0, 0x08, 0x04, 0, 0x04, 0x04, 0, 0x06, 0x0A, 0x02, 0, 0, 0, 0, 0, 0},
    /* n */ {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* o */ {0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02},
    /* p */ {0x08, 0, 0x04, 0, 0, 0x04, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0x02, 0, 0x08, 0, 0x06, 0, 0x04, 0, 0, 0, 0},
    /* q */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* r */ {0, 0, 0, 0x02, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* s */ {0x04, 0, 0, 0, 0x0C, 0x04, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x02, 0, 0x06, 0x0C, 0, 0, 0, 0, 0},
    /* t */ {0, 0, 0, 0, 0x04, 0, 0, 0x1C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0, 0, 0},
    /* u */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* v */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0C, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0},
    /* w */ {0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* x */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    /* y */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0},
    /* z */ {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
};

static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

/* 0 when word[0..len), in any case, cannot be in the abbreviations. */
static int may_be_abbreviation(const char *word, size_t len) {
  if (len < 2) return 1;
  char first = ascii_lower(word[0]), second = ascii_lower(word[1]);
  if (first < 'a' || first > 'z' || second < 'a' || second > 'z') return 1;
  return len <= LONGEST_ABBREV && (two_letter_lengths[first - 'a'][second - 'a'] >> (len - 1) & 1);
}

pc_abbrev_kind pc_abbrev_lookup(const char *word, size_t len) {
  char key[LONGEST_ABBREV + 1];
  if (len == 0 || len > LONGEST_ABBREV || !may_be_abbreviation(word, len)) return PC_ABBREV_NONE;
  for (size_t i = 0; i < len; i++) key[i] = ascii_lower(word[i]);
  const word_entry *e = find(abbreviations, COUNT(abbreviations), key, len);
  return e ? (pc_abbrev_kind)e->kind : PC_ABBREV_NONE;
}

int pc_abbrev_is_sentence_starter(const char *word, size_t len) {
  return find(sentence_starters, COUNT(sentence_starters), word, len) != NULL;
}

int pc_abbrev_continues_time(const char *word, size_t len) {
  return find(time_continuations, COUNT(time_continuations), word, len) != NULL;
}

static int is_sorted(const word_entry *table, size_t n) {
  for (size_t i = 1; i < n; i++)
    if (compare_words(table[i - 1].word, table[i - 1].len, table[i].word, table[i].len) >= 0)
      return 0;
  return 1;
}

int pc_abbrev_tables_sorted(void) {
  for (size_t i = 0; i < COUNT(abbreviations); i++)
    if (!may_be_abbreviation(abbreviations[i].word, abbreviations[i].len)) return 0;
  return is_sorted(abbreviations, COUNT(abbreviations)) &&
         is_sorted(sentence_starters, COUNT(sentence_starters)) &&
         is_sorted(time_continuations, COUNT(time_continuations));
}
