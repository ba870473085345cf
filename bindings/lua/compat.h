/* compat.h - the few Lua C API differences between Lua 5.1/LuaJIT and 5.2-5.4
 * that the precis module meets, papered over so precis.c reads as Lua 5.4. */
#ifndef PRECIS_LUA_COMPAT_H
#define PRECIS_LUA_COMPAT_H

#include <lauxlib.h>
#include <lua.h>

/* LuaJIT is detected by its header, which only its include directory has. */
#if LUA_VERSION_NUM == 501 && defined(__has_include)
#  if __has_include(<luajit.h>)
#    include <luajit.h>
#  endif
#endif

#ifdef LUAJIT_VERSION
#  define PRECIS_LUA_NAME LUAJIT_VERSION
#else
#  define PRECIS_LUA_NAME LUA_VERSION
#endif

#if LUA_VERSION_NUM == 501
#  ifndef LUAJIT_VERSION /* LuaJIT 2.1 has these 5.2 functions already */
static void precis_compat_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  luaL_checkstack(L, nup, "too many upvalues");
  for (; l->name; l++) {
    for (int i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#    define luaL_setfuncs precis_compat_setfuncs
#    define luaL_setmetatable(L, name) (luaL_getmetatable((L), (name)), lua_setmetatable((L), -2))
#  endif
#  ifndef luaL_newlib
#    define luaL_newlib(L, l) (lua_newtable(L), luaL_setfuncs((L), (l), 0))
#  endif
#endif

#endif /* PRECIS_LUA_COMPAT_H */
