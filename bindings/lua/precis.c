/* precis.c - the Lua module `precis`: summaries, sentences and sources of a
 * text as Lua tables, for Lua 5.1-5.4 and LuaJIT (see compat.h).
 *
 * Positions are 1-based and inclusive at the Lua edge: a sentence's bytes are
 * string.sub(text, s.start, s.stop). Misuse (wrong types, unknown options)
 * raises; bad input (invalid UTF-8 under strict_utf8, binary, empty) returns
 * nil, message, code. Every C resource lives in a userdata with __gc until it
 * is released, so a Lua error raised midway leaks nothing. */
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "precis.h"

#define HANDLE_META "precis.handle"
#define SCRATCH_META "precis.scratch"

#if defined(__GNUC__)
#  define PRECIS_LUA_EXPORT __attribute__((visibility("default")))
#else
#  define PRECIS_LUA_EXPORT
#endif

/* ---- resources owned by userdata ---------------------------------------- */

typedef struct handle {
  precis *p; /* NULL once closed */
} handle;

/* What one call holds: a temporary engine, its result, rendered bytes. */
typedef struct scratch {
  precis *own;
  precis_result *result;
  char *buf;
  size_t len, cap;
} scratch;

static void scratch_release(scratch *s) {
  precis_result_free(s->result);
  precis_free(s->own);
  free(s->buf);
  memset(s, 0, sizeof *s);
}

static int scratch_gc(lua_State *L) {
  scratch_release((scratch *)luaL_checkudata(L, 1, SCRATCH_META));
  return 0;
}

static scratch *push_scratch(lua_State *L) {
  scratch *s = (scratch *)lua_newuserdata(L, sizeof *s);
  memset(s, 0, sizeof *s);
  luaL_setmetatable(L, SCRATCH_META);
  return s;
}

/* precis_write_fn collecting the rendering; non-zero return = out of memory. */
static int scratch_write(void *ctx, const char *data, size_t len) {
  scratch *s = (scratch *)ctx;
  if (len > s->cap - s->len) {
    size_t cap = s->cap ? s->cap : 1024;
    while (cap - s->len < len) {
      if (cap > (size_t)-1 / 2) return 1;
      cap *= 2;
    }
    char *grown = (char *)realloc(s->buf, cap);
    if (!grown) return 1;
    s->buf = grown;
    s->cap = cap;
  }
  memcpy(s->buf + s->len, data, len);
  s->len += len;
  return 0;
}

/* ---- arguments and options ---------------------------------------------- */

static const char *check_text(lua_State *L, int arg, size_t *len) {
  if (lua_type(L, arg) != LUA_TSTRING)
    luaL_argerror(L, arg, lua_pushfstring(L, "string expected, got %s", luaL_typename(L, arg)));
  return lua_tolstring(L, arg, len);
}

static int option_error(lua_State *L, int arg, const char *name, const char *want) {
  return luaL_argerror(L, arg, lua_pushfstring(L, "option '%s' must be %s, got %s", name, want,
                                               luaL_typename(L, -1)));
}

static int opt_bool(lua_State *L, int arg, const char *name) {
  if (lua_type(L, -1) != LUA_TBOOLEAN) option_error(L, arg, name, "a boolean");
  return lua_toboolean(L, -1);
}

static double opt_number(lua_State *L, int arg, const char *name) {
  double v = lua_type(L, -1) == LUA_TNUMBER ? (double)lua_tonumber(L, -1) : -1.0;
  if (!(v >= 0 && v <= 1e300)) option_error(L, arg, name, "a non-negative number");
  return v;
}

/* A count stored in a size_t: a whole number in [0, 2^53]. */
static size_t opt_count(lua_State *L, int arg, const char *name) {
  double v = lua_type(L, -1) == LUA_TNUMBER ? (double)lua_tonumber(L, -1) : -1.0;
  if (!(v >= 0 && v <= 9007199254740992.0) || (double)(size_t)v != v)
    option_error(L, arg, name, "a non-negative integer");
  return (size_t)v;
}

