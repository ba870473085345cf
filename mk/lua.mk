# Lua binding: bindings/lua/precis.c becomes $(BUILD)/lua/<pkg>/precis.so for
# every Lua that pkg-config knows (lua5.4 for scripts, luajit for Neovim,
# lua5.2 for Debian's Vim, lua5.3/lua5.1 when present). The core is linked in
# statically with its symbols hidden; liblua is not linked, the host provides it.
#   make lua                         every Lua found
#   make lua LUA_PKG=luajit          one pkg-config name
#   make lua LUA_INCDIR=/inc/dir     luarocks: headers given, module in $(BUILD)/lua/rock/
#   make test-lua                    busted under each interpreter, then luacheck
LUA_CANDIDATES := lua5.4 luajit lua5.2 lua5.3 lua5.1
LUA_FOUND := $(foreach p,$(LUA_CANDIDATES),$(if $(shell $(PKG_CONFIG) --exists $(p) && echo y),$(p)))
LUA_PKGS := $(if $(LUA_INCDIR),rock,$(if $(LUA_PKG),$(LUA_PKG),$(LUA_FOUND)))
LUA_MODULES := $(LUA_PKGS:%=$(BUILD)/lua/%/precis.so)

# Lua's headers count as system headers so our warning flags judge only our code.
lua_cflags = $(patsubst -I%,-isystem %,$(if $(filter rock,$1),-I$(LUA_INCDIR),$(shell $(PKG_CONFIG) --cflags $1)))

BUSTED   ?= busted
LUACHECK ?= luacheck
# The interpreters the specs run under, when installed (lua5.2 only if present).
LUA_TEST_PKGS ?= $(filter lua5.4 luajit lua5.2,$(LUA_PKGS))

.PHONY: lua test-lua lua-install
all: lua
test: test-lua
lua: $(LUA_MODULES)
.PRECIOUS: $(BUILD)/lua/%/precis.o

$(BUILD)/lua/%/precis.o: bindings/lua/precis.c bindings/lua/compat.h core/include/precis.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(call lua_cflags,$*) -fPIC -fvisibility=hidden -c $< -o $@

$(BUILD)/lua/%/precis.so: $(BUILD)/lua/%/precis.o $(LIB_A)
	$(CC) -shared $(LDFLAGS_ALL) -Wl,--exclude-libs,ALL -o $@ $< $(LIB_A) $(LIB_LIBS)

# A sanitizer-instrumented module cannot load into a plain interpreter, so
# SAN builds skip this. luacheck skips a .rockspec named on its command line,
# so it reads that one from stdin.
test-lua: lua
	@if [ -n "$(SAN)" ]; then echo "test-lua: skipped under SAN=$(SAN)"; exit 0; fi; \
	set -e; for pkg in $(LUA_TEST_PKGS); do \
	  if ! command -v $$pkg >/dev/null 2>&1; then echo "test-lua: no $$pkg interpreter, skipped"; continue; fi; \
	  echo "test-lua: busted under $$pkg"; \
	  PRECIS_SHARED="$(SHARED)" PRECIS_LUA_EXPECT="$$pkg" \
	    $(BUSTED) --lua=$$pkg --cpath="$(BUILD)/lua/$$pkg/?.so" tests/lua; \
	done
	@if command -v $(LUACHECK) >/dev/null 2>&1; then \
	  $(LUACHECK) --no-color --config tests/lua/.luacheckrc tests/lua && \
	  $(LUACHECK) --no-color --config tests/lua/.luacheckrc --filename bindings/lua/precis-scm-1.rockspec - \
	    < bindings/lua/precis-scm-1.rockspec; \
	else echo "test-lua: no luacheck, skipped"; fi

# luarocks' "make" build: install the one module built for its Lua.
lua-install: lua
	@test -n "$(INST_LIBDIR)" || { echo "lua-install: set INST_LIBDIR"; exit 1; }
	mkdir -p "$(INST_LIBDIR)"
	cp $(firstword $(LUA_MODULES)) "$(INST_LIBDIR)/precis.so"
