#!/usr/bin/env bash
# release.sh — build Kontor's installable files into dist/.
#
#   scripts/release.sh VERSION          e.g. scripts/release.sh 1.2.0  (or 1.2.0-rc.1)
#
# dist/ then holds (and nothing else; an older dist/ is replaced):
#   kontor.exe                          Windows program, built by Fyne's packager (icon, version, metadata
#                                       from FyneApp.toml), runs without installing
#   kontor-VERSION-windows-x64.msi      Windows installer (wixl): per user, no administrator, Start-menu
#                                       shortcut, uninstall entry, replaces an older Kontor
#   kontor-VERSION-linux-amd64.tar.xz   Linux: the program, a .desktop file, the icon, install.sh/uninstall.sh
#   SHA256SUMS                          sha256sum of every file above
# The macOS app must be built on a Mac (README, "Building the macOS app"); this script says so.
#
# Refused, with the reason and nothing written to dist/: no VERSION, a VERSION that is not semantic
# (MAJOR.MINOR.PATCH, optionally -PRERELEASE), a work tree with changes not committed.
# Everything is built in a temporary directory from a clean clone of the commit checked out, checked
# (the MSI's tables, the exe's version resource, the archive's contents, the sums) and only then
# moved into dist/.
#
# For CI (.ci/run): --windows-only builds and checks the exe and the MSI alone; --allow-dirty builds
# the work tree as it is (the binary then says "with uncommitted changes"); --out DIR writes to DIR
# instead of dist/.
#
# Needs: Go (the version go.mod names), git, and the Debian packages scripts/deps.sh release installs
# (it is run first: the MinGW cross-compiler, wixl and msitools, icoutils, xz-utils).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

refuse() { echo "release.sh: $*" >&2; exit 2; }
fail() { echo "release.sh: $*" >&2; exit 1; }
step() { echo "== $*"; }

windows_only=false allow_dirty=false out="$root/dist" version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --windows-only) windows_only=true ;;
    --allow-dirty) allow_dirty=true ;;
    --out) [ $# -ge 2 ] || refuse "--out needs a directory"; out=$2; shift ;;
    --out=*) out=${1#--out=} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) refuse "unknown option $1 (see scripts/release.sh --help)" ;;
    *) [ -z "$version" ] || refuse "give one version, not \"$version\" and \"$1\""; version=$1 ;;
  esac
  shift
done

[ -n "$version" ] || refuse "no version given: say which version this release is, e.g. scripts/release.sh 1.2.0"
version=${version#v}
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$'
[[ "$version" =~ $semver ]] ||
  refuse "\"$version\" is not a semantic version: write MAJOR.MINOR.PATCH with numbers, e.g. 1.2.0 (or 1.2.0-rc.1 for a pre-release)"
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}
# Windows Installer keeps versions as major (≤ 255) . minor (≤ 255) . build (≤ 65535).
[ "$major" -le 255 ] && [ "$minor" -le 255 ] && [ "$patch" -le 65535 ] ||
  refuse "$version cannot be a Windows installer version: MAJOR and MINOR must be at most 255, PATCH at most 65535"
numver="$major.$minor.$patch"

command -v git >/dev/null || fail "git is missing (the release is built from the commit checked out)"
git rev-parse --git-dir >/dev/null 2>&1 || fail "$root is not a Git work tree (the release is built from a commit)"
if ! $allow_dirty; then
  changes=$(git status --porcelain --untracked-files=normal)
  if [ -n "$changes" ]; then
    echo "$changes" | head -n 10 >&2
    refuse "the work tree has changes not committed (above): commit or stash them, so the release is exactly one commit"
  fi
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

step "packages (scripts/deps.sh release)"
scripts/deps.sh release
command -v go >/dev/null || fail "Go is missing: install the version go.mod names from https://go.dev/dl/"

# Temporary places: the build in $TMPDIR, the finished files beside $out (so the last step is a rename).
work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-release.XXXXXX")
mkdir -p "$(dirname "$out")"
stage=$(mktemp -d "$(dirname "$out")/.$(basename "$out").new.XXXXXX")
old=""
cleanup() { rm -rf "$work" "$stage" ${old:+"$old"}; }
trap cleanup EXIT
trap 'echo "release.sh: interrupted; $out is unchanged" >&2; exit 130' INT TERM

commit=$(git rev-parse HEAD)
build=$(git rev-list --count HEAD)
[ "$build" -le 65535 ] || build=$((build % 65536))
step "source: commit ${commit:0:12} (build $build) of $(git log -1 --format=%cd --date=iso-strict)"
src="$work/src"
git clone --quiet --shared --no-checkout "$root" "$src"
git -C "$src" checkout --quiet --detach "$commit"
# What the packager writes into the source while it builds is not a change to the commit.
printf '%s\n' /fyne_metadata_init.go /fyne.syso /kontor.exe /Kontor.exe /kontor /Kontor.tar.xz /tmp-pkg/ >>"$src/.git/info/exclude"
if $allow_dirty; then
  # The work tree as it is: changed and new files over the clean clone, deleted ones removed.
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    if [ -e "$f" ]; then mkdir -p "$src/$(dirname "$f")" && cp -p "$f" "$src/$f"; else rm -f "$src/$f"; fi
  done
