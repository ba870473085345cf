/* The word lists behind pc_lexicon_classes(), grouped by class. */
#include "score/lexicon.h"

#include <stdint.h>

#include "score/tokens.h"

typedef struct word_list {
  unsigned cls;
  const char *const *words;
} word_list;

static const char *const stop_words[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
    "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "would", "yet", "you", "your", "yours", "however", "although",
    "though", "many", "still", "since", "s", "t", "mr", "mrs", "ms", "said", "says", "told",
    "like", "new", "get", "got", "make", "made", "well", "back", "around", "according",
    "meanwhile",
    "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL};

static const char *const speech_words[] = {
    "said", "says", "say", "told", "tells", "added", "adds", "explained", "warned", "stated",
    "announced", "insisted", "claimed", "claims", "wrote", "writes", "tweeted", "posted",
    "asked", "argued", "noted", "declared", "urged", "admitted", "revealed", "confirmed",
    "denied", "according", "described", "recalled", "vowed", "replied", "responded",
    "remarked", "commented", "stressed", "suggested", "acknowledged", "predicted", NULL};

static const char *const month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", NULL};

static const char *const weekday_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "yesterday", "today", "tomorrow", "tonight", NULL};

static const char *const unit_words[] = {
    "kilometers", "kilometres", "kilometer", "kilometre", "km", "miles", "mile", "mph", "kph",
    "meters", "metres", "meter", "metre", "m2", "feet", "foot", "ft", "inches", "inch", "cm",
    "mm", "yards", "acres", "hectares", "tonnes", "tons", "tonne", "ton", "kg", "kilograms",
    "kilos", "grams", "pounds", "lbs", "lb", "ounces", "barrels", "bpd", "litres", "liters",
    "gallons", "gigawatts", "megawatts", "gw", "mw", "kwh", "degrees", "celsius",
    "fahrenheit", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours",
    "hour", "minutes", "minute", "seconds", "decades", "centuries", "times", "points",
    "votes", "seats", "percentage", "bcm", NULL};

static const char *const currency_words[] = {
    "dollars", "dollar", "usd", "pounds", "sterling", "gbp", "euros", "euro", "eur", "yen",
    "yuan", "renminbi", "rupees", "roubles", "rubles", "francs", "pesos", "won", "dinars",
    "shekels", "lira", "cents", "pence", "p", NULL};

static const char *const scale_words[] = {
    "million", "millions", "billion", "billions", "trillion", "trillions", "thousand",
    "bn", "m", "tn", "trn", "k", "mn", "mln", "bln", NULL};

static const char *const percent_words[] = {"percent", "percentage", "cent", "pct", NULL};

static const char *const honorific_words[] = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime",
    "minister", "chancellor", "secretary", "senator", "sen", "rep", "gov", "governor",
    "general", "gen", "col", "captain", "capt", "judge", "justice", "king", "queen", "prince",
    "princess", "pope", "rev", "professor", "prof", "chief", "ceo", "chairman", NULL};

static const char *const pronoun_words[] = {"he", "she", "they", "we", "i", "it", NULL};

static const char *const promo_words[] = {
    "subscribe", "unsubscribe", "newsletter", "newsletters",
    "advertisement", "sponsored", "cookies", "click", "copyright", "login", "signup",
    "podcast", "gallery", "promoted", "paywall", NULL};

static const char *const count_words[] = {
    "dozens", "dozen", "hundreds", "hundred", "thousands", "millions", "billions", "scores",
    "half", "quarter", "third", "twice", "double", "triple", "tenfold", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "fifty",
    NULL};

static const char *const dateline_words[] = {
    "published", "updated", "posted", "modified", "gmt", "bst", "est", "edt", "pst", "pdt",
    "cet", "cest", "utc", "am", "pm", "byline", "correspondent", "editor", "reporter",
    "staff", "contributor", NULL};

static const char *const connect_words[] = {
    "of", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le", "al", "bin", "el",
    "y", "and", NULL};

