;;; kflint.el --- kflint as eglot's language server for YAML -*- lexical-binding: t -*-

;; The configuration docs/editors.md gives, and tests/e2e/emacs_eglot.sh loads: kflint's
;; diagnostics reach flymake, its quick fixes are eglot's code actions. Needs eglot (built in
;; from Emacs 29; the `elpa-eglot' package on Debian 12's Emacs 28) and yaml-mode.

;;; Code:

(require 'eglot)

(defgroup kflint nil "Kubeflow TFJob/MXJob linting through kflint's language server." :group 'tools)

(defcustom kflint-executable "kflint"
  "The kflint binary (a name on PATH or an absolute path)."
  :type 'string)

(defun kflint-eglot-contact (&optional _interactive)
  "The command eglot starts for YAML buffers: `kflint lsp'."
  (list kflint-executable "lsp"))

(add-to-list 'eglot-server-programs '((yaml-mode yaml-ts-mode) . kflint-eglot-contact))

(provide 'kflint)
;;; kflint.el ends here
