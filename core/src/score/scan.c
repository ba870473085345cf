/* The one pass over a sentence's tokens the detectors share. */
#include "score/scan.h"

unsigned pc_last_punct(const pc_view *v) {
  for (size_t i = v->n; i-- > 0;) {
    const pc_token *t = &v->tok[i];
    if (t->kind != PC_TOK_PUNCT) return 0;
    if (!pc_is_double_quote(t->cp) && t->cp != 0x2019 && t->cp != '\'' && t->cp != ')')
      return t->cp;
  }
  return 0;
}

void pc_scan_finish(pc_scan *s, const pc_view *v, uint32_t *caps, size_t n_caps, uint32_t *marks,
                    size_t n_marks) {
  s->v = v;
  s->caps = caps;
  s->n_caps = n_caps;
  s->marks = marks;
  s->n_marks = n_marks;
  s->upper = 0;
  if (v->any_flags & PC_TOKF_ALL_UPPER)
    for (size_t i = 0; i < v->n; i++) /* only words carry flags */
      s->upper += (v->tok[i].flags & PC_TOKF_ALL_UPPER) && v->tok[i].letters >= 2;
  s->end = pc_last_punct(v);
}

void pc_scan_view(pc_scan *s, const pc_view *v, uint32_t *room) {
  uint32_t *caps = room, *marks = room + v->n;
  size_t n_caps = 0, n_marks = 0;
  for (size_t i = 0; i < v->n; i++) {
    caps[n_caps] = (uint32_t)i;
    n_caps += pc_scan_is_cap(&v->tok[i]);
    marks[n_marks] = (uint32_t)i;
    n_marks += pc_scan_is_mark(&v->tok[i]);
  }
  pc_scan_finish(s, v, caps, n_caps, marks, n_marks);
}
