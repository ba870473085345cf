-- precis.native: loads the compiled precis module built for this editor's Lua
-- and turns its results into the plugin's plain shape. Shared by Neovim
-- (LuaJIT) and Vim (+lua); in Vim the result is built from vim.dict/vim.list
-- because Vim's luaeval() cannot return plain tables.
local M = {}

local loaded = { path = nil, mod = nil, reason = nil }
local in_vim = vim ~= nil and vim.dict ~= nil and vim.api == nil

-- The pkg-config name the module directories use for this Lua.
function M.pkg()
  if jit then return "luajit" end
  return "lua" .. (_VERSION:match("%d+%.%d+") or "")
end

-- What the module must report in precis._LUA to be safe in this Lua.
local function compatible(reported)
  if type(reported) ~= "string" then return false end
  if jit then
    -- LuaJIT 2.x keeps one ABI; Neovim may bundle a newer 2.1 than the headers.
    return reported:match("^LuaJIT 2%.") ~= nil
  end
  return reported == _VERSION
end

-- Tries each candidate path in turn; the first that loads and reports this
-- Lua wins. Returns a table {ok, path, lua, version, reason}.
local function try_load(paths)
  local reasons = {}
  for _, path in ipairs(paths) do
    local f = io.open(path, "rb")
    if f then
      f:close()
      local ok, opener, err = pcall(package.loadlib, path, "luaopen_precis")
      if not ok or not opener then
        reasons[#reasons + 1] = path .. ": " .. tostring(ok and err or opener)
      else
        local ok2, mod = pcall(opener)
        if not ok2 or type(mod) ~= "table" then
          reasons[#reasons + 1] = path .. ": " .. tostring(mod)
        elseif not compatible(mod._LUA) then
          reasons[#reasons + 1] = ("%s: built for %s, this editor runs %s"):format(
            path, tostring(mod._LUA), jit and jit.version or _VERSION)
        else
          loaded.path, loaded.mod, loaded.reason = path, mod, nil
          return true
        end
      end
    end
  end
  loaded.path, loaded.mod = nil, nil
  loaded.reason = #reasons > 0 and table.concat(reasons, "; ")
    or ("no precis.so for " .. M.pkg() .. " in " .. table.concat(paths, ", "))
  return false
end

local function list_of(l)
  if not in_vim then return l end
  local t = {}
  for i = 1, #l do t[i] = l[i] end
  return t
end

local function export(v)
  if not in_vim or type(v) ~= "table" then return v end
  local n = 0
  for _ in pairs(v) do n = n + 1 end
  if n == #v then
    local t = {}
    for i = 1, #v do t[i] = export(v[i]) end
    return vim.list(t)
  end
  local t = {}
  for k, x in pairs(v) do t[k] = export(x) end
  return vim.dict(t)
end

-- Loads (once per path list) and reports the state.
function M.load(paths)
  paths = list_of(paths)
  local key = table.concat(paths, "\n")
  if loaded.key ~= key then
    loaded.key = key
    try_load(paths)
  end
  return export({
    ok = loaded.mod ~= nil,
    path = loaded.path or "",
    lua = loaded.mod and loaded.mod._LUA or "",
    version = loaded.mod and loaded.mod.version() or "",
    reason = loaded.reason or "",
    pkg = M.pkg(),
  })
end

local function span(s)
  return { line = s.line, col = s.col, end_line = s.end_line, end_col = s.end_col }
end

local function shape(r)
  local out = { title = r.title or "", total_sentences = r.total_sentences,
                sentences = {}, sources = {} }
  for _, s in ipairs(r.sentences) do
    local ids = {}
    for _, id in ipairs(s.sources or {}) do ids[#ids + 1] = id end
    out.sentences[#out.sentences + 1] = {
      index = s.index, paragraph = s.paragraph, text = s.text, score = s.score,
      line = s.line, col = s.col, end_line = s.end_line, end_col = s.end_col,
      sources = ids,
    }
  end
  for _, src in ipairs(r.sources or {}) do
    local mentions = {}
    for _, m in ipairs(src.mentions or {}) do mentions[#mentions + 1] = span(m) end
    local urls, titles = {}, {}
    for i, u in ipairs(src.urls or {}) do
      urls[i] = u
      titles[i] = (src.titles or {})[i] or ""
    end
    out.sources[#out.sources + 1] = {
      id = src.id, name = src.name, kind = src.kind,
      urls = urls, titles = titles, mentions = mentions,
    }
  end
  return out
end

-- args = [lines, opts]: the buffer lines (a NUL inside a line arrives as
-- "\n", the editors' convention) and {sentences, ratio, words, format}.
function M.summarize(args)
  if not loaded.mod then
    return export({ error = "precis: the native module is not loaded", code = "backend" })
  end
  local lines, opts = list_of(args[1]), args[2]
  local parts = {}
  for i, l in ipairs(lines) do parts[i] = (l:gsub("\n", "\0")) end
  local text = table.concat(parts, "\n") .. "\n"
  local o = {}
  if opts.ratio and opts.ratio > 0 then o.ratio = opts.ratio
  elseif opts.words and opts.words > 0 then o.words = opts.words
  else o.sentences = opts.sentences end
  if opts.format and opts.format ~= "" then o.format = opts.format end
  local ok, r, msg, code = pcall(loaded.mod.summarize, text, o)
  if not ok then return export({ error = "precis: " .. tostring(r), code = "error" }) end
  if not r then return export({ error = "precis: " .. tostring(msg), code = code or "error" }) end
  return export(shape(r))
end

return M
