/* Shared by the renderers: a buffered writer over precis_write_fn. */
#ifndef PRECIS_RENDER_H
#define PRECIS_RENDER_H

#include "precis.h"

typedef struct pc_out {
  precis_write_fn write;
  void *ctx;
  int failed;
} pc_out;

void pc_out_str(pc_out *o, const char *s);
void pc_out_mem(pc_out *o, const char *s, size_t n);
void pc_out_fmt(pc_out *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

precis_status pc_render_text(const precis_result *r, unsigned flags, pc_out *o);
precis_status pc_render_markdown(const precis_result *r, unsigned flags, pc_out *o);
precis_status pc_render_json(const precis_result *r, unsigned flags, pc_out *o);

#endif
