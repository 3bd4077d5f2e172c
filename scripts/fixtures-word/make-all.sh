#!/usr/bin/env bash
# Regenerates fixtures/word/ (the Word backend's own fixtures; tests never run LibreOffice):
#   <case>.docx        make-cases.py: hand-made WordprocessingML in a python-docx package (one case per file:
#                      grid-before vmerge-text sdt nested tracked breaks altchunk numbering)
#   lo-html.docx       LibreOffice converting lo-source.html (a second producer: LibreOffice's own docx markup)
#   lo-<case>.docx     LibreOffice opening and re-saving a hand-made case (its way of writing gridBefore, vMerge…)
#   legacy.doc         LibreOffice writing Word 97-2003 (.doc) — must be refused with a conversion hint
#   encrypted.docx     encrypt-docx.py: grid-before.docx password-protected (password "jixiao")
# Needs /usr/bin/python3 with python3-docx and python3-cryptography, soffice (libreoffice-writer-nogui), gsf
# (libgsf-bin); python3-msoffcrypto-tool to check the encryption round trip.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=fixtures/word
HERE=scripts/fixtures-word
mkdir -p "$OUT"
/usr/bin/python3 "$HERE/make-cases.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile: another soffice (the seed fixture build) may be running with the shared one.
lo() { soffice --headless -env:UserInstallation=file:///tmp/lo-profile-word "$@" >/dev/null 2>&1; }

cp "$HERE/lo-source.html" "$work/lo-html.html"
lo --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work/lo-html.html"
lo --infilter="HTML (StarWriter)" --convert-to 'doc:MS Word 97' --outdir "$work/out" "$work/lo-html.html"
for c in grid-before vmerge-text breaks; do
  cp "$OUT/$c.docx" "$work/lo-$c.docx"
  lo --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work/lo-$c.docx"
done
for f in "$work"/out/lo-*.docx; do
  # LibreOffice stamps the save time into docProps/core.xml: pin it so the files are reproducible.
  /usr/bin/python3 "$HERE/pin-dates.py" "$f" "$OUT/$(basename "$f")"
  echo "word: $OUT/$(basename "$f")"
done
mv "$work/out/lo-html.doc" "$OUT/legacy.doc"
echo "word: $OUT/legacy.doc"
/usr/bin/python3 "$HERE/encrypt-docx.py" "$OUT/grid-before.docx" "$OUT/encrypted.docx" jixiao
echo "word: $OUT/encrypted.docx"
