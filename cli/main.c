/* precis(1): summarize, split or list the sources of texts. Uses only the
 * public header. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: precis [OPTIONS] [FILE...]        summarize (stdin when no FILE)\n"
    "       precis split [OPTIONS] [FILE...]  every sentence, one per line\n"
    "       precis sources [OPTIONS] [FILE...] the sources a text cites\n"
    "\n"
    "Summary length:\n"
    "  -n, --sentences=N      at most N sentences (default 5)\n"
    "  -r, --ratio=R          a fraction R (0..1] of the sentences\n"
    "  -w, --words=N          at most N words\n"
    "Output:\n"
    "  -f, --format=FMT       text (default), markdown or json\n"
    "      --json             same as --format=json\n"
    "      --all              every sentence with its score, summary marked\n"
    "      --explain          show each sentence's features and total score\n"
    "      --positions        prefix text output with line:column\n"
    "      --no-sources       leave out the sources list\n"
    "Input:\n"
    "      --input=FMT        auto (default), text or markdown\n"
    "      --strict-utf8      fail on invalid UTF-8 instead of replacing it\n"
    "      --no-mojibake      do not repair UTF-8 that was decoded as cp1252\n"
    "      --no-unwrap        do not rejoin hard-wrapped lines\n"
    "      --keep-boilerplate keep bylines, captions and widgets as prose\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 ok, 1 an input could not be processed, 2 usage error.\n";

enum long_only {
  OPT_JSON = 256, OPT_ALL, OPT_EXPLAIN, OPT_POSITIONS, OPT_NO_SOURCES, OPT_INPUT,
  OPT_STRICT_UTF8, OPT_NO_MOJIBAKE, OPT_NO_UNWRAP, OPT_KEEP_BOILERPLATE
};

static const struct option long_options[] = {
    {"sentences", required_argument, NULL, 'n'},
    {"ratio", required_argument, NULL, 'r'},
    {"words", required_argument, NULL, 'w'},
    {"format", required_argument, NULL, 'f'},
    {"json", no_argument, NULL, OPT_JSON},
    {"all", no_argument, NULL, OPT_ALL},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"positions", no_argument, NULL, OPT_POSITIONS},
    {"no-sources", no_argument, NULL, OPT_NO_SOURCES},
    {"input", required_argument, NULL, OPT_INPUT},
    {"strict-utf8", no_argument, NULL, OPT_STRICT_UTF8},
    {"no-mojibake", no_argument, NULL, OPT_NO_MOJIBAKE},
    {"no-unwrap", no_argument, NULL, OPT_NO_UNWRAP},
    {"keep-boilerplate", no_argument, NULL, OPT_KEEP_BOILERPLATE},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "precis: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'precis --help'.\n");
  return CLI_EXIT_USAGE;
}

static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || s[0] == '-') return -1;
  *out = (size_t)v;
  return 0;
}

/* Parses argv into cfg; returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, cli_config *cfg) {
  memset(cfg, 0, sizeof *cfg);
  precis_options_init(&cfg->opts);
  cfg->format = PRECIS_FORMAT_TEXT;
  cfg->jobs = 1;
  cfg->progress = -1;
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "split") == 0) { cfg->command = CLI_SPLIT; first = 2; }
  else if (argc > 1 && strcmp(argv[1], "sources") == 0) { cfg->command = CLI_SOURCES; first = 2; }
  argv[first - 1] = argv[0];
  argc -= first - 1;
  argv += first - 1;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":n:r:w:f:hV", long_options, NULL)) != -1) {
    switch (c) {
    case 'n':
      if (parse_size(optarg, &cfg->opts.max_sentences) || cfg->opts.max_sentences == 0)
        return usage_error("--sentences needs a positive whole number, not '%s'", optarg);
      break;
    case 'r': {
      char *end;
      double r = strtod(optarg, &end);
      if (end == optarg || *end || !(r > 0 && r <= 1))
        return usage_error("--ratio needs a number in (0, 1], not '%s'", optarg);
      cfg->opts.ratio = r;
      break;
    }
    case 'w':
      if (parse_size(optarg, &cfg->opts.max_words) || cfg->opts.max_words == 0)
        return usage_error("--words needs a positive whole number, not '%s'", optarg);
      break;
    case 'f':
      if (strcmp(optarg, "text") == 0) cfg->format = PRECIS_FORMAT_TEXT;
      else if (strcmp(optarg, "markdown") == 0 || strcmp(optarg, "md") == 0)
        cfg->format = PRECIS_FORMAT_MARKDOWN;
      else if (strcmp(optarg, "json") == 0) cfg->format = PRECIS_FORMAT_JSON;
      else return usage_error("unknown format '%s' (text, markdown or json)", optarg);
      break;
    case OPT_JSON: cfg->format = PRECIS_FORMAT_JSON; break;
    case OPT_ALL: cfg->analyze = 1; break;
    case OPT_EXPLAIN: cfg->render_flags |= PRECIS_RENDER_EXPLAIN; break;
    case OPT_POSITIONS: cfg->render_flags |= PRECIS_RENDER_POSITIONS; break;
    case OPT_NO_SOURCES: cfg->render_flags |= PRECIS_RENDER_NO_SOURCES; break;
    case OPT_INPUT:
      if (strcmp(optarg, "auto") == 0) cfg->opts.input_format = PRECIS_INPUT_AUTO;
      else if (strcmp(optarg, "text") == 0) cfg->opts.input_format = PRECIS_INPUT_TEXT;
      else if (strcmp(optarg, "markdown") == 0) cfg->opts.input_format = PRECIS_INPUT_MARKDOWN;
      else return usage_error("unknown input format '%s' (auto, text or markdown)", optarg);
      break;
    case OPT_STRICT_UTF8: cfg->opts.utf8_policy = PRECIS_UTF8_STRICT; break;
    case OPT_NO_MOJIBAKE: cfg->opts.repair_mojibake = 0; break;
    case OPT_NO_UNWRAP: cfg->opts.unwrap_lines = 0; break;
    case OPT_KEEP_BOILERPLATE: cfg->opts.drop_boilerplate = 0; break;
    case 'h': fputs(usage_text, stdout); return CLI_EXIT_OK;
    case 'V': printf("precis %s\n", precis_version()); return CLI_EXIT_OK;
    case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
    default: return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  cfg->inputs = argv + optind;
  cfg->n_inputs = argc - optind;
  return -1;
}

/* Processes one input; returns 0 or CLI_EXIT_INPUT after reporting. */
static int process_one(precis *p, const cli_config *cfg, const char *path, int with_header) {
  char *data = NULL;
  size_t len = 0;
  const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
  int err = cli_read_file(path, cfg->opts.max_input_bytes, &data, &len);
  if (err) {
    fprintf(stderr, "precis: %s: %s\n", name,
            err == EFBIG ? "file too large" : strerror(err));
    return CLI_EXIT_INPUT;
  }
  precis_result *result = NULL;
  precis_status st;
  if (cfg->command == CLI_SPLIT) st = precis_split(p, data, len, &result);
  else if (cfg->analyze) st = precis_analyze(p, data, len, &result);
  else st = precis_summarize(p, data, len, &result);
  free(data);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s: %s\n", name, precis_errmsg(p));
    return CLI_EXIT_INPUT;
  }
  if (with_header && cfg->format != PRECIS_FORMAT_JSON) printf("==> %s <==\n", name);
  unsigned flags = cfg->render_flags;
  if (cfg->command == CLI_SPLIT) flags |= PRECIS_RENDER_NO_SOURCES;
  if (cfg->command == CLI_SOURCES) {
    /* The sources alone: render a copy of the result without sentences. */
    precis_result view = *result;
    view.n_sentences = 0;
    view.title = NULL;
    st = precis_render(&view, cfg->format, flags, cli_write_stdio, stdout);
  } else {
    st = precis_render(result, cfg->format, flags, cli_write_stdio, stdout);
  }
  precis_result_free(result);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s: %s\n", name, precis_strerror(st));
    return CLI_EXIT_INPUT;
  }
  if (with_header && cfg->format != PRECIS_FORMAT_JSON) printf("\n");
  return 0;
}

int main(int argc, char **argv) {
  cli_config cfg;
  int rc = parse_args(argc, argv, &cfg);
  if (rc >= 0) return rc;
  precis *p = precis_new(&cfg.opts);
  if (!p) {
    fprintf(stderr, "precis: out of memory\n");
    return CLI_EXIT_INPUT;
  }
  if (precis_errmsg(p)[0]) {
    fprintf(stderr, "precis: %s\n", precis_errmsg(p));
    precis_free(p);
    return CLI_EXIT_USAGE;
  }
  int status = 0;
  if (cfg.n_inputs == 0) {
    status = process_one(p, &cfg, "-", 0);
  } else {
    for (int i = 0; i < cfg.n_inputs; i++)
      if (process_one(p, &cfg, cfg.inputs[i], cfg.n_inputs > 1)) status = CLI_EXIT_INPUT;
  }
  precis_free(p);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "precis: write error: %s\n", strerror(errno));
    status = CLI_EXIT_INPUT;
  }
  return status;
}
