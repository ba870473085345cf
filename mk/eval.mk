# Evaluation: `make eval` scores precis against Lead baselines with ROUGE
# (tools/eval, ROUGE-1.5.5 -m equivalent) on $(SHARED)/eval and checks the
# sentence splitter on the Golden Rules; `EVAL_FLAGS=--json` etc. pass options.
EVAL_ROUGE_SRC := tools/eval/rouge.c tools/eval/tokenize.c tools/eval/porter.c
EVAL_ROUGE_HDR := tools/eval/rouge.h tools/eval/tokenize.h tools/eval/porter.h
EVAL_ROUGE_OBJ := $(EVAL_ROUGE_SRC:%.c=$(BUILD)/obj/%.o)
EVAL_OBJ       := $(BUILD)/obj/tools/eval/eval.o $(BUILD)/obj/tools/eval/jsonl.o $(EVAL_ROUGE_OBJ)
EVAL_BIN       := $(BUILD)/precis-eval
EVAL_FLAGS     ?=

$(EVAL_BIN): $(EVAL_OBJ) $(LIB_A)
	$(CC) $(LDFLAGS_ALL) -o $@ $(EVAL_OBJ) $(LIB_A) $(LIB_LIBS)

# The ROUGE unit test needs the scorer's sources but not the library, so
# this explicit rule replaces mk/tests.mk's pattern rule for it.
$(BUILD)/tests/test_rouge: tests/unit/test_rouge.c tests/unit/harness.h $(EVAL_ROUGE_SRC) $(EVAL_ROUGE_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -Itools/eval $(LDFLAGS_ALL) -o $@ $< $(EVAL_ROUGE_SRC) -lm

.PHONY: eval
eval: $(EVAL_BIN)
	$(EVAL_BIN) --shared $(SHARED) $$(command -v ots >/dev/null && echo --ots) $(EVAL_FLAGS)

-include $(EVAL_OBJ:.o=.d)

# precis-eval's --half and std. error (tests/eval/run.sh; skips without $(SHARED)).
.PHONY: test-eval
test: test-eval
test-eval: $(EVAL_BIN)
	EVAL=$(EVAL_BIN) SHARED=$(SHARED) bash tests/eval/run.sh