static const char *const format_names[] = {"auto", "text", "markdown", NULL};
static const precis_input_format format_values[] = {PRECIS_INPUT_AUTO, PRECIS_INPUT_TEXT,
                                                    PRECIS_INPUT_MARKDOWN};

static precis_input_format opt_format(lua_State *L, int arg) {
  const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  for (int i = 0; format_names[i]; i++)
    if (strcmp(s, format_names[i]) == 0) return format_values[i];
  option_error(L, arg, "format", "\"auto\", \"text\" or \"markdown\"");
  return PRECIS_INPUT_AUTO;
}

static double *weight_field(precis_weights *w, const char *name) {
  static const char *const names[] = {"position", "entities", "figures",    "quotes", "title",
                                      "centrality", "length", "penalty", "redundancy"};
  double *fields[] = {&w->position, &w->entities,   &w->figures, &w->quotes,    &w->title,
                      &w->centrality, &w->length, &w->penalty, &w->redundancy};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(name, names[i]) == 0) return fields[i];
  return NULL;
}

static const char *key_name(lua_State *L, int arg) {
  if (lua_type(L, -2) != LUA_TSTRING)
    luaL_argerror(L, arg, lua_pushfstring(L, "option names must be strings, got %s",
                                          luaL_typename(L, -2)));
  return lua_tostring(L, -2);
}

static void read_weights(lua_State *L, int arg, precis_weights *w) {
  if (!lua_istable(L, -1)) option_error(L, arg, "weights", "a table");
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    const char *name = key_name(L, arg);
    double *field = weight_field(w, name);
    if (!field) luaL_argerror(L, arg, lua_pushfstring(L, "unknown weight '%s'", name));
    *field = opt_number(L, arg, name);
    lua_pop(L, 1);
  }
}

/* Fills `opts` (and `flags`, when rendering) from the table at `arg`, which
 * may be absent. Returns whether there was a table. */
static int read_options(lua_State *L, int arg, precis_options *opts, unsigned *flags) {
  if (lua_isnoneornil(L, arg)) return 0;
  luaL_checktype(L, arg, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, arg)) {
    const char *name = key_name(L, arg);
    if (strcmp(name, "sentences") == 0) opts->max_sentences = opt_count(L, arg, name);
    else if (strcmp(name, "ratio") == 0) opts->ratio = opt_number(L, arg, name);
    else if (strcmp(name, "words") == 0) opts->max_words = opt_count(L, arg, name);
    else if (strcmp(name, "max_input_bytes") == 0) opts->max_input_bytes = opt_count(L, arg, name);
    else if (strcmp(name, "threads") == 0) {
      size_t n = opt_count(L, arg, name);
      opts->threads = n > PRECIS_DEFAULT_THREADS ? PRECIS_DEFAULT_THREADS : (unsigned)n;
    }
    else if (strcmp(name, "strict_utf8") == 0)
      opts->utf8_policy = opt_bool(L, arg, name) ? PRECIS_UTF8_STRICT : PRECIS_UTF8_REPLACE;
    else if (strcmp(name, "format") == 0) opts->input_format = opt_format(L, arg);
    else if (strcmp(name, "mojibake") == 0) opts->repair_mojibake = opt_bool(L, arg, name);
    else if (strcmp(name, "unwrap") == 0) opts->unwrap_lines = opt_bool(L, arg, name);
    else if (strcmp(name, "boilerplate") == 0) opts->drop_boilerplate = opt_bool(L, arg, name);
    else if (strcmp(name, "weights") == 0) read_weights(L, arg, &opts->weights);
    else if (flags && strcmp(name, "explain") == 0)
      *flags = opt_bool(L, arg, name) ? *flags | PRECIS_RENDER_EXPLAIN : *flags & ~PRECIS_RENDER_EXPLAIN;
    else if (flags && strcmp(name, "sources") == 0)
      *flags = opt_bool(L, arg, name) ? *flags & ~PRECIS_RENDER_NO_SOURCES : *flags | PRECIS_RENDER_NO_SOURCES;
    else if (flags && strcmp(name, "compact") == 0)
      *flags = opt_bool(L, arg, name) ? *flags | PRECIS_RENDER_COMPACT : *flags & ~PRECIS_RENDER_COMPACT;
    else if (flags && strcmp(name, "positions") == 0)
      *flags = opt_bool(L, arg, name) ? *flags | PRECIS_RENDER_POSITIONS : *flags & ~PRECIS_RENDER_POSITIONS;
    else luaL_argerror(L, arg, lua_pushfstring(L, "unknown option '%s'", name));
    lua_pop(L, 1);
  }
  return 1;
}

