# `make bench`: precis throughput and peak memory on generated corpora of
# 1, 10 and 100 MB, growth ratios, ots on the 1 MB file, -j 1 vs -j 2 on a
# batch of files, and the Lua module on a 1 MB buffer when it is built.
# Prints numbers against the targets; never fails on timing.
# BENCH_SIZES="1 10" limits the sizes (MB).
BENCH_TOOLS := $(BUILD)/tools/gencorpus $(BUILD)/tools/runstat
BENCH_SIZES ?= 1 10 100

$(BUILD)/tools/%: tools/bench/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(DEPS_LIBS)

.PHONY: bench
bench: all $(BENCH_TOOLS)
	BUILD=$(BUILD) SHARED=$(SHARED) BENCH_SIZES="$(BENCH_SIZES)" bash tools/bench/bench.sh
