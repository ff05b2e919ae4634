#!/usr/bin/env bash
# Builds the Debian package from the staged files of `make dist`:
#   bash scripts/build-deb.sh BINARY VERSION ARCH OUTPUT.deb
# Depends lists the Debian package of every shared library the binary links, as ldd shows them
# (scripts/deb-depends.sh), so the .deb installs on a system without a Swift toolchain.
set -euo pipefail
binary=$1 version=$2 arch=$3 output=$4
cd "$(dirname "$0")/.."
stage=.build/stage
root=.build/deb/rulecheck_${version}_${arch}
rm -rf "$root"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/rulecheck" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
install -m 755 "$binary" "$root/usr/bin/rulecheck"
for page in "$stage"/man/*.1; do
    gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"
    chmod 644 "$root/usr/share/man/man1/$(basename "$page").gz"
done
install -m 644 "$stage/completions/rulecheck" "$root/usr/share/bash-completion/completions/rulecheck"
install -m 644 "$stage/completions/_rulecheck" "$root/usr/share/zsh/vendor-completions/_rulecheck"
install -m 644 "$stage/completions/rulecheck.fish" "$root/usr/share/fish/vendor_completions.d/rulecheck.fish"
install -m 644 LICENSE "$root/usr/share/doc/rulecheck/copyright"
gzip -9n < CHANGELOG.md > "$root/usr/share/doc/rulecheck/changelog.gz"
chmod 644 "$root/usr/share/doc/rulecheck/changelog.gz"
depends=$(bash scripts/deb-depends.sh "$binary")
size=$(du -sk "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: rulecheck
Version: $version
Architecture: $arch
Maintainer: rulecheck contributors <rulecheck@example.org>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Homepage: https://example.org/rulecheck
Description: validate, test and evaluate versioned YAML rule tables
 rulecheck reads certification-alignment rule tables in YAML, reports every problem at its
 line and column, proves each table complete and unambiguous, checks it against its
 expectations, and classifies single people or whole rosters.
CONTROL
mkdir -p "$(dirname "$output")"
# xz at level 2: 17 MB in about 20 s here; the default level 6 saves 2 MB for 50 s.
dpkg-deb --root-owner-group -Zxz -z2 --build "$root" "$output"
echo "Depends: $depends"
