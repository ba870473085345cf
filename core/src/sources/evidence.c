/* Storage for the evidence lists the source scanners produce. */
#include "sources/evidence.h"

int pc_evidence_text(const pc_alloc *m, pc_evidence_list *list, const char *s, size_t len,
                     size_t *off) {
  *off = list->text.len;
  return pc_buf_append(m, &list->text, s, len);
}

pc_evidence *pc_evidence_push(const pc_alloc *m, pc_evidence_list *list) {
  return PC_VEC_PUSH(m, &list->items, pc_evidence);
}

void pc_evidence_free(const pc_alloc *m, pc_evidence_list *list) {
  pc_vec_free(m, &list->items);
  pc_buf_free(m, &list->text);
}
