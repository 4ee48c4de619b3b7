#!/usr/bin/env bash
# install_completions: the bash, zsh and fish scripts that `kpi completion` writes (and
# cmake --install lays out) complete what a user types, run in each shell without a
# terminal. In examples/: `kpi show sales.r` gives sales.revenue and nothing else,
# `kpi sc` gives schema and score, `kpi score --fo` gives --format and `kpi score --format ` its
# values. Usage: completion_check.sh KPI EXAMPLES_DIR
set -u
kpi=$(realpath "$1")
examples=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$kpi" "$work/bin/kpi"  # the scripts call `kpi` from PATH, as installed
export PATH="$work/bin:$PATH"
fail() { echo "FAIL: $*"; exit 1; }
"$kpi" completion bash >"$work/kpi.bash" || fail "kpi completion bash"
"$kpi" completion zsh >"$work/_kpi" || fail "kpi completion zsh"
"$kpi" completion fish >"$work/kpi.fish" || fail "kpi completion fish"
cd "$examples" || exit 1

bash_complete() {  # the words of a command line, the last one being completed
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kpi
           printf "%s\n" "${COMPREPLY[@]}"' _ "$work/kpi.bash" "$@"
}
# zsh: compadd (which keeps the words that start with what is typed) and _files stand
# in for the completion system. Sourcing the file runs _kpi once, as autoloading does.
zsh_complete() {
  zsh -c 'script=$1; shift; words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
          compadd() { [[ $1 == -- ]] && shift; local w; for w in "$@"; do
                        [[ $w == "$PREFIX"* ]] && print -r -- "$w"; done; }
          _files() { print FILES; }
          source "$script"' _ "$work/_kpi" "$@" | grep -v '^$'
}
fish_complete() {
  fish -c "source '$work/kpi.fish'; complete -C '$*'" | cut -f1
}

expect() {  # expect SHELL WANT WORDS...: the completions are exactly WANT (lines)
  local shell=$1 want=$2
  shift 2
  local got
  got=$("${shell}_complete" "$@" | sort)
  [ "$got" = "$(printf '%b' "$want" | sort)" ] ||
    fail "$shell: '$*' completes to [$got], expected [$(printf '%b' "$want")]"
}
for shell in bash zsh; do
  expect $shell "sales.revenue" kpi show sales.r
  expect $shell "schema\nscore" kpi sc
  expect $shell "--format" kpi score --fo
  expect $shell "table\ncsv\ntsv\njson\nmd\nxlsx" kpi score --format ""
  expect $shell "lan\nlinh" kpi score --entity l
  expect $shell "sales.revenue" kpi -C "$examples" show sales.r
  expect $shell "" kpi -C /nonexistent show sales.r
done
expect fish "sales.revenue" kpi show sales.r
expect fish "schema\nscore" kpi sc
expect fish "--format" kpi score --fo
expect fish "lan\nlinh" kpi score --entity l
echo "install_completions: ok (bash, zsh, fish)"
