-- Headless Neovim (Debian's neovim) as a real LSP client, through the project's plugin
-- (editors/nvim: require("kflint").setup{}): open a manifest, read the diagnostics from
-- vim.diagnostic.get, apply a code action's edit, and check the buffer changed. See nvim_lsp.sh.
local kflint = assert(os.getenv("KFLINT"), "KFLINT not set")
local manifest = assert(os.getenv("MANIFEST"), "MANIFEST not set")
local failures = {}
local passed = 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    print("ok - " .. name)
  else
    table.insert(failures, name .. (detail and (": " .. detail) or ""))
    print("not ok - " .. name .. (detail and (": " .. detail) or ""))
  end
end

vim.opt.runtimepath:append(assert(os.getenv("PLUGIN"), "PLUGIN not set"))
require("kflint").setup({ cmd = { kflint, "lsp" } })
vim.cmd("filetype on")
vim.cmd("edit " .. vim.fn.fnameescape(manifest))
local buf = vim.api.nvim_get_current_buf()
check("the buffer is YAML", vim.bo[buf].filetype == "yaml", vim.bo[buf].filetype)
local client_id
vim.wait(5000, function()
  for id, c in pairs(vim.lsp.buf_get_clients(buf)) do
    if c.name == "kflint" then client_id = id end
  end
  return client_id ~= nil
end, 20)
check("the plugin attached the kflint client", client_id ~= nil)

local got = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
check("diagnostics appear", got)
local codes = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  codes[code] = d
end
check("KF101 is reported at line 9", codes["KF101"] ~= nil and codes["KF101"].lnum == 8, vim.inspect(vim.tbl_keys(codes)))
check("KF206 is reported", codes["KF206"] ~= nil)

-- Ask for code actions at KF206 and apply the preferred fix's edit.
local d = codes["KF206"]
local client = vim.lsp.get_client_by_id(client_id)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = { (d.user_data and d.user_data.lsp) or {} } },
}
local response = client.request_sync("textDocument/codeAction", params, 5000, buf)
local action
for _, a in ipairs((response and response.result) or {}) do
  if a.isPreferred and a.title:find("tensorflow") then action = a end
end
check("a preferred quick fix is offered", action ~= nil)
if action then
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  check("the code action changed the buffer", line:find("name: tensorflow") ~= nil, line)
  local gone = vim.wait(10000, function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if (x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code)) == "KF206" then return false end
    end
    return true
  end, 20)
  check("the finding disappears after the edit", gone)
end

vim.lsp.stop_client(client_id)
print(string.format("%d passed, %d failed", passed, #failures))
vim.cmd(#failures == 0 and "qall!" or "cquit! 1")
