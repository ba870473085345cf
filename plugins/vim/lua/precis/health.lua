-- :checkhealth precis - which backend works: the native module for this
-- Neovim's Lua, the CLI, and the one the plugin will use.
local M = {}

local function reporter()
  local h = vim.health
  if h and h.start then
    return h.start, h.ok, h.warn, h.error, h.info
  end
  h = (h and h.report_start) and h or require("health")
  return h.report_start, h.report_ok, h.report_warn, h.report_error, h.report_info
end

function M.check()
  local start, ok, warn, err, info = reporter()
  start("precis: native Lua module")
  local native = vim.fn["precis#backend#native"]()
  if native.ok == true or native.ok == 1 then
    ok(("loaded %s (precis %s, built for %s)"):format(native.path, native.version, native.lua))
  else
    warn("not available: " .. native.reason,
      { "build it with `make` in the precis checkout (plugins/vim/../../build/lua/"
        .. native.pkg .. "/precis.so)", "or set g:precis_module_path" })
  end

  start("precis: command-line backend")
  local cli = vim.fn["precis#backend#cli"]()
  if cli == "" then
    warn("no precis CLI found", { "build it with `make`, put `precis` on PATH or set g:precis_cli" })
  else
    local version = vim.fn.system({ cli, "--version" })
    if vim.v.shell_error == 0 then
      ok(("%s (%s)"):format(cli, (version:gsub("%s+$", ""))))
    else
      err(("%s does not run: %s"):format(cli, version))
    end
  end

  start("precis: backend in use")
  local chosen = vim.fn["precis#backend#choose"]()
  if chosen:match("^precis:") then
    err(chosen)
  else
    ok(("%s (g:precis_backend = %s)"):format(chosen, vim.g.precis_backend or "auto"))
    info("json_decode: " .. (vim.fn.exists("*json_decode") == 1 and "yes" or "no"))
  end
end

return M
