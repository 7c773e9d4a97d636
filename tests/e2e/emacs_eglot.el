;;; emacs_eglot.el --- Emacs + eglot as a real LSP client of kflint (batch mode) -*- lexical-binding: t -*-
;; Debian's emacs-nox 28.2 with elpa-eglot 1.9 and elpa-yaml-mode, configured by
;; editors/emacs/kflint.el (what docs/editors.md gives): open a manifest, connect eglot to
;; `kflint lsp', wait for the diagnostics in flymake, apply a quick fix through eglot's own
;; code-action command, and see the finding go. Every wait is bounded. See emacs_eglot.sh.

(require 'cl-lib)
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")  ; Debian's elpa-* (-Q skips site-start)
(package-initialize)
(require 'yaml-mode)
(load (expand-file-name "kflint.el" (getenv "PLUGIN")) nil t)
(setq kflint-executable (getenv "KFLINT"))
(setq eglot-sync-connect 10 eglot-autoshutdown t)

(defvar kflint-test-failures 0)
(defun kflint-test-check (name ok &optional detail)
  (if ok (princ (format "ok - %s\n" name))
    (setq kflint-test-failures (1+ kflint-test-failures))
    (princ (format "not ok - %s%s\n" name (if detail (format ": %S" detail) "")))))

(defun kflint-test-wait (predicate seconds)
  "Run the event loop until PREDICATE holds or SECONDS pass; its last value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun kflint-test-diagnostic (code)
  "The flymake diagnostic of rule CODE in the current buffer."
  (cl-find-if (lambda (d) (string-match-p (regexp-quote code) (flymake-diagnostic-text d))) (flymake-diagnostics)))

(find-file (getenv "MANIFEST"))
(kflint-test-check "the buffer is in yaml-mode" (eq major-mode 'yaml-mode) major-mode)
(apply #'eglot (eglot--guess-contact))
(kflint-test-check "eglot connected to kflint"
                   (kflint-test-wait (lambda () (eglot-current-server)) 10))
(flymake-mode 1)
(flymake-start)
(let ((typo (kflint-test-wait (lambda () (kflint-test-diagnostic "KF101")) 15)))
  (kflint-test-check "KF101 reaches flymake" typo (flymake-diagnostics))
  (when typo
    (kflint-test-check "at line 9, under `replica'"
                       (and (= (line-number-at-pos (flymake-diagnostic-beg typo)) 9)
                            (equal (buffer-substring (flymake-diagnostic-beg typo) (flymake-diagnostic-end typo)) "replica"))
                       (list (line-number-at-pos (flymake-diagnostic-beg typo))
                             (buffer-substring (flymake-diagnostic-beg typo) (flymake-diagnostic-end typo))))
    (kflint-test-check "as an error" (eq (flymake-diagnostic-type typo) 'eglot-error) (flymake-diagnostic-type typo))))
;; The quick fix for KF206, chosen the way a user does in eglot's menu.
(let ((container (kflint-test-diagnostic "KF206")))
  (kflint-test-check "KF206 reaches flymake" container)
  (when container
    ;; As from the keyboard (a mouse event would pop up a menu instead of the minibuffer).
    (cl-letf ((last-nonmenu-event ?\r)
              ((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (or (cl-find-if (lambda (title) (string-match-p "tensorflow" title)) (mapcar #'car collection))
                     (error "no tensorflow fix among %S" collection)))))
      (eglot-code-actions (flymake-diagnostic-beg container) (flymake-diagnostic-end container) "quickfix" t))
    (kflint-test-check "the quick fix edited the buffer"
                       (save-excursion (goto-char (point-min)) (search-forward "- name: tensorflow" nil t)))
    ;; eglot sends the change from an idle timer, and batch Emacs is never idle: send it now.
    (eglot--signal-textDocument/didChange)
    (kflint-test-check "the finding goes away after the edit"
                       (kflint-test-wait (lambda () (null (kflint-test-diagnostic "KF206"))) 15))
    (kflint-test-check "the other findings stay" (kflint-test-diagnostic "KF101"))))
(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(princ (format "%s\n" (if (zerop kflint-test-failures) "all passed" (format "%d failed" kflint-test-failures))))
(kill-emacs (if (zerop kflint-test-failures) 0 1))
