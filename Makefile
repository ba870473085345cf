# precis - build, test, evaluate, benchmark.
#   make            static + shared library and the CLI in $(BUILD)/
#   make test       every test layer (C units, golden seeds, CLI, Lua, Vim)
#   make eval       ROUGE on ../shared/eval against Lead-3, sentence-boundary score
#   make bench      throughput and memory against ots
# BUILD=dir selects the output folder, CC=clang the compiler.

CC       ?= cc
BUILD    ?= build
SHARED   ?= ../shared
PKG_CONFIG ?= pkg-config
OPT      ?= -O2 -g
WERROR   ?= -Werror
WARNINGS := -Wall -Wextra -Wshadow -Wconversion $(WERROR)
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags libutf8proc libcjson)
DEPS_LIBS   := $(shell $(PKG_CONFIG) --libs libutf8proc libcjson)
# What a program linking the library needs besides it (threads: base/worker.c).
LIB_LIBS    := $(DEPS_LIBS) -lm -pthread
CFLAGS_ALL  := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARNINGS) $(SAN) \
               -Icore/include -Icore/src $(DEPS_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(SAN) $(LDFLAGS)

# `make V=1` shows the full commands.
Q := $(if $(V),,@)

SOVERSION := 0
VERSION   := 0.1.0

CORE_SRC := $(sort $(wildcard core/src/*.c core/src/*/*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)

LIB_A  := $(BUILD)/libprecis.a
LIB_SO := $(BUILD)/libprecis.so
CLI    := $(BUILD)/precis

.PHONY: all lib cli test clean
all: lib cli

# Every mk/*.mk adds its own layer with a line `test: test-<layer>`.
test: all

lib: $(LIB_A) $(LIB_SO)
cli: $(CLI)

$(BUILD)/obj/core/%.o: core/%.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -fvisibility=hidden -MMD -MP -c $< -o $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -MMD -MP -c $< -o $@

$(LIB_A): $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(LIB_SO): $(CORE_OBJ)
	$(CC) -shared -Wl,-soname,libprecis.so.$(SOVERSION) $(LDFLAGS_ALL) -o $(LIB_SO).$(VERSION) $^ $(LIB_LIBS)
	ln -sf libprecis.so.$(VERSION) $(LIB_SO).$(SOVERSION)
	ln -sf libprecis.so.$(VERSION) $(LIB_SO)

$(CLI): $(CLI_OBJ) $(LIB_A)
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB_A) $(LIB_LIBS)

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
-include mk/*.mk

clean:
	rm -rf $(BUILD) build-*
