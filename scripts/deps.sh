#!/usr/bin/env bash
# deps.sh — install the Debian/Ubuntu packages Kontor needs, only those missing.
#
#   scripts/deps.sh run     what building and running the desktop app needs
#   scripts/deps.sh test    that plus the PDF/QR checkers and the Windows cross-compiler
#   scripts/deps.sh release what scripts/release.sh needs: the build packages, the Windows
#                           cross-compiler, wixl and msitools (the MSI and its tables), icoutils
#                           (the icon, the exe's resources), xz-utils, git
#
# Works as root (CI, containers) and as a user with sudo (a desktop).
set -euo pipefail
build=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
extra=(poppler-utils zbar-tools gcc-mingw-w64-x86-64)
release=(gcc-mingw-w64-x86-64 wixl msitools icoutils xz-utils binutils git)
case "${1:-run}" in
  run) want=("${build[@]}") ;;
  test) want=("${build[@]}" "${extra[@]}") ;;
  release) want=("${build[@]}" "${release[@]}") ;;
  *) echo "usage: scripts/deps.sh run|test|release" >&2; exit 2 ;;
esac
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Kontor needs these packages (install them with your system's package manager): ${missing[*]}" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
