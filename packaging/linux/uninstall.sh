#!/bin/sh
# Removes Kontor installed by install.sh: the program, the icon and the menu entry.
# Your company file and its backups (~/.config/Kontor) are kept; delete that folder yourself
# only if you are sure you will never need them again.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=cz.kontor.desktop
rm -f "$HOME/.local/bin/kontor" "$data/applications/$id.desktop" "$data/icons/hicolor/256x256/apps/$id.png"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "Kontor is removed. Your company file is still in ${XDG_CONFIG_HOME:-$HOME/.config}/Kontor."
