-- errors_spec.lua - misuse raises a Lua error naming the argument; bad input
-- returns nil, message, code.
local precis = require("precis")

local text = "The council approved the budget on Tuesday. Critics said it ignores rents."

-- Runs f expecting an error whose message contains `plain` verbatim. Each case
-- calls precis as a statement, not a tail call, so Lua knows the function's name.
local function raises(plain, f)
  local ok, err = pcall(f)
  assert.is_false(ok, "no error, expected: " .. plain)
  assert.is_string(err)
  assert.is_truthy(err:find(plain, 1, true), "error '" .. err .. "' lacks '" .. plain .. "'")
end

describe("misuse raises", function()
  local h = precis.new()
  local cases = {
    { "bad argument #1 to 'summarize' (string expected, got number)",
      function() precis.summarize(42) end },
    { "bad argument #1 to 'split' (string expected, got no value)",
      function() precis.split() end },
    { "bad argument #2 to 'analyze' (table expected, got string)",
      function() precis.analyze(text, "x") end },
    { "bad argument #2 to 'summarize' (unknown option 'bogus')",
      function() precis.summarize(text, { bogus = 1 }) end },
    { "bad argument #2 to 'summarize' (option 'sentences' must be a non-negative integer, got number)",
      function() precis.summarize(text, { sentences = -1 }) end },
    { "option 'sentences' must be a non-negative integer, got number",
      function() precis.summarize(text, { sentences = 1.5 }) end },
    { "option 'words' must be a non-negative integer, got string",
      function() precis.summarize(text, { words = "3" }) end },
    { "option 'ratio' must be a non-negative number, got boolean",
      function() precis.summarize(text, { ratio = true }) end },
    { "bad argument #2 to 'summarize' (ratio must be between 0 and 1",
      function() precis.summarize(text, { ratio = 2 }) end },
    { "option 'strict_utf8' must be a boolean, got number",
      function() precis.summarize(text, { strict_utf8 = 1 }) end },
    { "option 'format' must be \"auto\", \"text\" or \"markdown\", got string",
      function() precis.summarize(text, { format = "html" }) end },
    { "option 'weights' must be a table, got number",
      function() precis.summarize(text, { weights = 3 }) end },
    { "unknown weight 'speed'",
      function() precis.summarize(text, { weights = { speed = 1 } }) end },
    { "option 'position' must be a non-negative number, got number",
      function() precis.summarize(text, { weights = { position = -1 } }) end },
    { "option names must be strings, got number",
      function() precis.summarize(text, { true }) end },
    { "unknown option 'explain'",
      function() precis.summarize(text, { explain = true }) end },
    { "bad argument #2 to 'render' (invalid option 'pdf')",
      function() precis.render(text, "pdf") end },
    { "bad argument #3 to 'render' (unknown option 'bogus')",
      function() precis.render(text, "json", { bogus = true }) end },
    { "bad argument #1 to 'new' (unknown option 'bogus')",
      function() precis.new({ bogus = true }) end },
    { "bad argument #1 to 'summarize' (string expected, got number)",
      function() h:summarize(42) end },
    { "bad argument #2 to 'analyze' (unknown option 'bogus')",
      function() h:analyze(text, { bogus = 1 }) end },
    { "bad argument #2 to 'render' (invalid option 'yaml')",
      function() h:render(text, "yaml") end },
  }
  for _, case in ipairs(cases) do
    it(case[1], function() raises(case[1], case[2]) end)
  end
end)

describe("bad input returns nil, message, code", function()
  local cases = {
    { name = "empty input", text = "", code = "empty" },
    { name = "whitespace only", text = " \n\t\n ", code = "empty" },
    { name = "invalid UTF-8 under strict_utf8", text = "Fine start. Then \255\254 bytes.",
      opts = { strict_utf8 = true }, code = "invalid_utf8" },
    { name = "binary input", text = "\127ELF\2\1\1" .. ("\0"):rep(40) .. "\2\0\62\0",
      code = "binary" },
    { name = "input over max_input_bytes", text = text, opts = { max_input_bytes = 10 },
      code = "too_large" },
  }
  for _, case in ipairs(cases) do
    for _, fn in ipairs({ "summarize", "analyze", "split", "sources", "render" }) do
      it(fn .. ": " .. case.name, function()
        local r, msg, code
        if fn == "render" then
          r, msg, code = precis.render(case.text, "text", case.opts)
        else
          r, msg, code = precis[fn](case.text, case.opts)
        end
        assert.is_nil(r)
        assert.is_string(msg)
        assert.is_true(#msg > 0)
        assert.are.equal(case.code, code)
      end)
    end
  end

  it("repairs invalid UTF-8 by default, positions still in the original", function()
    local bad = "Fine start here. Then \255\254 bytes in the middle."
    local r = assert(precis.split(bad))
    for _, s in ipairs(r.sentences) do
      assert.is_true(s.start >= 1 and s.stop <= #bad)
    end
  end)
end)
