/* Rendering a result as plain text or markdown, and the format dispatch. */
#include "render/render.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pc_out_mem(pc_out *o, const char *s, size_t n) {
  if (o->failed || n == 0) return;
  if (o->write(o->ctx, s, n) != 0) o->failed = 1;
}

void pc_out_str(pc_out *o, const char *s) { pc_out_mem(o, s, strlen(s)); }

void pc_out_fmt(pc_out *o, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  pc_out_mem(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

const char *precis_feature_name(precis_feature feature) {
  static const char *const names[PRECIS_FEATURE_COUNT] = {
      "position", "entities", "figures", "quotes", "title", "centrality", "length", "penalty"};
  return (unsigned)feature < PRECIS_FEATURE_COUNT ? names[feature] : NULL;
}

const char *precis_source_kind_name(precis_source_kind kind) {
  switch (kind) {
  case PRECIS_SOURCE_OUTLET: return "outlet";
  case PRECIS_SOURCE_PLATFORM: return "platform";
  case PRECIS_SOURCE_PERSON: return "person";
  case PRECIS_SOURCE_DOCUMENT: return "document";
  case PRECIS_SOURCE_LINK: return "link";
  }
  return "unknown";
}

static void explain(const precis_sentence *s, pc_out *o) {
  pc_out_fmt(o, "    score %.3f:", s->score);
  for (size_t f = 0; f < s->n_features; f++)
    pc_out_fmt(o, " %s=%.3f", precis_feature_name((precis_feature)f), s->features[f]);
  pc_out_str(o, "\n");
}

static void citation_marks(const precis_sentence *s, const precis_result *r, pc_out *o) {
  for (size_t k = 0; k < s->n_sources; k++)
    if (s->sources[k] < r->n_sources) pc_out_fmt(o, " [%zu]", r->sources[s->sources[k]].id);
}

precis_status pc_render_text(const precis_result *r, unsigned flags, pc_out *o) {
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    if (flags & PRECIS_RENDER_POSITIONS) pc_out_fmt(o, "%u:%u: ", s->span.line, s->span.column);
    pc_out_mem(o, s->text, s->text_len);
    if (!(flags & PRECIS_RENDER_NO_SOURCES)) citation_marks(s, r, o);
    pc_out_str(o, "\n");
    if (flags & PRECIS_RENDER_EXPLAIN) explain(s, o);
  }
  if (!(flags & PRECIS_RENDER_NO_SOURCES) && r->n_sources) {
    pc_out_str(o, "\nSources:\n");
    for (size_t i = 0; i < r->n_sources; i++) {
      const precis_source *src = &r->sources[i];
      pc_out_fmt(o, "[%zu] ", src->id);
      pc_out_str(o, src->name);
      pc_out_fmt(o, " (%s)", precis_source_kind_name(src->kind));
      for (size_t u = 0; u < src->n_urls; u++) {
        pc_out_str(o, "\n    ");
        pc_out_str(o, src->urls[u]);
      }
      pc_out_str(o, "\n");
    }
  }
  return PRECIS_OK;
}

precis_status pc_render_markdown(const precis_result *r, unsigned flags, pc_out *o) {
  if (r->title) {
    pc_out_str(o, "# ");
    pc_out_str(o, r->title);
    pc_out_str(o, "\n\n");
  }
  for (size_t i = 0; i < r->n_sentences; i++) {
    const precis_sentence *s = &r->sentences[i];
    pc_out_str(o, "- ");
    pc_out_mem(o, s->text, s->text_len);
    if (!(flags & PRECIS_RENDER_NO_SOURCES)) citation_marks(s, r, o);
    pc_out_str(o, "\n");
    if (flags & PRECIS_RENDER_EXPLAIN) explain(s, o);
  }
  if (!(flags & PRECIS_RENDER_NO_SOURCES) && r->n_sources) {
    pc_out_str(o, "\n## Sources\n\n");
    for (size_t i = 0; i < r->n_sources; i++) {
      const precis_source *src = &r->sources[i];
      pc_out_fmt(o, "%zu. ", src->id);
      pc_out_str(o, src->name);
      pc_out_fmt(o, " (%s)", precis_source_kind_name(src->kind));
      for (size_t u = 0; u < src->n_urls; u++) {
        pc_out_str(o, u ? ", " : ": ");
        if (src->titles[u][0]) {
          pc_out_str(o, "[");
          pc_out_str(o, src->titles[u]);
          pc_out_str(o, "](");
          pc_out_str(o, src->urls[u]);
          pc_out_str(o, ")");
        } else {
          pc_out_str(o, "<");
          pc_out_str(o, src->urls[u]);
          pc_out_str(o, ">");
        }
      }
      pc_out_str(o, "\n");
    }
  }
  return PRECIS_OK;
}

precis_status precis_render(const precis_result *result, precis_format format, unsigned flags,
                            precis_write_fn write, void *ctx) {
  if (!result || !write) return PRECIS_ERR_INVALID_ARGUMENT;
  pc_out o = {write, ctx, 0};
  precis_status st;
  switch (format) {
  case PRECIS_FORMAT_TEXT: st = pc_render_text(result, flags, &o); break;
  case PRECIS_FORMAT_MARKDOWN: st = pc_render_markdown(result, flags, &o); break;
  case PRECIS_FORMAT_JSON: st = pc_render_json(result, flags, &o); break;
  default: return PRECIS_ERR_INVALID_ARGUMENT;
  }
  if (st == PRECIS_OK && o.failed) st = PRECIS_ERR_IO;
  return st;
}
