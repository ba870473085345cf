-- precis-scm-1.rockspec - builds the Lua module with the project's Makefile
-- (`make lua LUA_INCDIR=...`) and installs the one precis.so it produces.
rockspec_format = "3.0"
package = "precis"
version = "scm-1"
source = {
   -- Placeholder until the project has a public home; `luarocks make` from a
   -- checkout uses the working tree and ignores it.
   url = "git+https://example.invalid/precis.git",
}
description = {
   summary = "Offline extractive summaries with source positions",
   detailed = [[
The precis C library as a Lua module: the most informative sentences of a text,
each with its byte range and line/column in the original string, plus the
sources the text cites. Works with Lua 5.1 to 5.4 and LuaJIT.
]],
}
dependencies = {
   "lua >= 5.1, < 5.5",
}
external_dependencies = {
   UTF8PROC = { header = "utf8proc.h", library = "utf8proc" },
   CJSON = { header = "cjson/cJSON.h", library = "cjson" },
}
build = {
   type = "make",
   makefile = "Makefile",
   build_target = "lua",
   build_variables = {
      LUA_INCDIR = "$(LUA_INCDIR)",
      BUILD = "build-rock",
   },
   install_target = "lua-install",
   install_variables = {
      LUA_INCDIR = "$(LUA_INCDIR)",
      BUILD = "build-rock",
      INST_LIBDIR = "$(LIBDIR)",
   },
}
