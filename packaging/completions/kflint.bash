# bash completion for kflint
_kflint() {
  local cur prev sub
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  sub="${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "check print rules lsp version --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    -f|--format) COMPREPLY=($(compgen -W "text json sarif github junit gitlab" -- "$cur")); return ;;
    -t|--target) COMPREPLY=($(compgen -W "auto kubeflow legacy cci" -- "$cur")); return ;;
    --operation) COMPREPLY=($(compgen -W "apply create replace patch" -- "$cur")); return ;;
    --patch-base) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info hint" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    -c|--config|-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --ignore) COMPREPLY=($(compgen -W "$(kflint rules --format json 2>/dev/null | grep -o '"id": "KF[0-9]*"' | cut -d'"' -f4)" -- "$cur")); return ;;
  esac
  case "$sub" in
    check)
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--format --output --fail-on --target --operation --patch-base --config --no-config --stdin-filename --ignore --fix --unsafe-fixes --diff --verbose --no-source --color --max-file-size --threads --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
      fi ;;
    print) if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "--json --help" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi ;;
    rules) COMPREPLY=($(compgen -W "$(kflint rules --format json 2>/dev/null | grep -o '"id": "KF[0-9]*"' | cut -d'"' -f4) --format" -- "$cur")) ;;
  esac
}
complete -o filenames -F _kflint kflint