static const char *const link_words[] = {"http", "https", "www", NULL};

static const char *const caption_words[] = {
    "credit", "credits", "photo", "photograph", "image", "picture", "pictured", "caption",
    "source", NULL};

static const char *const promo_pairs[PC_PROMO_PAIRS][2] = {
    {"click", "here"},  {"sign", "up"},         {"read", "more"},     {"follow", "us"},
    {"share", "this"},  {"rights", "reserved"}, {"scroll", "down"},   {"privacy", "policy"},
    {"terms", "of"},    {"subscribe", "to"},    {"download", "the"},  {"watch", "the"},
    {"see", "also"},    {"related", "articles"}, {"most", "read"},    {"continue", "reading"}};

static const word_list lists[] = {
    {PC_LEX_LINK, link_words},       {PC_LEX_CAPTION, caption_words},
    {PC_LEX_STOP, stop_words},       {PC_LEX_SPEECH, speech_words},
    {PC_LEX_MONTH, month_words},     {PC_LEX_WEEKDAY, weekday_words},
    {PC_LEX_UNIT, unit_words},       {PC_LEX_CURRENCY, currency_words},
    {PC_LEX_SCALE, scale_words},     {PC_LEX_PERCENT, percent_words},
    {PC_LEX_HONORIFIC, honorific_words}, {PC_LEX_PRONOUN, pronoun_words},
    {PC_LEX_PROMO, promo_words},     {PC_LEX_COUNT, count_words},
    {PC_LEX_DATELINE, dateline_words}, {PC_LEX_CONNECT, connect_words}};

/* Adds cls to the classes of `word`; the word must have room. */
static void add_word(pc_lexicon *lex, const char *word, unsigned cls) {
  uint64_t key = pc_word_key(word);
  uint16_t *head = &lex->bucket[key >> (64 - PC_LEX_BUCKET_BITS)];
  for (unsigned w = *head; w; w = lex->words[w].next) {
    if (lex->words[w].key == key) {
      lex->words[w].cls |= cls;
      return;
    }
  }
  pc_lex_word *w = &lex->words[lex->n_words];
  w->key = key;
  w->cls = cls;
  w->next = *head;
  *head = (uint16_t)lex->n_words++;
}

int pc_lexicon_init(pc_lexicon *lex, const pc_alloc *mem) {
  size_t room = 1 + PC_PROMO_PAIRS + 1; /* index 0, the pairs' first words, "getty" */
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (const char *const *w = lists[l].words; *w; w++) room++;
  lex->mem = mem;
  lex->bucket = NULL;
  lex->words = NULL;
  if (room > UINT16_MAX) return -1; /* word indexes are uint16_t: never, with these lists */
  lex->bucket = pc_calloc(mem, (size_t)1 << PC_LEX_BUCKET_BITS, sizeof *lex->bucket);
  lex->words = pc_malloc(mem, room * sizeof *lex->words);
  if (!lex->bucket || !lex->words) {
    pc_lexicon_free(lex);
    return -1;
  }
  lex->n_words = 1;
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (const char *const *w = lists[l].words; *w; w++) add_word(lex, *w, lists[l].cls);
  for (size_t p = 0; p < PC_PROMO_PAIRS; p++) {
    add_word(lex, promo_pairs[p][0], PC_LEX_PAIR);
    lex->promo_pairs[p][0] = pc_word_key(promo_pairs[p][0]);
    lex->promo_pairs[p][1] = pc_word_key(promo_pairs[p][1]);
  }
  add_word(lex, "getty", PC_LEX_GETTY);
  lex->key_by = pc_word_key("by");
  lex->key_per = pc_word_key("per");
  lex->key_getty = pc_word_key("getty");
  lex->key_images = pc_word_key("images");
  return 0;
}

void pc_lexicon_free(pc_lexicon *lex) {
  pc_free(lex->mem, lex->bucket);
  pc_free(lex->mem, lex->words);
  lex->bucket = NULL;
  lex->words = NULL;
}
