-- results_spec.lua - the shape of precis results in Lua and the promise that
-- every position slices back to the sentence in the caller's string.
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local support = dofile(here .. "support.lua")
local precis = require("precis")

local kinds = { outlet = true, platform = true, person = true, document = true, link = true }

local function check_span(text, t, what)
  assert.is_number(t.start, what .. ".start")
  assert.is_number(t.stop, what .. ".stop")
  assert.is_true(t.start >= 1 and t.start <= t.stop and t.stop <= #text,
    what .. " bytes " .. t.start .. ".." .. t.stop .. " outside 1.." .. #text)
  local line, col = support.line_col(text, t.start)
  assert.are.same({ line, col }, { t.line, t.col }, what .. " line/col of start")
  local end_line, end_col = support.line_col(text, t.stop)
  assert.are.same({ end_line, end_col }, { t.end_line, t.end_col }, what .. " line/col of stop")
end

local function check_sentences(text, result, scored)
  assert.is_table(result.sentences)
  local last_index = 0
  for i, s in ipairs(result.sentences) do
    local what = "sentence " .. i
    assert.is_string(s.text, what)
    assert.is_true(#s.text > 0, what .. " is empty")
    check_span(text, s, what)
    assert.is_true(s.index > last_index, what .. " out of document order")
    last_index = s.index
    assert.is_true(s.paragraph >= 1, what .. ".paragraph")
    assert.is_number(s.score, what .. ".score")
    assert.is_boolean(s.selected, what .. ".selected")
    assert.is_table(s.features, what .. ".features")
    assert.is_table(s.sources, what .. ".sources")
    if scored then assert.is_number(s.features.position, what .. ".features.position") end
    for _, id in ipairs(s.sources) do
      assert.is_table(result.sources[id], what .. " cites unknown source " .. tostring(id))
    end
  end
end

local function check_sources(text, sources)
  for i, src in ipairs(sources) do
    local what = "source " .. i
    assert.are.equal(i, src.id, what .. ".id")
    assert.is_string(src.name, what .. ".name")
    assert.is_true(kinds[src.kind], what .. ".kind " .. tostring(src.kind))
    assert.are.equal(#src.urls, #src.titles, what .. " urls/titles")
    for j, m in ipairs(src.mentions) do check_span(text, m, what .. " mention " .. j) end
  end
end

describe("precis module", function()
  it("says which Lua it was built for", function()
    assert.are.equal(jit and jit.version or _VERSION, precis._LUA)
    local expect = os.getenv("PRECIS_LUA_EXPECT")
    local names = { ["lua5.4"] = "^Lua 5%.4$", ["lua5.2"] = "^Lua 5%.2$", luajit = "^LuaJIT 2" }
    if expect and names[expect] then assert.matches(names[expect], precis._LUA) end
  end)

  it("reports its version", function()
    assert.matches("^%d+%.%d+%.%d+", precis.version())
    assert.are.equal(precis.version(), precis._VERSION)
  end)
end)

describe("precis.summarize", function()
  for _, case in ipairs(support.prose) do
    it("returns sentences that slice back to the original (" .. case.name .. ")", function()
      local r = assert(precis.summarize(case.text))
      assert.is_true(#r.sentences >= 1)
      assert.is_true(r.total_sentences >= #r.sentences)
      assert.is_true(r.total_words > 0)
      check_sentences(case.text, r, true)
      check_sources(case.text, r.sources)
      for _, s in ipairs(r.sentences) do
        assert.is_true(s.selected)
        assert.are.equal(s.text, support.collapse(case.text:sub(s.start, s.stop)))
      end
    end)
  end

  local budgets = {
    { opts = { sentences = 1 }, most = 1 },
    { opts = { sentences = 2 }, most = 2 },
    { opts = { ratio = 0.3 }, most = 3 },
    { opts = { words = 12 }, most = 2 },
  }
  for _, case in ipairs(budgets) do
    local name = next(case.opts)
    it("keeps to the budget " .. name .. "=" .. case.opts[name], function()
      local text = support.prose[2].text .. "\n\n" .. support.prose[1].text
      local r = assert(precis.summarize(text, case.opts))
      assert.is_true(#r.sentences >= 1 and #r.sentences <= case.most,
        #r.sentences .. " sentences")
    end)
  end

  it("accepts every option", function()
    local r = assert(precis.summarize(support.prose[1].text, {
      sentences = 2, strict_utf8 = true, format = "text", mojibake = false,
      unwrap = false, boilerplate = false, max_input_bytes = 1048576, threads = 1,
      weights = { position = 1, entities = 0.5, figures = 0.5, quotes = 0, title = 0,
                  centrality = 1, length = 0.2, penalty = 1, redundancy = 0.5 },
    }))
    assert.is_true(#r.sentences <= 2)
  end)

  it("gives the same summary of a long text on one thread or two", function()
    local parts = {}
    for i = 1, 1000 do -- over 128 KiB: two threads are used with threads = 2
      parts[#parts + 1] = support.prose[(i % #support.prose) + 1].text .. " (part " .. i .. ")"
    end
    local text = table.concat(parts, "\n\n")
    assert.is_true(#text >= 160000, #text .. " bytes")
    local one = assert(precis.summarize(text, { threads = 1, sentences = 6 }))
    local two = assert(precis.summarize(text, { threads = 2, sentences = 6 }))
    assert.are.same(one, two)
    assert.are.equal(6, #two.sentences)
  end)

  it("keeps positions in the original bytes of a CRLF text", function()
    local text = "First line of the report is here.\r\nSecond sentence follows it.\r\n"
    local r = assert(precis.analyze(text))
    assert.are.equal(2, #r.sentences)
    for _, s in ipairs(r.sentences) do
      assert.are.equal(s.text, support.collapse(text:sub(s.start, s.stop)))
    end
  end)

  it("finds the title of a markdown text", function()
    local text = "# Storm hits coast\n\nA storm hit the coast on Monday night. "
      .. "Thousands lost power across the region.\n"
    local r = assert(precis.summarize(text, { format = "markdown" }))
    if r.title then
      assert.is_string(r.title)
      check_span(text, r.title_span, "title")
    end
    check_sentences(text, r, true)
  end)
end)

describe("precis.analyze", function()
  it("lists every sentence and marks the summary", function()
    local text = support.prose[2].text
    local all = assert(precis.analyze(text, { sentences = 2 }))
    local summary = assert(precis.summarize(text, { sentences = 2 }))
    assert.are.equal(all.total_sentences, #all.sentences)
    check_sentences(text, all, true)
    local selected = {}
    for i, s in ipairs(all.sentences) do
      assert.are.equal(i, s.index)
      if s.selected then selected[#selected + 1] = s.text end
    end
    local chosen = {}
    for _, s in ipairs(summary.sentences) do chosen[#chosen + 1] = s.text end
    assert.are.same(chosen, selected)
  end)
end)

describe("precis.split", function()
  local cases = {
    { text = "One. Two words here. Three is last!", n = 3 },
    { text = support.prose[3].text, n = 3 },
  }
  for _, case in ipairs(cases) do
    it("splits into " .. case.n .. " sentences: " .. case.text:sub(1, 30), function()
      local r = assert(precis.split(case.text))
      check_sentences(case.text, r, false)
      assert.are.equal(case.n, #r.sentences)
      for _, s in ipairs(r.sentences) do
        assert.are.equal(s.text, support.collapse(case.text:sub(s.start, s.stop)))
      end
    end)
  end
end)

describe("precis.sources", function()
  it("returns the sources list alone", function()
    local text = "Officials confirmed the deal, Reuters reported on Monday. "
      .. "The full text is at https://example.org/deal.pdf and was shared on X.\n"
    local sources = assert(precis.sources(text))
    assert.is_table(sources)
    check_sources(text, sources)
  end)
end)

describe("precis.render", function()
  local text = support.prose[1].text
  local formats = {
    { "text", "^[^{]" }, { "markdown", "." }, { "json", "^%s*{" },
  }
  for _, case in ipairs(formats) do
    it("renders " .. case[1], function()
      local out = assert(precis.render(text, case[1], { sentences = 2 }))
      assert.is_string(out)
      assert.matches(case[2], out)
    end)
  end

  it("renders JSON that parses, one line when compact", function()
    local out = assert(precis.render(text, "json", { compact = true, explain = true }))
    assert.is_nil(out:sub(1, -2):find("\n"))
    local ok, json = pcall(require, "dkjson")
    if ok then assert.is_table(json.decode(out)) end
  end)

  it("takes the render flags", function()
    local plain = assert(precis.render(text, "text", { sentences = 1 }))
    local placed = assert(precis.render(text, "text", { sentences = 1, positions = true,
                                                        sources = false }))
    assert.is_true(#placed >= #plain)
  end)
end)

describe("seed articles", function()
  local seeds = support.seeds()
  if #seeds == 0 then
    pending("shared/ is absent: seed articles skipped")
    return
  end
  for _, seed in ipairs(seeds) do
    it("keeps positions in bounds and consistent in " .. seed.name, function()
      local r = assert(precis.analyze(seed.text))
      check_sentences(seed.text, r, true)
      check_sources(seed.text, r.sources)
      local summary = assert(precis.summarize(seed.text))
      check_sentences(seed.text, summary, true)
    end)
  end
end)
