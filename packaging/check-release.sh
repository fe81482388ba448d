#!/usr/bin/env bash
# check-release.sh DIR VERSION WINVERSION COMMIT [--windows-only]
#
# Checks what scripts/release.sh built in DIR (it runs this before anything reaches dist/, and CI
# runs it through release.sh --windows-only):
#   kontor.exe   a Windows PE program whose resources hold the icon and a version resource saying
#                ProductVersion WINVERSION (MAJOR.MINOR.PATCH.BUILD) and ProductName Kontor
#   the MSI      per user without elevation; its tables list kontor.exe (the same bytes as
#                kontor.exe), the Start-menu shortcut to it, the install folder under
#                %LocalAppData%\Programs, the upgrade rows, the product version; nothing under
#                %AppData% (where the company file lives)
#   the .tar.xz  exactly the program, the .desktop file, the icon, install.sh, uninstall.sh,
#                README.txt; the program's "kontor version" says VERSION and COMMIT (the one it was
#                built from, which Go recorded) and a build date; install.sh and uninstall.sh work
#                in a scratch home
# Needs icoutils (wrestool), msitools (msiinfo, msiextract), binutils (strings), xz-utils.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: check-release.sh DIR VERSION WINVERSION COMMIT [--windows-only]" >&2; exit 2; }
dir=$1 version=$2 winver=$3 commit=$4 windows_only=${5:-}
numver=${winver%.*}
bad=0
problem() { printf 'check: %b\n' "$*" >&2; bad=1; }
ok() { echo "  ok: $*"; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kontor-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# --- kontor.exe
exe="$dir/kontor.exe"
if [ "$(head -c 2 "$exe" 2>/dev/null)" != "MZ" ]; then
  problem "kontor.exe is missing or not a Windows program"
else
  resources=$(wrestool -l "$exe" 2>&1) || problem "kontor.exe: wrestool cannot read its resources: $resources"
  grep -q -- '--type=14' <<<"$resources" && grep -q -- '--type=3 ' <<<"$resources" &&
    ok "kontor.exe has an icon ($(grep -c -- '--type=3 ' <<<"$resources") sizes)" ||
    problem "kontor.exe has no icon resource: $resources"
  info=$(wrestool -x --raw -t 16 "$exe" | strings -el)
  product_version=$(grep -A1 -x ProductVersion <<<"$info" | tail -n 1)
  product_name=$(grep -A1 -x ProductName <<<"$info" | tail -n 1)
  [ "$product_version" = "$winver" ] && ok "kontor.exe version resource: ProductVersion $product_version" ||
    problem "kontor.exe's version resource says ProductVersion \"$product_version\", want \"$winver\" (resource strings: $(tr '\n' ' ' <<<"$info"))"
  [ "$product_name" = "Kontor" ] && ok "kontor.exe version resource: ProductName $product_name" ||
    problem "kontor.exe's version resource says ProductName \"$product_name\", want Kontor"
  # The fixed part (VS_FIXEDFILEINFO) holds the file version as numbers: check it says WINVERSION too.
  fixed=$(wrestool -x --raw -t 16 "$exe" | od -An -tx1 -v | tr -d ' \n')
  IFS=. read -r a b c d <<<"$winver"
  le16() { printf '%02x%02x' $(($1 & 255)) $(($1 >> 8)); }
  want="bd04effe00000100$(le16 "$b")$(le16 "$a")$(le16 "$d")$(le16 "$c")"
  [[ "$fixed" == *"$want"* ]] && ok "kontor.exe fixed file version $winver" ||
    problem "kontor.exe's fixed file version is not $winver"
fi

# --- the MSI
msi="$dir/kontor-$version-windows-x64.msi"
if [ ! -f "$msi" ]; then
  problem "the installer $(basename "$msi") is missing"
else
  table() { msiinfo export "$msi" "$1" | tr -d '\r' | tail -n +4; }
  suminfo=$(msiinfo suminfo "$msi")
  source=$(sed -n 's/^Source: \([0-9]*\).*/\1/p' <<<"$suminfo")
  [ -n "$source" ] && (( (source & 8) != 0 )) && ok "MSI needs no administrator (word count $source)" ||
    problem "the MSI asks for administrator rights (summary word count \"$source\")"
  files=$(table File)
  size=$(stat -c %s "$exe")
  awk -F'\t' -v s="$size" '$3 == "kontor.exe" && $4 == s { f = 1 } END { exit !f }' <<<"$files" &&
    ok "MSI File table: kontor.exe, $size bytes" || problem "the MSI's File table does not list kontor.exe of $size bytes: $files"
  shortcuts=$(table Shortcut)
  awk -F'\t' '$2 == "ProgramMenuFolder" && $3 == "Kontor" && $5 == "[INSTALLDIR]kontor.exe" { f = 1 } END { exit !f }' <<<"$shortcuts" &&
    ok "MSI Shortcut table: Start menu > Kontor -> [INSTALLDIR]kontor.exe" || problem "the MSI has no Start-menu shortcut to kontor.exe: $shortcuts"
  dirs=$(table Directory)
  grep -q -P '^INSTALLDIR\tUserProgramsDir\tKontor$' <<<"$dirs" && grep -q -P '^UserProgramsDir\tLocalAppDataFolder\tPrograms$' <<<"$dirs" &&
    ok "MSI installs into %LocalAppData%\\Programs\\Kontor" || problem "the MSI's install folder is not %LocalAppData%\\Programs\\Kontor: $dirs"
  grep -q -E 'AppDataFolder|PersonalFolder' <<<"$(grep -v LocalAppDataFolder <<<"$dirs")" &&
    problem "the MSI names %AppData% or Documents, where the company file lives: $dirs" || ok "MSI never names %AppData%"
  props=$(table Property)
  grep -q -P "^ProductVersion\t$numver$" <<<"$props" && ok "MSI ProductVersion $numver" || problem "the MSI's ProductVersion is not $numver"
  grep -q -P '^ARPPRODUCTICON\t' <<<"$props" && ok "MSI uninstall entry has the icon" || problem "the MSI sets no ARPPRODUCTICON"
  upgrades=$(table Upgrade)
  grep -q 'WIX_UPGRADE_DETECTED' <<<"$upgrades" && grep -q 'WIX_DOWNGRADE_DETECTED' <<<"$upgrades" &&
    ok "MSI Upgrade table: older versions replaced, newer refused" || problem "the MSI has no major upgrade: $upgrades"
  table InstallExecuteSequence | grep -q '^RemoveExistingProducts' && ok "MSI removes the older version" ||
    problem "the MSI does not schedule RemoveExistingProducts"
  mkdir -p "$scratch/msi"
  (cd "$scratch/msi" && msiextract "$msi" >/dev/null)
  extracted=$(find "$scratch/msi" -name kontor.exe -type f | head -n 1)
  [ -n "$extracted" ] && cmp -s "$extracted" "$exe" && ok "MSI carries the same kontor.exe" ||
    problem "the kontor.exe inside the MSI differs from kontor.exe"
fi

# --- Linux
if [ "$windows_only" != "--windows-only" ]; then
  name="kontor-$version-linux-amd64"
  tarball="$dir/$name.tar.xz"
  if [ ! -f "$tarball" ]; then
    problem "$(basename "$tarball") is missing"
  else
    listing=$(tar -tJf "$tarball" | sort)
    want=$(printf '%s\n' "$name/" "$name/README.txt" "$name/cz.kontor.desktop.desktop" "$name/cz.kontor.desktop.png" \
      "$name/install.sh" "$name/kontor" "$name/uninstall.sh" | sort)
    [ "$listing" = "$want" ] && ok "tar.xz holds: $(tr '\n' ' ' <<<"$listing")" || problem "the tar.xz holds:\n$listing\nwant:\n$want"
    tar -xJf "$tarball" -C "$scratch"
    t="$scratch/$name"
    [ "$(head -c 4 "$t/kontor" | od -An -c | tr -d ' ')" = '177ELF' ] && ok "kontor is a Linux program" || problem "kontor in the tar.xz is not a Linux program"
    grep -q -x 'Exec=kontor' "$t/cz.kontor.desktop.desktop" && grep -q -x 'Icon=cz.kontor.desktop' "$t/cz.kontor.desktop.desktop" &&
      ok ".desktop file starts kontor with its icon" || problem "the .desktop file: $(cat "$t/cz.kontor.desktop.desktop")"
    said=$("$t/kontor" version 2>&1 || true)
    [ "$(head -n 1 <<<"$said")" = "kontor $version" ] && grep -q "^commit: *${commit:0:12}" <<<"$said" &&
      ! grep -q "^built: *unknown" <<<"$said" && ok "the Linux program says: $(tr '\n' ' ' <<<"$said")" ||
      problem "the Linux program's \"kontor version\" says:\n$said\nwant kontor $version, commit ${commit:0:12}, a build date"
    home="$scratch/home"
    mkdir -p "$home/.config/Kontor"
    echo company >"$home/.config/Kontor/kontor.db"
    HOME=$home XDG_DATA_HOME= XDG_CONFIG_HOME= sh "$t/install.sh" >/dev/null
    [ -x "$home/.local/bin/kontor" ] && grep -q -x "Exec=$home/.local/bin/kontor" "$home/.local/share/applications/cz.kontor.desktop.desktop" &&
      [ -f "$home/.local/share/icons/hicolor/256x256/apps/cz.kontor.desktop.png" ] && ok "install.sh installs for the user" ||
      problem "install.sh did not install kontor, its menu entry and icon under ~/.local"
    HOME=$home XDG_DATA_HOME= XDG_CONFIG_HOME= sh "$t/uninstall.sh" >/dev/null
    [ ! -e "$home/.local/bin/kontor" ] && [ ! -e "$home/.local/share/applications/cz.kontor.desktop.desktop" ] &&
      [ "$(cat "$home/.config/Kontor/kontor.db")" = company ] && ok "uninstall.sh removes it and keeps the company file" ||
      problem "uninstall.sh left Kontor installed or touched the company file"
  fi
fi

[ "$bad" -eq 0 ] || { echo "check: $dir is not a good release (above)" >&2; exit 1; }
