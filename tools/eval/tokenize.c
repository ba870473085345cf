/* tokenize.c - splits text into ROUGE-1.5.5 tokens and stems them (tokenize.h). */
#include "tokenize.h"

#include <stdlib.h>

#include "porter.h"

static int is_token_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static char ascii_lower(unsigned char c) {
  return (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
}

int rouge_tokenize(const char *text, size_t len, rouge_token_fn emit, void *ctx) {
  char small[128];
  char *buf = small;
  size_t cap = sizeof small;
  int rc = 0;
  size_t i = 0;
  while (i < len && rc == 0) {
    if (!is_token_byte((unsigned char)text[i])) { i++; continue; }
    size_t start = i;
    while (i < len && is_token_byte((unsigned char)text[i])) i++;
    size_t n = i - start;
    if (n > cap) {
      char *bigger = malloc(n);
      if (!bigger) { rc = -1; break; }
      if (buf != small) free(buf);
      buf = bigger;
      cap = n;
    }
    for (size_t k = 0; k < n; k++) buf[k] = ascii_lower((unsigned char)text[start + k]);
    if (n >= ROUGE_STEM_MIN_LEN) n = porter_stem(buf, n);
    rc = emit(ctx, buf, n);
  }
  if (buf != small) free(buf);
  return rc;
}
