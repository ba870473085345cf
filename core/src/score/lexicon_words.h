/* The word lists behind the lexicon (lexicon.h), grouped by class: the
 * source of the generated lexicon_table.h (`make lexicon-table`, by
 * tools/lexicon/gen_lexicon.c) and of the unit test that checks it. Not
 * compiled into the library. */
#ifndef PRECIS_SCORE_LEXICON_WORDS_H
#define PRECIS_SCORE_LEXICON_WORDS_H

#include <stddef.h>

#include "score/lexicon.h"

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

#endif
