-- handle_spec.lua - reusable precis handles: options that stick, per-call
-- options that do not, and closing (explicit, __gc, and <close> on Lua 5.4).
local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
local support = dofile(here .. "support.lua")
local precis = require("precis")

local text = support.prose[2].text .. "\n\n" .. support.prose[1].text

describe("precis.new", function()
  it("gives the same results as the module functions", function()
    local h = precis.new({ sentences = 2 })
    for _, fn in ipairs({ "summarize", "analyze", "split" }) do
      local a = assert(h[fn](h, text))
      local b = assert(precis[fn](text, { sentences = 2 }))
      assert.are.same(b, a, fn)
    end
    assert.are.same(precis.sources(text), h:sources(text))
    assert.are.equal(precis.render(text, "json", { sentences = 2 }), h:render(text, "json"))
    h:close()
  end)

  it("applies per-call options to that call only", function()
    local h = precis.new({ sentences = 3 })
    local before = #assert(h:summarize(text)).sentences
    assert.are.equal(1, #assert(h:summarize(text, { sentences = 1 })).sentences)
    assert.are.equal(before, #assert(h:summarize(text)).sentences)
    h:close()
  end)

  it("keeps its options after a call with bad data or bad options", function()
    local h = precis.new({ sentences = 1 })
    assert.is_nil(h:summarize("", { sentences = 3 }))
    assert.is_false(pcall(h.summarize, h, text, { ratio = 5 }))
    assert.are.equal(1, #assert(h:summarize(text)).sentences)
    h:close()
  end)

  it("raises when used after close, and closes twice", function()
    local h = precis.new()
    assert.matches("^precis%.handle %(", tostring(h))
    h:close()
    h:close()
    assert.are.equal("precis.handle (closed)", tostring(h))
    for _, fn in ipairs({ "summarize", "analyze", "split", "sources" }) do
      local ok, err = pcall(h[fn], h, text)
      assert.is_false(ok)
      assert.matches("closed precis handle", err)
    end
  end)

  it("is freed by the garbage collector", function()
    for _ = 1, 50 do
      local h = precis.new()
      assert(h:split(text))
    end
    collectgarbage()
    collectgarbage()
  end)

  it("closes a to-be-closed variable on Lua 5.4", function()
    if _VERSION ~= "Lua 5.4" or jit then
      pending("needs Lua 5.4")
      return
    end
    local chunk = assert((loadstring or load)([[
      local precis = ...
      local kept
      do
        local h <close> = precis.new()
        kept = h
      end
      return kept
    ]]))
    local h = chunk(precis)
    assert.are.equal("precis.handle (closed)", tostring(h))
  end)
end)