/* ---- results as tables -------------------------------------------------- */

static void set_int(lua_State *L, const char *key, size_t v) {
  lua_pushinteger(L, (lua_Integer)v);
  lua_setfield(L, -2, key);
}

static void set_str(lua_State *L, const char *key, const char *s) {
  lua_pushstring(L, s);
  lua_setfield(L, -2, key);
}

/* C [start, end) 0-based becomes Lua start..stop 1-based inclusive. */
static void set_span(lua_State *L, const precis_span *sp) {
  set_int(L, "start", sp->start + 1);
  set_int(L, "stop", sp->end);
  set_int(L, "line", sp->line);
  set_int(L, "col", sp->column);
  set_int(L, "end_line", sp->end_line);
  set_int(L, "end_col", sp->end_column);
}

static void push_strings(lua_State *L, const char *const *list, size_t n) {
  lua_createtable(L, n > 0x7fffffff ? 0 : (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, list[i] ? list[i] : "");
    lua_rawseti(L, -2, (int)(i + 1));
  }
}

static void push_sources(lua_State *L, const precis_result *r) {
  lua_createtable(L, (int)r->n_sources, 0);
  for (size_t i = 0; i < r->n_sources; i++) {
    const precis_source *src = &r->sources[i];
    lua_createtable(L, 0, 6);
    set_int(L, "id", src->id);
    set_str(L, "name", src->name ? src->name : "");
    set_str(L, "kind", precis_source_kind_name(src->kind));
    push_strings(L, src->urls, src->n_urls);
    lua_setfield(L, -2, "urls");
    push_strings(L, src->titles, src->n_urls);
    lua_setfield(L, -2, "titles");
    lua_createtable(L, (int)src->n_mentions, 0);
    for (size_t m = 0; m < src->n_mentions; m++) {
      lua_createtable(L, 0, 6);
      set_span(L, &src->mentions[m].span);
      lua_rawseti(L, -2, (int)(m + 1));
    }
    lua_setfield(L, -2, "mentions");
    lua_rawseti(L, -2, (int)(i + 1));
  }
}

static void push_sentence(lua_State *L, const precis_result *r, const precis_sentence *s) {
  lua_createtable(L, 0, 14);
  lua_pushlstring(L, s->text ? s->text : "", s->text ? s->text_len : 0);
  lua_setfield(L, -2, "text");
  set_span(L, &s->span);
  set_int(L, "index", s->index + 1);
  set_int(L, "paragraph", s->paragraph + 1);
  lua_pushnumber(L, (lua_Number)s->score);
  lua_setfield(L, -2, "score");
  lua_pushboolean(L, s->selected);
  lua_setfield(L, -2, "selected");
  lua_createtable(L, 0, PRECIS_FEATURE_COUNT);
  for (size_t f = 0; f < s->n_features && s->features; f++) {
    const char *name = precis_feature_name((precis_feature)f);
    if (!name) continue;
    lua_pushnumber(L, (lua_Number)s->features[f]);
    lua_setfield(L, -2, name);
  }
  lua_setfield(L, -2, "features");
  lua_createtable(L, (int)s->n_sources, 0);
  for (size_t k = 0; k < s->n_sources; k++) {
    size_t at = s->sources[k];
    lua_pushinteger(L, (lua_Integer)(at < r->n_sources ? r->sources[at].id : at + 1));
    lua_rawseti(L, -2, (int)(k + 1));
  }
  lua_setfield(L, -2, "sources");
}

