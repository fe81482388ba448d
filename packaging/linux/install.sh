#!/bin/sh
# Installs Kontor for you alone, without an administrator: the program into ~/.local/bin, the icon
# and the menu entry into ~/.local/share. Run it again from a newer download to update.
# Your company file (~/.config/Kontor/kontor.db) is not touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=cz.kontor.desktop

mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
# Into a temporary name first, then renamed: a running Kontor keeps working until it is closed.
cp "$here/kontor" "$bin/.kontor.new"
chmod 755 "$bin/.kontor.new"
mv -f "$bin/.kontor.new" "$bin/kontor"
cp "$here/$id.png" "$data/icons/hicolor/256x256/apps/$id.png"
# The menu entry starts the program by its full path (~/.local/bin is not on every PATH).
sed -e "s|^Exec=kontor|Exec=$bin/kontor|" -e "s|^Icon=.*|Icon=$id|" "$here/$id.desktop" >"$data/applications/$id.desktop"
chmod 644 "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true

version=$("$bin/kontor" version 2>/dev/null | head -n 1 || true)
echo "Installed ${version:-Kontor} for $(id -un): find Kontor in your applications menu."
echo "Your company file stays in ${XDG_CONFIG_HOME:-$HOME/.config}/Kontor."
