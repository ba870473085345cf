/* The word lists behind the attribution scan's word index
 * (attribution_index.h), by the PC_ATTR_* list they make: the source of the
 * generated attribution_table.h (`make lexicon-table`, by
 * tools/lexicon/gen_attribution.c) and of the unit test that checks it.
 * Not compiled into the library. */
#ifndef PRECIS_SOURCES_ATTRIBUTION_WORDS_H
#define PRECIS_SOURCES_ATTRIBUTION_WORDS_H

#include <stddef.h>

#include "sources/attribution_index.h"
#include "sources/outlets.h"

static const char *const determiners[] = {"a", "an", "the", "this", "that", "his", "her", "their",
                                          "its", "one", "another", "our", NULL};
static const char *const report_nouns[] = {
    "report", "reports", "story", "article", "interview", "statement", "post", "analysis",
    "investigation", "documents", "document", "data", "survey", "poll", "figures", "estimates",
    "footage", "video", "broadcast", "publication", "assessment", "study", "review", "transcript",
    "readout", "release", "memo", "letter", "filing", "summary", "newspaper", "paper", "outlet",
    "agency", "broadcaster", "channel", "network", "account", NULL};
static const char *const anaphor_nouns[] = {"report", "newspaper", "paper", "outlet", "agency",
                                            "broadcaster", "article", "story", "channel", "network",
                                            "publication", "magazine", "website", NULL};
static const char *const report_adjectives[] = {"new", "recent", "exclusive", "separate", "joint",
                                                "leaked", "internal", "latest", "earlier", "local",
                                                "published", "confidential", "classified", NULL};
static const char *const subject_verbs[] = {
    "reported", "reports", "report", "revealed", "reveals", "reveal", "learned", "learnt",
    "understands", "wrote", "writes", "said", "says", "noted", "published", "confirmed",
    "quoted", "cited", "obtained", "disclosed", "broke", "reporting", NULL};
static const char *const subject_aux[] = {"has", "had", "have", "can", "could", "now", "first",
                                          "also", "exclusively", "previously", "earlier", "later",
                                          "separately", "originally", "initially", "was", "is",
                                          "were", "recently", NULL};
static const char *const by_any[] = {"reported", "published", "quoted", "cited", "obtained",
                                     "aired", "broadcast", "reporting", NULL};
static const char *const by_media[] = {"seen", "reviewed", "viewed", "posted", "shared",
                                       "released", "commissioned",
                                       "conducted", "carried", NULL};
static const char *const tell_verbs[] = {"told", "tells", "tell", "telling", NULL};
static const char *const to_verbs[] = {"speaking", "spoke", "speak", "talking", "talked",
                                       "comments", "remarks", "statement", "confirmed",
                                       "confirming", "interview", "explained", "said", NULL};
static const char *const in_verbs[] = {"writing", "wrote", "writes", "op-ed", "column",
                                       "article", "piece", "editorial", "published", "report",
                                       "appeared", "interview", "quoted", "reported", "story",
                                       NULL};
static const char *const platform_cues[] = {
    "post", "posted", "posts", "posting", "wrote", "writing", "written", "said", "says",
    "saying", "statement", "message", "video", "shared", "sharing", "published", "tweet",
    "tweeted", "live", "livestream", "broadcast", "account", "channel", "page", "clip",
    "footage", "comment", "comments", "announced", "uploaded", "appeared", "speech", "thread",
    "posted", "streamed", "update", NULL};
static const char *const post_nouns[] = {"post", "posts", "video", "message", "statement",
                                         "account", "channel", "page", "clip", "livestream",
                                         "broadcast", "thread", "update", "stream", "tweet",
                                         NULL};
/* Capitalised words that begin clauses, not names. */
static const char *const not_names[] = {
    "i", "he", "she", "it", "we", "they", "you", "this", "that", "these", "those", "a", "an",
    "the", "in", "on", "at", "but", "and", "or", "if", "as", "according", "meanwhile",
    "earlier", "later", "however", "yesterday", "today", "tomorrow", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "his", "her", "their", "its", "our", "my", "your", "there", "here", "when", "while",
    "after", "before", "since", "for", "from", "with", "by", "to", "of", NULL};
static const char *const connectors[] = {"of", "for", "de", "du", "der", "des",
                                         "la", "le", "el", "al", "di", "da", "von", "van", NULL};
static const char *const according[] = {"according", NULL};
static const char *const interview[] = {"interview", "interviews", "interviewed", NULL};
static const char *const citing[] = {"citing", "via", NULL};
static const char *const on_to[] = {"on", "to", NULL};
static const char *const literals[] = {"issued", NULL};

static const struct {
  const char *const *words;
  unsigned group;
} word_lists[] = {
    {according, PC_ATTR_ACCORDING},     {interview, PC_ATTR_INTERVIEW},
    {citing, PC_ATTR_CITING},           {on_to, PC_ATTR_ON_TO},
    {determiners, PC_ATTR_DETERMINER},
    {report_nouns, PC_ATTR_REPORT_NOUN}, {anaphor_nouns, PC_ATTR_ANAPHOR_NOUN},
    {report_adjectives, PC_ATTR_REPORT_ADJECTIVE}, {subject_verbs, PC_ATTR_SUBJECT_VERB},
    {subject_aux, PC_ATTR_SUBJECT_AUX}, {by_any, PC_ATTR_BY_ANY},
    {by_media, PC_ATTR_BY_MEDIA},       {tell_verbs, PC_ATTR_TELL_VERB},
    {to_verbs, PC_ATTR_TO_VERB},        {in_verbs, PC_ATTR_IN_VERB},
    {platform_cues, PC_ATTR_PLATFORM_CUE}, {post_nouns, PC_ATTR_POST_NOUN},
    {not_names, PC_ATTR_NOT_NAME},      {connectors, PC_ATTR_CONNECTOR},
    {pc_outlet_words, PC_ATTR_OUTLET_WORD}, {pc_media_people, PC_ATTR_MEDIA_PERSON},
    {pc_media_nouns, PC_ATTR_MEDIA_NOUN}, {literals, PC_ATTR_LITERAL}};

/* The words some match needs in its chunk to emit anything: a match that
 * starts at "the", "a", "on" or "to" emits only before a report or post
 * noun or at a platform's name. "(" is the one other such token. */
static const char *const *const anchor_lists[] = {
    according, interview, citing, subject_verbs, by_any, by_media, tell_verbs,
    to_verbs, in_verbs, report_nouns, post_nouns};

/* The words some match needs in its chunk to emit a name that is no known
 * outlet or platform (see chunk_may_emit). */
static const char *const *const evidence_lists[] = {
    according, interview, by_any, pc_outlet_words, pc_media_people, pc_media_nouns};

#endif
