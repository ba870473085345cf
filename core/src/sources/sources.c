/* The de-duplicating source table: names are merged case-insensitively
 * (utf8proc case folding) with a leading "The" and spacing ignored; URLs are
 * kept once each, with the title of the link they came from. */
#include "sources/sources.h"

#include <string.h>
#include <utf8proc.h>

typedef struct pc_strmap_entry {
  size_t key_off, key_len;
  size_t hash;
  size_t value;
} pc_strmap_entry;

static size_t hash_bytes(const char *s, size_t n) {
  size_t h = (size_t)1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
  return h;
}

static void strmap_free(const pc_alloc *m, pc_strmap *map) {
  pc_free(m, map->slots);
  pc_vec_free(m, &map->entries);
  pc_buf_free(m, &map->keys);
  memset(map, 0, sizeof *map);
}

static int strmap_find(const pc_strmap *map, const char *key, size_t len, size_t *value) {
  if (!map->cap) return 0;
  size_t h = hash_bytes(key, len);
  for (size_t i = h & (map->cap - 1);; i = (i + 1) & (map->cap - 1)) {
    size_t slot = map->slots[i];
    if (!slot) return 0;
    const pc_strmap_entry *e = &PC_VEC_AT(map->entries, pc_strmap_entry, slot - 1);
    if (e->hash == h && e->key_len == len && memcmp(map->keys.data + e->key_off, key, len) == 0) {
      *value = e->value;
      return 1;
    }
  }
}

/* Rebuilds the slots at twice the size; -1 when memory runs out. */
static int strmap_grow(const pc_alloc *m, pc_strmap *map) {
  size_t cap = map->cap ? map->cap * 2 : 16;
  size_t *slots = pc_calloc(m, cap, sizeof *slots);
  if (!slots) return -1;
  for (size_t k = 0; k < map->entries.len; k++) {
    size_t i = PC_VEC_AT(map->entries, pc_strmap_entry, k).hash & (cap - 1);
    while (slots[i]) i = (i + 1) & (cap - 1);
    slots[i] = k + 1;
  }
  pc_free(m, map->slots);
  map->slots = slots;
  map->cap = cap;
  return 0;
}

/* Adds a key that is not in the map yet. */
static int strmap_put(const pc_alloc *m, pc_strmap *map, const char *key, size_t len,
                      size_t value) {
  if ((map->entries.len + 1) * 2 > map->cap && strmap_grow(m, map) != 0) return -1;
  size_t off = map->keys.len;
  if (pc_buf_append(m, &map->keys, key, len) != 0) return -1;
  pc_strmap_entry *e = PC_VEC_PUSH(m, &map->entries, pc_strmap_entry);
  if (!e) return -1;
  e->key_off = off;
  e->key_len = len;
  e->hash = hash_bytes(key, len);
  e->value = value;
  size_t i = e->hash & (map->cap - 1);
  while (map->slots[i]) i = (i + 1) & (map->cap - 1);
  map->slots[i] = map->entries.len;
  return 0;
}

void pc_source_table_init(pc_source_table *t, pc_doc *d) {
  memset(t, 0, sizeof *t);
  t->d = d;
}

void pc_source_table_free(pc_source_table *t) {
  strmap_free(t->d->mem, &t->names);
  strmap_free(t->d->mem, &t->urls);
  strmap_free(t->d->mem, &t->tails);
}

/* Records every tail of a multi-word key ("new york post": "york post",
 * "post") for the first source that has it. */
static int add_tails(const pc_alloc *m, pc_strmap *tails, const char *key, size_t len,
                     size_t index) {
  for (size_t i = 0; i < len; i++) {
    if (key[i] != ' ') continue;
    size_t found;
    if (!strmap_find(tails, key + i + 1, len - i - 1, &found) &&
        strmap_put(m, tails, key + i + 1, len - i - 1, index) != 0)
      return -1;
  }
  return 0;
}

static int is_space(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
         (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}

/* The merge key of a name: case-folded, a leading "the" dropped, every run
 * of spaces made one, appended to `out`. */
static int fold_name(const pc_alloc *m, const char *s, size_t n, pc_buf *out) {
  const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
  if (n - i > 4 && (s[i] | 0x20) == 't' && (s[i + 1] | 0x20) == 'h' && (s[i + 2] | 0x20) == 'e' &&
      (s[i + 3] == ' ' || s[i + 3] == '\n' || s[i + 3] == '\t'))
    i += 4;
  int space = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      /* ASCII folds to itself, but for capitals */
      if (space && pc_buf_putc(m, out, ' ') != 0) return -1;
      space = 0;
      if (pc_buf_putc(m, out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c)) != 0) return -1;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t got = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
    if (got <= 0) { cp = 0xFFFD; got = 1; }
    i += (size_t)got;
    if (is_space(cp)) { space = out->len > 0; continue; }
    if (space && pc_buf_putc(m, out, ' ') != 0) return -1;
    space = 0;
    utf8proc_int32_t folded[8];
    int last_boundclass = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(cp, folded, 8, UTF8PROC_CASEFOLD,
                                                 &last_boundclass);
    if (k < 0 || k > 8) { folded[0] = cp; k = 1; }
    for (utf8proc_ssize_t j = 0; j < k; j++) {
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t len = utf8proc_encode_char(folded[j], enc);
      if (pc_buf_append(m, out, enc, (size_t)len) != 0) return -1;
    }
  }
  return 0;
}

