#!/usr/bin/env bash
# Prints the Debian Depends line for a binary: for every shared library `ldd` resolves, the
# installed package that owns it (dpkg -S), as `package (>= installed version)`, sorted.
#   bash scripts/deb-depends.sh BINARY
set -euo pipefail
binary=$1
declare -A seen=()
while read -r library; do
    owner=""
    # With merged /usr, ldd may print /lib/... while dpkg knows /usr/lib/... (or the reverse).
    for candidate in "$library" "$(readlink -f "$library")" "/usr$library" "${library#/usr}"; do
        owner=$(dpkg -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && [ -n "$owner" ] && break
    done
    if [ -z "$owner" ]; then
        echo "deb-depends: no Debian package owns $library" >&2
        exit 1
    fi
    seen[$owner]=1
done < <(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
for package in "${!seen[@]}"; do
    version=$(dpkg-query -W -f='${Version}' "$package" | sed 's/-[^-]*$//')
    echo "$package (>= $version)"
done | sort | paste -sd, - | sed 's/,/, /g'
