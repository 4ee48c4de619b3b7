#!/usr/bin/env bash
# install_package: what a user installs is what the build made (issue 18).
#  1. `cmake --install` into an empty prefix lays out bin/kpi, both man sections
#     (gzipped) and the bash, zsh and fish completions; the installed kpi names its
#     version and commit.
#  2. `cpack -G DEB` makes a package holding usr/bin/kpi and the man pages, whose Depends
#     (from dpkg-shlibdeps) names libyaml-cpp and libxlsxwriter; installed with dpkg into a
#     clean root, its kpi runs `--version` and `init`, the starter validates, and
#     `score --lang vi` reads the package's own Vietnamese catalogue.
# Usage: package_check.sh BUILD_DIR
set -u
build=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/kpi share/man/man1/kpi.1.gz share/man/man1/kpi-score.1.gz \
         share/man/man5/kpi-format.5.gz share/bash-completion/completions/kpi \
         share/zsh/vendor-completions/_kpi share/fish/vendor_completions.d/kpi.fish; do
  [ -e "$work/prefix/$f" ] || fail "cmake --install left out $f"
done
gzip -t "$work/prefix/share/man/man5/kpi-format.5.gz" || fail "kpi-format.5.gz is no gzip file"
zcat "$work/prefix/share/man/man1/kpi.1.gz" | head -5 | grep -q '^\.TH KPI 1' ||
  fail "kpi.1.gz does not hold kpi(1)"
version=$("$work/prefix/bin/kpi" --version) || fail "installed kpi --version failed"
[[ $version =~ ^kpi\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "--version says '$version'"
if git -C "$(dirname "$0")" rev-parse HEAD >/dev/null 2>&1; then
  commit=$(git -C "$(dirname "$0")" rev-parse --short=7 HEAD)
  [[ $version == *"($commit"* ]] || fail "--version '$version' does not name commit $commit"
fi

(cd "$work" && cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake") \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/kpi_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { cat "$work/cpack.log"; fail "cpack made no kpi_*.deb"; }
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/kpi ./usr/share/man/man1/kpi.1.gz ./usr/share/man/man5/kpi-format.5.gz \
         ./usr/share/bash-completion/completions/kpi ./usr/share/locale/vi/LC_MESSAGES/kpi.mo; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q 'libyaml-cpp' <<<"$depends" || fail "Depends names no libyaml-cpp: '$depends'"
grep -q 'libxlsxwriter' <<<"$depends" || fail "Depends names no libxlsxwriter: '$depends'"

root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status"
# The clean root has no libraries of its own: Depends are the host's to satisfy.
dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless \
  --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
"$root/usr/bin/kpi" --version | grep -q "^kpi " || fail "the packaged kpi --version"
(cd "$work" && "$root/usr/bin/kpi" init team --example sales >/dev/null) || fail "packaged kpi init"
"$root/usr/bin/kpi" -C "$work/team" validate --strict >/dev/null 2>&1 ||
  fail "the packaged kpi's starter does not validate"
# The Vietnamese labels come from the package's own catalogue (usr/share/locale).
labels=$(KPI_TODAY=2026-11-23 "$root/usr/bin/kpi" -C "$work/team" score --lang vi 2>/dev/null) ||
  fail "the packaged kpi score --lang vi"
grep -q "Mục tiêu" <<<"$labels" || fail "the packaged kpi's --lang vi shows no Vietnamese labels"
echo "install_package: ok ($version; $(basename "$deb"); Depends: $depends)"
