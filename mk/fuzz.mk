# Fuzz targets (tests/fuzz/fuzz_*.c). Each builds two ways:
#  - a replay program (plain cc) that `make test` runs over the saved corpus,
#    the seeds and the samples;
#  - a libFuzzer binary (clang, ASan+UBSan) for `make fuzz FUZZ_SECONDS=N`.
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_REPLAY  := $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_EXTRA_OBJ = $(if $(filter jsonl,$*),$(CLI_OBJ_NOMAIN))

# The CLI objects without main(), for targets that fuzz CLI readers.
CLI_OBJ_NOMAIN = $(filter-out $(BUILD)/obj/cli/main.o,$(CLI_OBJ))

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_A) $(CLI_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS_ALL) -Icli $(LDFLAGS_ALL) -o $@ $< tests/fuzz/replay.c $(FUZZ_EXTRA_OBJ) $(LIB_A) $(LIB_LIBS)

.PHONY: test-fuzz-replay fuzz fuzz-build
test: test-fuzz-replay
test-fuzz-replay: $(FUZZ_REPLAY)
	@set -e; for n in $(FUZZ_NAMES); do \
	  $(TEST_WRAPPER) $(BUILD)/fuzz/replay_$$n tests/fuzz/corpus/$$n samples \
	    $$( [ -d $(SHARED)/seeds ] && echo $(SHARED)/seeds || echo ); \
	done
	@[ -d $(SHARED)/seeds ] || echo "fuzz replay: $(SHARED)/seeds absent, replayed the saved corpus only"

# libFuzzer binaries: the core compiled with coverage and sanitizers.
fuzz-build:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize=fuzzer-no-link" lib cli
	@set -e; for n in $(FUZZ_NAMES); do \
	  extra=""; [ $$n = jsonl ] && extra="$$(ls $(FUZZ_BUILD)/obj/cli/*.o | grep -v /main.o)"; \
	  clang $(CFLAGS_ALL) -Icli -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $(FUZZ_BUILD)/fuzz_$$n tests/fuzz/fuzz_$$n.c $$extra $(FUZZ_BUILD)/libprecis.a $(LIB_LIBS); \
	done

# Runs every target for FUZZ_SECONDS, growing tests/fuzz/work/<name>; prints
# executions per target. Add new finds to the saved corpus with
#   $(FUZZ_BUILD)/fuzz_NAME -merge=1 tests/fuzz/corpus/NAME tests/fuzz/work/NAME
fuzz: fuzz-build
	@set -e; for n in $(FUZZ_NAMES); do \
	  mkdir -p tests/fuzz/work/$$n; \
	  echo "== fuzz_$$n for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
	    tests/fuzz/work/$$n tests/fuzz/corpus/$$n 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash" || true; \
	done
