/* Command-line options: argv -> cli_config, and the --help text. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: precis [OPTIONS] [FILE|DIR...]     summarize (stdin when none)\n"
    "       precis split [OPTIONS] [FILE...]    every sentence, one per line\n"
    "       precis sources [OPTIONS] [FILE...]  the sources a text cites\n"
    "       precis --merge [OPTIONS] FILE...    one summary of articles on one story\n"
    "       precis --jsonl [OPTIONS] [FILE...]  JSON Lines: one {\"id\",\"text\"} per line\n"
    "                                           in, one result per line out\n"
    "\n"
    "A DIR is searched recursively for .txt, .text, .md and .markdown files.\n"
    "\n"
    "Summary length:\n"
    "  -n, --sentences=N      at most N sentences (default 5; 8 with --merge)\n"
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
    "      --max-bytes=N      skip inputs larger than N bytes (K, M, G suffixes)\n"
    "Many documents:\n"
    "  -j, --jobs=N           N threads (default 1; 0 = one per CPU); output keeps\n"
    "                         the input order\n"
    "      --threads=N        threads for one long document (default 2, the most\n"
    "                         it uses; 1 = one); with -j above 1, each is one\n"
    "      --jsonl            JSON Lines in (stdin or FILEs) and out\n"
    "      --merge            one summary of all inputs, each sentence citing the\n"
    "                         documents it comes from\n"
    "      --progress         always show progress on stderr\n"
    "      --no-progress      never show progress (default: when stderr is a\n"
    "                         terminal and the work takes a while)\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 ok, 1 an input could not be processed (the others still are),\n"
    "2 usage error.\n";

enum long_only {
  OPT_JSON = 256, OPT_ALL, OPT_EXPLAIN, OPT_POSITIONS, OPT_NO_SOURCES, OPT_INPUT,
  OPT_STRICT_UTF8, OPT_NO_MOJIBAKE, OPT_NO_UNWRAP, OPT_KEEP_BOILERPLATE, OPT_MAX_BYTES,
  OPT_JSONL, OPT_MERGE, OPT_PROGRESS, OPT_NO_PROGRESS, OPT_THREADS
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
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"jobs", required_argument, NULL, 'j'},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"merge", no_argument, NULL, OPT_MERGE},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
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

/* A byte count with an optional K, M or G (powers of 1024). */
static int parse_bytes(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || s[0] == '-') return -1;
  unsigned shift = 0;
  if (*end == 'K' || *end == 'k') shift = 10;
  else if (*end == 'M' || *end == 'm') shift = 20;
  else if (*end == 'G' || *end == 'g') shift = 30;
  if (shift) end++;
  if (*end || v == 0 || v > (~0ULL >> shift)) return -1;
  *out = (size_t)(v << shift);
  return 0;
}

/* The option getopt_long() stopped at, as the user wrote it. */
static const char *offending(char **argv, char flag[3]) {
  const char *arg = optind > 0 ? argv[optind - 1] : "";
  if (strncmp(arg, "--", 2) == 0 || optopt <= 0 || optopt >= 256) return arg;
  flag[0] = '-';
  flag[1] = (char)optopt;
  flag[2] = '\0';
  return flag;
}

int cli_parse_args(int argc, char **argv, cli_config *cfg) {
  memset(cfg, 0, sizeof *cfg);
  precis_options_init(&cfg->opts);
  cfg->format = PRECIS_FORMAT_TEXT;
  cfg->jobs = 1;
  cfg->progress = -1;
  cfg->recursive = 1;
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "split") == 0) { cfg->command = CLI_SPLIT; first = 2; }
  else if (argc > 1 && strcmp(argv[1], "sources") == 0) { cfg->command = CLI_SOURCES; first = 2; }
  argv[first - 1] = argv[0];
  argc -= first - 1;
  argv += first - 1;
  int c;
  char flag[3];
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":n:r:w:f:j:hV", long_options, NULL)) != -1) {
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
    case 'j': {
      size_t n;
      if (parse_size(optarg, &n) || n > CLI_MAX_JOBS)
        return usage_error("--jobs needs a whole number from 0 to 256, not '%s'", optarg);
      cfg->jobs = (int)n;
      break;
    }
    case OPT_THREADS: {
      size_t n;
      if (parse_size(optarg, &n) || n == 0 || n > CLI_MAX_JOBS)
        return usage_error("--threads needs a whole number from 1 to 256, not '%s'", optarg);
      cfg->opts.threads = (unsigned)n;
      break;
    }
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
    case OPT_MAX_BYTES:
      if (parse_bytes(optarg, &cfg->opts.max_input_bytes))
        return usage_error("--max-bytes needs a positive size such as 4096 or 10M, not '%s'",
                           optarg);
      break;
    case OPT_JSONL: cfg->jsonl = 1; break;
    case OPT_MERGE: cfg->merge = 1; break;
    case OPT_PROGRESS: cfg->progress = 1; break;
    case OPT_NO_PROGRESS: cfg->progress = 0; break;
    case 'h': fputs(usage_text, stdout); return CLI_EXIT_OK;
    case 'V': printf("precis %s\n", precis_version()); return CLI_EXIT_OK;
    case ':': return usage_error("option '%s' needs a value", offending(argv, flag));
    default: return usage_error("unknown option '%s'", offending(argv, flag));
    }
  }
  if (cfg->merge && cfg->command != CLI_SUMMARIZE)
    return usage_error("--merge only summarizes%s", "");
  cfg->inputs = argv + optind;
  cfg->n_inputs = argc - optind;
  return -1;
}
