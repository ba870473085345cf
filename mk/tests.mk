# C unit tests: every tests/unit/test_*.c is one program linked with the
# static library (so it may use private headers from core/src).
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/unit -DSHARED_DIR='"$(SHARED)"' $(LDFLAGS_ALL) -o $@ $< $(LIB_A) $(LIB_LIBS)

.PHONY: test-unit
test: test-unit
# Every program runs even when one fails; the last line sums them up.
test-unit: $(UNIT_BIN)
	@ok=0; bad=0; for t in $(UNIT_BIN); do \
	  if $(TEST_WRAPPER) $$t; then ok=$$((ok + 1)); else bad=$$((bad + 1)); echo "FAILED: $$t"; fi; \
	done; echo "unit programs: $$ok passed, $$bad failed"; [ $$bad -eq 0 ]
