#!/usr/bin/env bash
# macOS: "Shop Manager.app" (PyInstaller, packaging/shop-manager.spec) in a .dmg,
# with the app's smoke test run twice: on the built app, and on the copy inside
# the mounted .dmg (what a user drags to Applications).
#
#   packaging/macos/build-dmg.sh PYTHON
#
# PYTHON has shop-manager installed (not editable) with the `package` extra.
# Writes dist/shop-manager-<version>-macos-<arm64|x86_64>.dmg. Runs on macOS only
# (iconutil, hdiutil): .github/workflows/installers.yml, job "macos".
# The app is ad-hoc signed by PyInstaller, not notarized: see the README.
set -euo pipefail

python=$1
cd "$(dirname "$0")/../.."
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml)"
arch="$(uname -m)"
work=build/package
icons=build/icons

echo "--- Icon: an .iconset rendered from the SVG, then iconutil"
iconset="$icons/shop-manager.iconset"
rm -rf "$iconset"
mkdir -p "$iconset"
for pair in 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x \
            256:256x256 512:256x256@2x 512:512x512 1024:512x512@2x; do
    "$python" packaging/render_icons.py --png "${pair%%:*}" "$iconset/icon_${pair#*:}.png"
done
iconutil -c icns -o "$icons/shop-manager.icns" "$iconset"

echo "--- PyInstaller"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$work/work" --distpath "$work/dist" packaging/shop-manager.spec
app="$work/dist/Shop Manager.app"
program="$app/Contents/MacOS/shop-manager"

check() {  # the program in an .app: its version, then the smoke test (offscreen)
    local shown
    shown="$("$1" --version)"
    [ "$shown" = "shop-manager $version" ] || { echo "--version says '$shown'" >&2; exit 1; }
    "$1" --smoke-test
}
echo "--- Smoke test of the built app"
check "$program"

echo "--- .dmg"
stage="$work/dmg"
rm -rf "$stage"
mkdir -p "$stage" dist
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"   # drag the app onto it to install
dmg="dist/shop-manager-$version-macos-$arch.dmg"
rm -f "$dmg"
hdiutil create -volname "Shop Manager $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

echo "--- Smoke test of the app inside the .dmg"
mount="$(mktemp -d)"
hdiutil attach -nobrowse -readonly -mountpoint "$mount" "$dmg"
trap 'hdiutil detach "$mount" -force >/dev/null 2>&1 || true' EXIT
check "$mount/Shop Manager.app/Contents/MacOS/shop-manager"
echo "$dmg: $(du -k "$dmg" | cut -f1) KiB"