static void push_result(lua_State *L, const precis_result *r) {
  lua_createtable(L, 0, 6);
  if (r->title) {
    set_str(L, "title", r->title);
    lua_createtable(L, 0, 6);
    set_span(L, &r->title_span);
    lua_setfield(L, -2, "title_span");
  }
  lua_createtable(L, (int)r->n_sentences, 0);
  for (size_t i = 0; i < r->n_sentences; i++) {
    push_sentence(L, r, &r->sentences[i]);
    lua_rawseti(L, -2, (int)(i + 1));
  }
  lua_setfield(L, -2, "sentences");
  push_sources(L, r);
  lua_setfield(L, -2, "sources");
  set_int(L, "total_sentences", r->total_sentences);
  set_int(L, "total_words", r->total_words);
}

/* ---- running an operation ----------------------------------------------- */

typedef enum op { OP_SUMMARIZE, OP_ANALYZE, OP_SPLIT, OP_SOURCES, OP_RENDER } op;

static const char *status_code(precis_status st) {
  switch (st) {
  case PRECIS_OK: return "ok";
  case PRECIS_ERR_NOMEM: return "nomem";
  case PRECIS_ERR_INVALID_ARGUMENT: return "invalid_argument";
  case PRECIS_ERR_INVALID_UTF8: return "invalid_utf8";
  case PRECIS_ERR_BINARY: return "binary";
  case PRECIS_ERR_TOO_LARGE: return "too_large";
  case PRECIS_ERR_EMPTY: return "empty";
  case PRECIS_ERR_IO: return "io";
  }
  return "unknown";
}

/* Bad data is a value, not an error: nil, message, code. */
static int push_failure(lua_State *L, precis_status st, const char *msg) {
  lua_pushnil(L);
  lua_pushstring(L, msg && *msg ? msg : precis_strerror(st));
  lua_pushstring(L, status_code(st));
  return 3;
}

static handle *check_handle(lua_State *L) {
  handle *h = (handle *)luaL_checkudata(L, 1, HANDLE_META);
  if (!h->p) luaL_error(L, "attempt to use a closed precis handle");
  return h;
}

static const char *const render_names[] = {"text", "markdown", "json", NULL};
static const precis_format render_values[] = {PRECIS_FORMAT_TEXT, PRECIS_FORMAT_MARKDOWN,
                                              PRECIS_FORMAT_JSON};

/* Runs `what` on the text at argument base+1 with the options at base+2 (base+3
 * for render, after the format), on the handle at 1 when `base` is 1, else on
 * a temporary engine. Per-call options on a handle apply to that call only. */
static int run(lua_State *L, op what, int base) {
  handle *h = base ? check_handle(L) : NULL;
  size_t len;
  const char *text = check_text(L, base + 1, &len);
  int fmt_arg = base + 2, opt_arg = what == OP_RENDER ? base + 3 : base + 2;
  precis_format fmt =
      what == OP_RENDER ? render_values[luaL_checkoption(L, fmt_arg, NULL, render_names)]
                        : PRECIS_FORMAT_TEXT;
  precis_options opts, saved;
  unsigned flags = 0;
  if (h) saved = opts = *precis_get_options(h->p);
  else precis_options_init(&opts);
  int has_opts = read_options(L, opt_arg, &opts, what == OP_RENDER ? &flags : NULL);

  scratch *s = push_scratch(L);
  precis *p = h ? h->p : (s->own = precis_new(NULL));
  if (!p) return luaL_error(L, "precis: out of memory");
  if (!h || has_opts) {
    if (precis_set_options(p, &opts) != PRECIS_OK) luaL_argerror(L, opt_arg, precis_errmsg(p));
  }
  precis_status st;
  switch (what) {
  case OP_ANALYZE: st = precis_analyze(p, text, len, &s->result); break;
  case OP_SPLIT: st = precis_split(p, text, len, &s->result); break;
  default: st = precis_summarize(p, text, len, &s->result); break;
  }
  if (h && has_opts) (void)precis_set_options(p, &saved);
  if (st == PRECIS_ERR_INVALID_ARGUMENT) return luaL_error(L, "precis: %s", precis_errmsg(p));
  if (st != PRECIS_OK) {
    int n = push_failure(L, st, precis_errmsg(p));
    scratch_release(s);
    return n;
  }
  if (what == OP_RENDER) {
    st = precis_render(s->result, fmt, flags, scratch_write, s);
    if (st != PRECIS_OK) {
      int n = push_failure(L, st, st == PRECIS_ERR_IO ? "out of memory while rendering" : NULL);
      scratch_release(s);
      return n;
    }
    lua_pushlstring(L, s->buf ? s->buf : "", s->len);
  } else if (what == OP_SOURCES) {
    push_sources(L, s->result);
  } else {
    push_result(L, s->result);
  }
  scratch_release(s);
  return 1;
}

