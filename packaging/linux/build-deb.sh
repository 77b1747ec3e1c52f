#!/usr/bin/env bash
# Wrap the PyInstaller bundle (build-bundle.sh) into a Debian package:
#
#   packaging/linux/build-deb.sh WORKDIR OUTDIR
#
#   /opt/shop-manager/                the bundle
#   /usr/bin/shop-manager             -> /opt/shop-manager/shop-manager
#   /usr/share/applications/          shop-manager.desktop (the menu entry)
#   /usr/share/icons/hicolor/*/apps/  shop-manager.png / .svg
#   /usr/share/metainfo/              AppStream metadata (software centres)
#   /usr/share/doc/shop-manager/      copyright, changelog.gz
#   /usr/share/man/man1/              shop-manager.1.gz
#
# Depends: is computed by dpkg-shlibdeps from every ELF file in the bundle, so it
# names exactly the system libraries (xcb, xkbcommon, EGL, fontconfig, ...) the
# bundle links to and does not carry. No maintainer scripts: dpkg's triggers
# refresh the icon cache and menu, and nothing ever runs in a user's data folder.
set -euo pipefail

work="$(realpath -m "$1")"
out="$(realpath -m "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bundle="$work/dist/shop-manager"
stage="$work/deb"                  # dpkg-shlibdeps looks for the tree under debian/<package>
root="$stage/debian/shop-manager"
# Who answers for the package. Set SHOP_DEB_MAINTAINER for a real release.
maintainer="${SHOP_DEB_MAINTAINER:-Shop Manager maintainers <maintainers@shop-manager.invalid>}"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/pyproject.toml")"
arch="$(dpkg --print-architecture)"
changelog_version="$(dpkg-parsechangelog -l "$here/changelog" -S Version)"
if [ "$changelog_version" != "$version" ]; then
    echo "packaging/linux/changelog starts at $changelog_version, pyproject.toml says $version: add an entry." >&2
    exit 1
fi
# Every file's time is the changelog entry's: the same sources give the same package.
export SOURCE_DATE_EPOCH="$(dpkg-parsechangelog -l "$here/changelog" -S Timestamp)"
release_date="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
appstream_id="$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$here/shop-manager.metainfo.xml.in")"
metainfo="usr/share/metainfo/$appstream_id.metainfo.xml"

echo "--- Staging shop-manager $version ($arch)"
rm -rf "$stage"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/metainfo" "$root/usr/share/doc/shop-manager" "$root/usr/share/man/man1" \
    "$root/usr/share/lintian/overrides" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$root/opt/shop-manager"
ln -s /opt/shop-manager/shop-manager "$root/usr/bin/shop-manager"
install -m 0644 "$here/shop-manager.desktop" "$root/usr/share/applications/"
for png in "$repo"/shop_gui/icons/shop-manager-*.png; do
    size="${png##*-}"; size="${size%.png}"
    install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/shop-manager.png"
done
install -m 0644 "$repo/resources/icons/shop-manager.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$release_date/" "$here/shop-manager.metainfo.xml.in" \
    > "$root/$metainfo"
install -m 0644 "$here/copyright" "$root/usr/share/doc/shop-manager/copyright"
gzip -9n <"$here/changelog" >"$root/usr/share/doc/shop-manager/changelog.gz"
gzip -9n <"$here/shop-manager.1" >"$root/usr/share/man/man1/shop-manager.1.gz"
install -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/shop-manager"

# dpkg wants root:root (dpkg-deb --root-owner-group), 0755 folders, 0644 files; the
# one program 0755. Shared libraries are not executable (lintian: shlib-with-executable-bit).
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/shop-manager/shop-manager"

echo "--- Depends (dpkg-shlibdeps over every ELF file)"
mapfile -d '' elf_files < <(find "$root/opt" -type f -print0 | while IFS= read -r -d '' f; do
    head -c 4 "$f" | grep -q 'ELF' && printf '%s\0' "$f"; done)
# Libraries the bundle carries are searched in its own folders first (-l), so they
# count as part of this package. Qt's plugins find Qt's libraries via $ORIGIN.
internal="$root/opt/shop-manager/_internal"
printf 'Source: shop-manager\n\nPackage: shop-manager\nArchitecture: any\n' >"$stage/debian/control"  # it reads one
depends="$(cd "$stage" && dpkg-shlibdeps -O --warnings=0 \
    -l"$internal" -l"$internal/PySide6/Qt/lib" -l"$internal/PySide6" -l"$internal/shiboken6" \
    "${elf_files[@]}" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
echo "$depends" | tr ',' '\n' | sed 's/^ */  /'

installed_size="$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$maintainer/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@DEPENDS@/$depends/" \
    "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

echo "--- dpkg-deb (xz)"
mkdir -p "$out"
deb="$out/shop-manager_${version}_${arch}.deb"
start=$SECONDS
threads=()  # parallel xz where dpkg-deb offers it (not in Ubuntu 22.04's dpkg 1.21.1)
if dpkg-deb --help | grep -q -- '--threads-max'; then threads=(--threads-max="$(nproc)"); fi
dpkg-deb --root-owner-group -Zxz "${threads[@]}" --build "$root" "$deb"
echo "dpkg-deb took $((SECONDS - start)) s"

echo "--- Checks: desktop entry, AppStream, lintian"
desktop-file-validate "$root/usr/share/applications/shop-manager.desktop"
appstreamcli validate --no-net --explain "$root/$metainfo"
# Errors fail the build; warnings and notes are shown. What is inherent to a
# self-contained program under /opt is overridden, with reasons, in lintian-overrides.
# Notes (I:) are counted, not listed: hundreds of "hardening" and "spelling error in
# binary" notes about upstream libraries; the full report is in WORKDIR/lintian.txt.
status=0
lintian --fail-on error,warning --display-info --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || status=$?
grep -v '^I: \|^N: \|running with root privileges' "$work/lintian.txt" || true
if [ "$status" -ne 0 ]; then
    echo "lintian found errors or warnings (above): fix them, or override what is inherent, with a reason." >&2
    exit 1
fi
echo "lintian: no errors, no warnings, $(grep -c '^I: ' "$work/lintian.txt" || true) notes ($work/lintian.txt)"
echo "package: $deb, $(du -k "$deb" | cut -f1) KiB; installed size $((installed_size / 1024)) MiB"
