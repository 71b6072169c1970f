#!/bin/sh
# Fetches the UCI "Optical Recognition of Handwritten Digits" test set (1,797 images, 8x8 pixels,
# grey levels 0-16; Alpaydin and Kaynak 1998, CC BY 4.0) from Debian's python3-sklearn package,
# which ships it as sklearn/datasets/data/digits.csv.gz, and converts it into the module the site
# ships (src/lib/data/digits/optdigits.ts) with scripts/convert-digits.ts.
#
# Run it only to regenerate that committed file: the build and the tests never need apt. Debian's
# package is used because it is signed and versioned, so the bytes are the same on every run.
# apt-get download needs a package list; run `apt-get update` first on a fresh machine.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download python3-sklearn)
dpkg -x "$tmp"/python3-sklearn_*.deb "$tmp/root"
csv=$(find "$tmp/root" -path '*sklearn/datasets/data/digits.csv.gz' | head -n 1)
if [ -z "$csv" ]; then
  echo "fetch-digits: digits.csv.gz not found in python3-sklearn" >&2
  exit 1
fi
echo "fetch-digits: from $(basename "$tmp"/python3-sklearn_*.deb)"
npx node scripts/convert-digits.ts "$csv" src/lib/data/digits/optdigits.ts
