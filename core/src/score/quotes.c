/* Quote marks of every style, and attribution by speech verbs. */
#include "score/quotes.h"

#include <string.h>

/* How far (in tokens) a speaker may stand from the speech verb:
 * "said Scott Bessent, the US treasury secretary" is within four. */
#define SPEAKER_WINDOW 4

/* pc_find_quotes looks for speech verbs among the marks. */
_Static_assert((PC_LEX_SPEECH & ~PC_SCAN_MARK_CLASSES) == 0, "speech verbs are marks");

static int is_clause_end(unsigned cp) { return cp == '.' || cp == ',' || cp == '!' || cp == '?'; }

static int is_single_open(const pc_view *v, size_t i) {
  const pc_token *t = &v->tok[i];
  if (t->kind != PC_TOK_PUNCT) return 0;
  if (t->cp == 0x2018) return 1;
  if (t->cp != '\'') return 0;
  return (t->off == 0 || v->text[t->off - 1] == ' ') && i + 1 < v->n &&
         v->tok[i + 1].kind == PC_TOK_WORD && v->tok[i + 1].off == t->off + t->len;
}

static int is_speaker_word(const pc_view *v, size_t i) {
  const pc_token *t = &v->tok[i];
  if (t->kind != PC_TOK_WORD) return 0;
  unsigned cls = pc_view_classes(v, i);
  if (cls & PC_LEX_PRONOUN) return 1;
  return (t->flags & PC_TOKF_CAPITAL) && !(cls & PC_LEX_STOP);
}

static int has_speaker_near(const pc_view *v, size_t verb) {
  size_t lo = verb > SPEAKER_WINDOW ? verb - SPEAKER_WINDOW : 0;
  size_t hi = verb + SPEAKER_WINDOW < v->n ? verb + SPEAKER_WINDOW : v->n - 1;
  for (size_t j = lo; j <= hi; j++)
    if (j != verb && is_speaker_word(v, j)) return 1;
  return 0;
}

/* Is the token right after the previous one, with no space between? */
static int glued_to_previous(const pc_view *v, size_t i) {
  return i > 0 && v->tok[i - 1].off + v->tok[i - 1].len == v->tok[i].off;
}

void pc_find_quotes(const pc_scan *s, pc_quotes *out) {
  const pc_view *v = s->v;
  memset(out, 0, sizeof *out);
  if (!v->any_quote && !(v->any_cls & PC_LEX_SPEECH)) return; /* nothing to find */
  unsigned doubles = 0, opens = 0, closes = 0;
  /* Quote marks and speech verbs are all marks. */
  for (size_t m = 0; m < s->n_marks; m++) {
    size_t i = s->marks[m];
    const pc_token *t = &v->tok[i];
    if (t->kind == PC_TOK_PUNCT) {
      if (pc_is_double_quote(t->cp)) {
        doubles++;
      } else if (is_single_open(v, i)) {
        opens++;
      } else if ((t->cp == 0x2019 || t->cp == '\'') && glued_to_previous(v, i)) {
        /* After punctuation it closes a quote ("enjoyed it.’"); after a
         * letter it is a plural possessive ("players’") unless a quote is
         * open. */
        if (v->tok[i - 1].kind == PC_TOK_PUNCT ? is_clause_end(v->tok[i - 1].cp) : opens > closes)
          closes++;
      }
    } else if (!out->speaker && (pc_view_classes(v, i) & PC_LEX_SPEECH) &&
               has_speaker_near(v, i)) {
      out->speaker = 1;
    }
  }
  out->marks = doubles + opens + closes;
  if (out->marks && out->speaker) out->value = 1.0;
  else if (out->speaker) out->value = 0.5;
  else if (out->marks) out->value = 0.2;
  out->orphan = out->marks && !out->speaker && (doubles % 2 == 1 || opens != closes);
}
