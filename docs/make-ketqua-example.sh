#!/usr/bin/env bash
# Rebuilds docs/ketqua-example.png (and -2.png): what a clerk gets back for sample-input/inbox/064/cho-don-2023.xlsx
# (a workbook written by LibreOffice), i.e. the .ketqua.xlsx of a real run, converted to PDF by LibreOffice
# headless and its first two pages to PNG by poppler. Needs a built jar (mvn -B -q package -DskipTests),
# soffice and pdftoppm (apt-get install -y poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/target/tonghop.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/inbox/064"
cp sample-input/inbox/064/cho-don-2023.xlsx "$work/inbox/064/"
(cd "$work" && java -jar "$jar" units import "$OLDPWD/sample-input/registry/units.csv" >/dev/null \
   && java -jar "$jar" ingest --inbox inbox)
result=$(find "$work/archive" -name 'cho-don-2023.ketqua.xlsx')
soffice --headless --convert-to pdf --outdir "$work" "$result" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 "$work/cho-don-2023.ketqua.pdf" "$work/page"
pdftoppm -png -r 80 -f 2 -l 2 "$work/cho-don-2023.ketqua.pdf" "$work/page"
cp "$work"/page-1.png docs/ketqua-example.png
cp "$work"/page-2.png docs/ketqua-example-2.png
echo "Wrote docs/ketqua-example.png and docs/ketqua-example-2.png"
