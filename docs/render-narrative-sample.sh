#!/usr/bin/env bash
# Drafts the sample narrative report (Bắc Kạn, 2023) from sample-input/ and renders its first page to
# docs/bao-cao-tong-ket-06-2023-trang-1.png, as committed: the README's main job, `export --docx`, then
# LibreOffice headless (Writer) to PDF and poppler's pdftoppm to PNG.
# Needs: the jar (mvn -B -q package -DskipTests), soffice with Writer (libreoffice-writer-nogui),
# pdftoppm (poppler-utils); Times New Roman or its metric twin Liberation Serif (fonts-liberation2).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
jar="$repo/target/tonghop.jar"
[ -f "$jar" ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sample-input "$work/"
# the correction (lần 2) arrived after lần 1; a git checkout keeps no modification times
touch -d '2024-01-05 08:00' "$work/sample-input/inbox/063/bach-thong-2023-lan1.csv"
touch -d '2024-01-09 08:00' "$work/sample-input/inbox/063/bach-thong-2023-lan2.csv"
cd "$work"
java -jar "$jar" units import sample-input/registry/units.csv >/dev/null
java -jar "$jar" run --inbox sample-input/inbox --out out >/dev/null
java -jar "$jar" export --year 2023 --province 06 --docx --out out

soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir out out/bao-cao-tong-ket-06-2023.docx >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/bao-cao-tong-ket-06-2023.pdf "$repo/docs/bao-cao-tong-ket-06-2023-trang-1"
echo "Đã ghi $repo/docs/bao-cao-tong-ket-06-2023-trang-1.png ($(pdfinfo out/bao-cao-tong-ket-06-2023.pdf | awk '/^Pages/ {print $2}') trang)"
