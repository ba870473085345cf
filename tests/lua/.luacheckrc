-- luacheck configuration for the Lua binding's specs (the rockspec gets
-- luacheck's own +rockspec std): code must run on every Lua the binding
-- builds for, 5.1/LuaJIT to 5.4.
std = "max"
max_line_length = 110
files["*_spec.lua"] = { std = "+busted" }