precis_status pc_source_named(pc_source_table *t, const char *name, size_t len,
                              precis_source_kind kind, int short_form, size_t *index) {
  pc_doc *d = t->d;
  pc_buf key = {0};
  if (fold_name(d->mem, name, len, &key) != 0) {
    pc_buf_free(d->mem, &key);
    return PRECIS_ERR_NOMEM;
  }
  const char *k = key.data ? key.data : "";
  precis_status st = PRECIS_OK;
  if (strmap_find(&t->names, k, key.len, index) ||
      (short_form && strmap_find(&t->tails, k, key.len, index))) {
    pc_source *s = &PC_VEC_AT(d->sources, pc_source, *index);
    if (s->kind == PRECIS_SOURCE_LINK && kind != PRECIS_SOURCE_LINK) s->kind = kind;
  } else {
    pc_source *s = PC_VEC_PUSH(d->mem, &d->sources, pc_source);
    if (!s || pc_doc_intern(d, name, len, &s->name) != 0) {
      if (s) d->sources.len--;
      st = PRECIS_ERR_NOMEM;
    } else {
      s->kind = kind;
      *index = d->sources.len - 1;
      if (strmap_put(d->mem, &t->names, k, key.len, *index) != 0 ||
          add_tails(d->mem, &t->tails, k, key.len, *index) != 0)
        st = PRECIS_ERR_NOMEM;
    }
  }
  pc_buf_free(d->mem, &key);
  return st;
}

int pc_source_by_url(const pc_source_table *t, const char *url, size_t len, size_t *index) {
  return strmap_find(&t->urls, url, len, index);
}

precis_status pc_source_add_url(pc_source_table *t, size_t index, const char *url, size_t len,
                                const char *title, size_t title_len) {
  pc_doc *d = t->d;
  size_t owner;
  if (strmap_find(&t->urls, url, len, &owner)) {
    if (!title_len) return PRECIS_OK;
    /* the same URL seen again: give it this link's title only if it had none */
    pc_source *s = &PC_VEC_AT(d->sources, pc_source, owner);
    for (size_t i = 0; i < s->urls.len; i++) {
      pc_strref u = PC_VEC_AT(s->urls, pc_strref, i);
      pc_strref *tt = &PC_VEC_AT(s->titles, pc_strref, i);
      if (u.len == len && memcmp(d->strings.data + u.off, url, len) == 0 && tt->len == 0)
        return pc_doc_intern(d, title, title_len, tt) ? PRECIS_ERR_NOMEM : PRECIS_OK;
    }
    return PRECIS_OK;
  }
  pc_strref u, tt = {0, 0};
  if (pc_doc_intern(d, url, len, &u) != 0) return PRECIS_ERR_NOMEM;
  if (title_len && pc_doc_intern(d, title, title_len, &tt) != 0) return PRECIS_ERR_NOMEM;
  pc_source *s = &PC_VEC_AT(d->sources, pc_source, index);
  pc_strref *us = PC_VEC_PUSH(d->mem, &s->urls, pc_strref);
  if (!us) return PRECIS_ERR_NOMEM;
  pc_strref *ts = PC_VEC_PUSH(d->mem, &s->titles, pc_strref);
  if (!ts) { s->urls.len--; return PRECIS_ERR_NOMEM; }
  *us = u;
  *ts = tt;
  return strmap_put(d->mem, &t->urls, url, len, index) ? PRECIS_ERR_NOMEM : PRECIS_OK;
}

precis_status pc_source_add_mention(pc_source_table *t, size_t index, pc_range r) {
  pc_source *s = &PC_VEC_AT(t->d->sources, pc_source, index);
  if (s->mentions.len) {
    pc_range last = PC_VEC_AT(s->mentions, pc_range, s->mentions.len - 1);
    if (last.start == r.start && last.end == r.end) return PRECIS_OK;
  }
  pc_range *slot = PC_VEC_PUSH(t->d->mem, &s->mentions, pc_range);
  if (!slot) return PRECIS_ERR_NOMEM;
  *slot = r;
  return PRECIS_OK;
}
