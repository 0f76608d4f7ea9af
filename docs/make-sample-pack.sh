#!/usr/bin/env bash
# Builds the conference pack of the sample (province 06 Bắc Kạn, 2023) from sample-input/ with the real jar and the
# embedded PostgreSQL, converts it to PDF with LibreOffice headless, and renders its first pages to PNG under
# docs/pack/ (the images the README shows). Needs: the jar (mvn -B -q package -DskipTests), soffice, pdftoppm
# (apt-get install -y poppler-utils).
#
# The files get the arrival days of a real year (a git checkout keeps no modification times): most offices sent
# their 2023 report before the 20 December deadline, Chợ Đồn on 27 December, Bạch Thông's correction in January.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
jar="$repo/target/tonghop.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 1; }
command -v soffice >/dev/null || { echo "soffice (LibreOffice) not found" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sample-input "$work/"
inbox="$work/sample-input/inbox"
arrived() { touch -d "$2" "$inbox/$1"; }
arrived 063/bach-thong-2022.xlsx         "2022-12-19 09:00"
arrived 064/cho-don-2022.csv             "2022-12-20 09:00"
arrived 02251/khuon-ha-2022.csv          "2022-12-23 09:00"
arrived 071/lam-binh-2022.csv            "2022-12-17 09:00"
arrived 063/bach-thong-2023-lan1.csv     "2023-12-18 09:00"
arrived 063/bach-thong-2023-lan2.csv     "2024-01-09 09:00"
arrived 064/cho-don-2023.xlsx            "2023-12-27 09:00"
arrived 071/lam-binh-2023.xlsx           "2023-12-19 09:00"
arrived 071/lam-binh-2023-ban-sao.xlsx   "2023-12-19 10:00"
arrived 072/na-hang-2023.csv             "2023-12-20 09:00"
arrived 072/xuat-tu-he-thong-2023.csv    "2023-12-22 09:00"

(cd "$work" && java -jar "$jar" units import sample-input/registry/units.csv >/dev/null \
   && java -jar "$jar" run --inbox sample-input/inbox --out out | grep -E "^(Summary|Đã ghi)")

mkdir -p docs/pack
rm -f docs/pack/*-trang-*.png  # the HTML screenshot is replaced only where a Chromium can take it again
cp "$work/out/tonghop-06-2023.xlsx" "$work/out/tonghop-06-2023.html" docs/pack/
soffice --headless --convert-to pdf --outdir "$work/pdf" docs/pack/tonghop-06-2023.xlsx >/dev/null 2>&1
pdf="$work/pdf/tonghop-06-2023.pdf"
[ -f "$pdf" ] || { echo "LibreOffice wrote no PDF" >&2; exit 1; }
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
pdftoppm -r 80 -png -f 1 -l 4 "$pdf" docs/pack/tonghop-06-2023-trang
# The HTML summary as the conference screen shows it, when a headless Chromium is at hand.
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,720 \
    --screenshot="$repo/docs/pack/tonghop-06-2023-html.png" "file://$repo/docs/pack/tonghop-06-2023.html" >/dev/null 2>&1 || true
fi
echo "PDF: $pages pages; first pages: $(ls docs/pack/*-trang-*.png | xargs -n1 basename | tr '\n' ' ')"
