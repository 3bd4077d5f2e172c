#!/usr/bin/env bash
# Regenerates fixtures/producers-web/ (documents as web producers make them; tests never run an office suite):
#   word-save-as/, editor-split/, wps-header-rows/   make.py (hand-written producer markup, any python3)
#   lo-from-html/doc.lo.docx                         LibreOffice importing lo-source.html (a government page:
#                                                    a layout table around the content, <th> labels, rowspans,
#                                                    <br> in cells, a page break between the projects)
# Needs soffice (libreoffice-writer-nogui) and /usr/bin/python3 (for pin-dates.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=scripts/fixtures-producers-web
OUT=fixtures/producers-web
python3 "$HERE/make.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$HERE/lo-source.html" "$work/doc.lo.html"
soffice --headless -env:UserInstallation=file:///tmp/lo-profile-producers-web --infilter="HTML (StarWriter)" \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work/doc.lo.html" >/dev/null 2>&1
mkdir -p "$OUT/lo-from-html"
# LibreOffice stamps the save time into docProps/core.xml: pin it so the file is reproducible.
/usr/bin/python3 scripts/fixtures-word/pin-dates.py "$work/out/doc.lo.docx" "$OUT/lo-from-html/doc.lo.docx"
echo "producers-web: $OUT/lo-from-html/doc.lo.docx"
