#!/usr/bin/env bash
# Spreadsheet-authored fixtures (fixtures/producers/<name>/): the .fods source written by make-fods.py from
# content.py, then LibreOffice Calc's own conversions of it:
#   doc.fods        the workbook (flat ODS XML)
#   doc.xlsx        Calc saving it as Excel 2007-365
#   doc.calc.pdf    Calc printing it (page size, scaling, page breaks and header/footer from the sheet)
#   doc.calc.html   Calc's HTML export (every sheet a <table>, sdval/sdnum, <font>, colspan/rowspan)
#   doc.chromium.pdf  Chromium printing doc.calc.html (the saved page printed from a browser)
# expected.json is hand-written and never regenerated. Tests never run soffice.
# Usage: scripts/fixtures-producers/make-all.sh [name ...]   (default: every document in content.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/fixtures-producers/make-fods.py "$@"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=($(python3 -c 'import sys; sys.path.insert(0, "scripts/fixtures-producers"); from content import DOCS; print(" ".join(DOCS))'))
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in "${names[@]}"; do
  out=fixtures/producers/$name
  for target in pdf html xlsx; do
    rm -rf "$work/o" && mkdir -p "$work/o"
    soffice --headless -env:UserInstallation=file:///tmp/lo-profile-calc --convert-to "$target" --outdir "$work/o" "$out/doc.fods" >/dev/null 2>&1
    case $target in
      pdf) mv "$work/o/doc.pdf" "$out/doc.calc.pdf" ;;
      html) mv "$work/o/doc.html" "$out/doc.calc.html" ;;
      xlsx) mv "$work/o/doc.xlsx" "$out/doc.xlsx" ;;
    esac
  done
  profile=$(mktemp -d -p "$work")
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer --user-data-dir="$profile" \
    --print-to-pdf="$out/doc.chromium.pdf" "file://$PWD/$out/doc.calc.html" >/dev/null 2>&1
  echo "calc: $out/doc.calc.pdf doc.calc.html doc.xlsx doc.chromium.pdf"
done