fi

# Go settings for every build (nothing from the caller's environment picks the target): the version into main.version (the packager passes GOFLAGS' -ldflags
# on), the commit and its time recorded by Go (vcs.revision, vcs.time), go.mod as committed.
unset GOOS GOARCH CC CXX CGO_ENABLED
export GOFLAGS="-buildvcs=true -mod=readonly -ldflags=-X=main.version=$version"
# The packager runs as "go tool fyne", pinned in go.mod's tool directive. It is a host program built
# without cgo; the builds it starts set CGO_ENABLED=1 themselves.
# After packaging it adds 1 to Build in FyneApp.toml; that is put back, so the next build is of
# the commit as it is (else Go would record "uncommitted changes").
fyne() { (cd "$src" && CGO_ENABLED=0 go tool fyne "$@" && git checkout --quiet -- FyneApp.toml); }
pkgflags=(--release --app-version "$numver" --app-build "$build")

# The build and the checks, into $stage.
build_all() {
  step "Windows: kontor.exe through Fyne's packager (the first build takes minutes; later ones use Go's cache)"
  # For Windows the packager builds twice (the program, then again with the icon and version
  # resource it generates) and drops GOFLAGS' -ldflags after the first build, so the second would
  # lose main.version. Given an --executable, it skips the first build: the placeholder below is
  # overwritten by the one build, with the resources and the version. The packager sets GOOS for
  # the builds it starts (GOOS here would make "go tool" build the packager itself for Windows).
  : >"$src/kontor.exe"
  (export GOARCH=amd64 CC=x86_64-w64-mingw32-gcc; fyne package -os windows --executable "$src/kontor.exe" "${pkgflags[@]}")
  mv "$src/Kontor.exe" "$stage/kontor.exe"

  step "Windows: the MSI installer (wixl)"
  icotool -c -o "$work/kontor.ico" "$src/assets/icon.png"
  cp "$stage/kontor.exe" "$work/kontor.exe"
  msi="kontor-$version-windows-x64.msi"
  # wixl takes the files' paths relative to where it runs (an absolute SourceDir fails).
  (cd "$work" && wixl -a x64 -D Version="$version" -D ProductVersion="$numver" -D SourceDir=. \
    -o "$stage/$msi" "$src/packaging/windows/kontor.wxs")

  if ! $windows_only; then
    step "Linux: kontor through Fyne's packager, in a .tar.xz with install.sh"
    (export GOARCH=amd64; unset CC; fyne package -os linux "${pkgflags[@]}")
    mkdir -p "$work/fyne-linux"
    tar -xJf "$src/Kontor.tar.xz" -C "$work/fyne-linux"
    name="kontor-$version-linux-amd64"
    dir="$work/$name"
    mkdir -p "$dir"
    find "$work/fyne-linux" -type f \( -path '*/bin/*' -o -name '*.desktop' -o -path '*/pixmaps/*' \) -exec cp -p {} "$dir/" \;
    cp -p "$src/packaging/linux/install.sh" "$src/packaging/linux/uninstall.sh" "$src/packaging/linux/README.txt" "$dir/"
    chmod 755 "$dir/install.sh" "$dir/uninstall.sh" "$dir/kontor"
    # Reproducible: sorted names, the commit's time, no owner.
    mtime=$(git log -1 --format=%cI "$commit")
    tar --sort=name --mtime="$mtime" --owner=0 --group=0 --numeric-owner -C "$work" -cf - "$name" |
      xz -9 >"$stage/$name.tar.xz"
  fi

  step "checks"
  "$src/packaging/check-release.sh" "$stage" "$version" "$numver.$build" "$commit" $($windows_only && echo --windows-only)

  (cd "$stage" && sha256sum -- * >SHA256SUMS && sha256sum --quiet -c SHA256SUMS)
}

# The build runs as a job of its own (set -m gives it its own process group). Go and the packager
# treat Ctrl-C as handled and exit normally, after which bash would carry on; so the shell itself
# catches Ctrl-C and TERM, stops the whole job and leaves $out as it was.
set -m
build_all &
job=$!
set +m
trap 'kill -TERM -- -$job 2>/dev/null || true; wait $job 2>/dev/null || true; echo "release.sh: interrupted; $out is unchanged" >&2; exit 130' INT TERM
wait "$job" || fail "the build failed (above); $out is unchanged"

# Into place: the old directory aside, the new one in, the old one removed.
if [ -e "$out" ]; then
  old=$(mktemp -d "$(dirname "$out")/.$(basename "$out").old.XXXXXX")
  rmdir "$old"
  mv "$out" "$old"
fi
mv "$stage" "$out"
chmod 755 "$out"
stage=""

step "done: $out"
(cd "$out" && ls -l)
cat <<EOF

macOS: Kontor.app must be built on a Mac (Apple's tools sign and notarise it; they do not run here).
On a Mac with Go and Xcode's command line tools, in a clone at commit ${commit:0:12}:
  GOFLAGS="-ldflags=-X=main.version=$version" go tool fyne package -os darwin --release --app-version $numver --app-build $build
README.md ("Building the macOS app") has the signing and notarising commands.
EOF
