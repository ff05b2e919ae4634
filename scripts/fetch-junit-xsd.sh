#!/usr/bin/env bash
# Extracts the JUnit XSD (Jenkins xunit-plugin's junit-10.xsd, MIT) that pytest's source
# distribution ships in testing/example_scripts/, into .build/junit-xsd/, for the tests that
# validate `rulecheck test --format junit` against it. PyPI is the only source reachable here.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${PYTEST_SDIST_VERSION:-9.0.3}
target=.build/junit-xsd
[ -f "$target/junit-10.xsd" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip=$(command -v pip || command -v pip3)
"$pip" download --quiet --no-deps --no-binary :all: "pytest==$version" -d "$work"
mkdir -p "$target"
tar -xzf "$work/pytest-$version.tar.gz" -C "$work" "pytest-$version/testing/example_scripts/junit-10.xsd"
cp "$work/pytest-$version/testing/example_scripts/junit-10.xsd" "$target/junit-10.xsd"
echo "JUnit XSD: $target/junit-10.xsd (from pytest $version's sdist)"
