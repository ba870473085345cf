/* Summarize a file and print each summary sentence with its line and its
 * sources. Build against an installed precis:
 *   cc summarize.c $(pkg-config --cflags --libs precis) -o summarize */
#include <precis.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  static char text[1 << 20];
  size_t len = fread(text, 1, sizeof text, f);
  fclose(f);

  precis_options opts;
  precis_options_init(&opts);
  opts.max_sentences = 3;
  precis *p = precis_new(&opts);
  precis_result *r = NULL;
  if (!p || precis_summarize(p, text, len, &r) != PRECIS_OK) {
    fprintf(stderr, "%s: %s\n", argv[1], p ? precis_errmsg(p) : "out of memory");
    precis_free(p);
    return 1;
  }
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    printf("line %u: %s\n", s->span.line, s->text);
    for (size_t k = 0; k < s->n_sources; k++) {
      const precis_source *src = &r->sources[s->sources[k]];
      printf("    [%zu] %s%s%s\n", src->id, src->name, src->n_urls ? " " : "",
             src->n_urls ? src->urls[0] : "");
    }
  }
  precis_result_free(r);
  precis_free(p);
  return 0;
}
