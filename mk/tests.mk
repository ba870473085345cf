# C unit tests: every tests/unit/test_*.c is one program linked with the
# static library (so it may use private headers from core/src).
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB_A)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS_ALL) -Itests/unit -DSHARED_DIR='"$(SHARED)"' $(LDFLAGS_ALL) -o $@ $< $(LIB_A) $(DEPS_LIBS) -lm -lpthread

.PHONY: test-unit
test: test-unit
test-unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do $(TEST_WRAPPER) $$t; done
