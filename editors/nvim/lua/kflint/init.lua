-- kflint for Neovim (0.7+): starts `kflint lsp` for YAML and JSON buffers with vim.lsp.
--   require("kflint").setup({ cmd = { "kflint", "lsp" }, settings = { target = "cci" } })
-- The server decides which documents are Kubeflow jobs; other YAML gets no diagnostics.
local M = {}

M.config = {
  cmd = { "kflint", "lsp" },
  filetypes = { "yaml", "json" },
  root_markers = { ".kflint.yaml", ".kflint.yml", ".git" },
  settings = {}, -- { target = "auto"|"kubeflow"|"legacy"|"cci", rules = { KF405 = "off" } }
}

local clients = {} -- root dir -> client id

local function find_root(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local dir = path ~= "" and vim.fn.fnamemodify(path, ":p:h") or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then found = vim.fn.finddir(marker, dir .. ";") end
    if found ~= "" then return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git$", "") end
  end
  return dir
end

function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = find_root(bufnr)
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = "kflint",
      cmd = M.config.cmd,
      root_dir = root,
      init_options = M.config.settings,
      settings = { kflint = M.config.settings },
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", M.config, opts or {})
  local group = vim.api.nvim_create_augroup("kflint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
