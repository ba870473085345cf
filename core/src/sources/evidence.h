/* Evidence of a source in the text: a link, a handle, a reference-list entry
 * or an attribution ("according to Reuters"), with where it is and which
 * sentences it backs. The scanners produce lists in document order; cite.c
 * merges them into sources and per-sentence citations. */
#ifndef PRECIS_SOURCES_EVIDENCE_H
#define PRECIS_SOURCES_EVIDENCE_H

#include "doc.h"

typedef enum pc_evidence_kind {
  PC_EV_INLINE = 0, /* backs the sentence it is in */
  PC_EV_CITE_BACK,  /* a citation line or post embed: backs the prose just before */
  PC_EV_ENTRY,      /* a reference-list entry: backs no sentence by itself */
  PC_EV_ANAPHOR     /* "according to the report": the last attributed source */
} pc_evidence_kind;

typedef struct pc_evidence {
  pc_evidence_kind kind;
  int attribution;             /* named by a citing construction, not a link */
  size_t start, end;           /* original bytes of the mention */
  size_t back_to;              /* CITE_BACK: the cited prose ends after this offset */
  precis_source_kind src_kind;
  size_t name_off, name_len;   /* in pc_evidence_list.text */
  size_t url_off, url_len;     /* in pc_evidence_list.text; 0 = no URL */
  size_t title_off, title_len; /* the link's own title; 0 = none */
  size_t source;               /* index in d->sources, set by cite.c */
} pc_evidence;

typedef struct pc_evidence_list {
  pc_vec items;                /* pc_evidence, by start */
  pc_buf text;                 /* names, URLs, titles */
} pc_evidence_list;

/* Appends `s` to list->text; 0 or -1 (no memory). */
int pc_evidence_text(const pc_alloc *m, pc_evidence_list *list, const char *s, size_t len,
                     size_t *off);
/* Appends a zeroed item, or NULL when memory runs out. */
pc_evidence *pc_evidence_push(const pc_alloc *m, pc_evidence_list *list);
void pc_evidence_free(const pc_alloc *m, pc_evidence_list *list);

/* The scanners. */
precis_status pc_scan_links(pc_doc *d, pc_evidence_list *out);        /* scan_links.c */
precis_status pc_scan_attributions(pc_doc *d, pc_evidence_list *out); /* attribution.c */

#endif
