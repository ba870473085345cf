-- support.lua - shared helpers for the precis Lua specs: sample texts,
-- line/column arithmetic on the original string, and the shared-data folder.
local support = {}

-- Plain prose, one sentence per entry, so the expected splits are known.
support.prose = {
  {
    name = "one paragraph",
    text = "The council approved the budget on Tuesday. Spending on schools rises by "
      .. "four percent next year. Critics said the plan ignores rising rents in the city.",
  },
  {
    name = "several paragraphs",
    text = "Rain fell across the north for a third day.\n\nRivers rose above warning "
      .. "levels in two towns. Officials opened emergency shelters near the river.\n\n"
      .. "Forecasters expect drier weather by the weekend.",
  },
  {
    name = "multibyte text",
    text = "Zoë Müller moved to Zürich in 2019. She opened a café near the lake. "
      .. "Its crêpes became famous across the canton.",
  },
  {
    name = "hard wrapped lines",
    text = "The minister arrived in the capital late on Monday\nfor talks with the "
      .. "prime minister. Both sides said\nthe meeting had gone well. A joint "
      .. "statement is\nexpected later this week.",
  },
}

-- Collapses runs of whitespace to one space and trims the ends.
function support.collapse(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- 1-based line and byte column of byte `pos` of `text`.
function support.line_col(text, pos)
  local line, line_start = 1, 1
  local at = text:find("\n", 1, true)
  while at and at < pos do
    line, line_start = line + 1, at + 1
    at = text:find("\n", at + 1, true)
  end
  return line, pos - line_start + 1
end

-- The folder with the seed articles, or nil when it is absent.
function support.shared_dir()
  local dir = os.getenv("PRECIS_SHARED") or "../shared"
  local f = io.open(dir .. "/README.md", "rb")
  if not f then return nil end
  f:close()
  return dir
end

function support.read(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

-- The seed files, sorted, as { name = ..., text = ... }; empty without shared/.
function support.seeds()
  local dir = support.shared_dir()
  local seeds = {}
  if not dir then return seeds end
  local pipe = io.popen('ls "' .. dir .. '/seeds" 2>/dev/null')
  local names = pipe:read("*a")
  pipe:close()
  for name in names:gmatch("[^\n]+") do
    if name:match("%.txt$") then
      seeds[#seeds + 1] = { name = name, text = support.read(dir .. "/seeds/" .. name) }
    end
  end
  table.sort(seeds, function(a, b) return a.name < b.name end)
  return seeds
end

return support