static int l_summarize(lua_State *L) { return run(L, OP_SUMMARIZE, 0); }
static int l_analyze(lua_State *L) { return run(L, OP_ANALYZE, 0); }
static int l_split(lua_State *L) { return run(L, OP_SPLIT, 0); }
static int l_sources(lua_State *L) { return run(L, OP_SOURCES, 0); }
static int l_render(lua_State *L) { return run(L, OP_RENDER, 0); }
static int m_summarize(lua_State *L) { return run(L, OP_SUMMARIZE, 1); }
static int m_analyze(lua_State *L) { return run(L, OP_ANALYZE, 1); }
static int m_split(lua_State *L) { return run(L, OP_SPLIT, 1); }
static int m_sources(lua_State *L) { return run(L, OP_SOURCES, 1); }
static int m_render(lua_State *L) { return run(L, OP_RENDER, 1); }

static int l_version(lua_State *L) {
  lua_pushstring(L, precis_version());
  return 1;
}

/* ---- handles ------------------------------------------------------------ */

static int l_new(lua_State *L) {
  precis_options opts;
  precis_options_init(&opts);
  read_options(L, 1, &opts, NULL);
  handle *h = (handle *)lua_newuserdata(L, sizeof *h);
  h->p = NULL;
  luaL_setmetatable(L, HANDLE_META);
  h->p = precis_new(NULL);
  if (!h->p) return luaL_error(L, "precis: out of memory");
  if (precis_set_options(h->p, &opts) != PRECIS_OK) luaL_argerror(L, 1, precis_errmsg(h->p));
  return 1;
}

static int m_close(lua_State *L) {
  handle *h = (handle *)luaL_checkudata(L, 1, HANDLE_META);
  precis_free(h->p);
  h->p = NULL;
  return 0;
}

static int m_tostring(lua_State *L) {
  handle *h = (handle *)luaL_checkudata(L, 1, HANDLE_META);
  if (h->p) lua_pushfstring(L, "precis.handle (%p)", (void *)h);
  else lua_pushliteral(L, "precis.handle (closed)");
  return 1;
}

static const luaL_Reg handle_methods[] = {
    {"summarize", m_summarize}, {"analyze", m_analyze}, {"split", m_split},
    {"sources", m_sources},     {"render", m_render},   {"close", m_close},
    {NULL, NULL}};

static const luaL_Reg handle_meta[] = {{"__gc", m_close},
#if LUA_VERSION_NUM >= 504
                                       {"__close", m_close},
#endif
                                       {"__tostring", m_tostring},
                                       {NULL, NULL}};

static const luaL_Reg module_functions[] = {
    {"summarize", l_summarize}, {"analyze", l_analyze}, {"split", l_split},
    {"sources", l_sources},     {"render", l_render},   {"new", l_new},
    {"version", l_version},     {NULL, NULL}};

PRECIS_LUA_EXPORT int luaopen_precis(lua_State *L);

int luaopen_precis(lua_State *L) {
  luaL_newmetatable(L, SCRATCH_META);
  lua_pushcfunction(L, scratch_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);

  luaL_newmetatable(L, HANDLE_META);
  luaL_setfuncs(L, handle_meta, 0);
  luaL_newlib(L, handle_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);

  luaL_newlib(L, module_functions);
  set_str(L, "_VERSION", precis_version());
  set_str(L, "_LUA", PRECIS_LUA_NAME);
  return 1;
}
