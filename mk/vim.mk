# Vim and Neovim plugin (plugins/vim): headless tests in Neovim and Vim, each
# with the native Lua backend and with the CLI backend forced, then luacheck
# over the plugin's Lua.
#   make test-vim          needs the CLI and the Lua modules, so builds both
LUACHECK ?= luacheck

.PHONY: test-vim
test: test-vim

# A sanitizer-instrumented module cannot load into a plain editor.
test-vim: all $(if $(wildcard mk/lua.mk),lua)
	@if [ -n "$(SAN)" ]; then echo "test-vim: skipped under SAN=$(SAN)"; exit 0; fi; \
	BUILD="$(BUILD)" SHARED="$(SHARED)" sh tests/vim/run.sh
	@if command -v $(LUACHECK) >/dev/null 2>&1; then \
	  $(LUACHECK) --no-color --globals vim jit -- plugins/vim/lua; \
	else echo "test-vim: no luacheck, skipped"; fi
