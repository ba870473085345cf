-- precis: Neovim's Lua face of the plugin. setup{} sets the g:precis_*
-- options; summarize() is precis#summarize() for Lua callers.
local M = {}

local options = {
  backend = "string", sentences = "number", ratio = "number", format = "string",
  window = "string", list = "string", highlight = "boolean", cli = "string",
  module_path = "string", max_width = "number", max_height = "number",
  split_height = "number", border = "string", close_on_jump = "boolean",
}

-- require('precis').setup{ backend = 'cli', sentences = 3, window = 'split' }
function M.setup(opts)
  for key, value in pairs(opts or {}) do
    local kind = options[key]
    if not kind then
      vim.notify(("precis: unknown option '%s'"):format(key), vim.log.levels.WARN)
    elseif type(value) ~= kind then
      vim.notify(("precis: option '%s' wants a %s, got a %s"):format(key, kind, type(value)),
        vim.log.levels.WARN)
    else
      if kind == "boolean" then value = value and 1 or 0 end
      vim.g["precis_" .. key] = value
    end
  end
  if vim.fn.exists("g:loaded_precis") == 0 then vim.cmd("runtime plugin/precis.vim") end
end

-- The summary of buffer bufnr (0 = current) as precis#summarize() gives it.
function M.summarize(bufnr, opts)
  return vim.fn["precis#summarize"](bufnr or 0, opts or vim.empty_dict())
end

return M
