#!/usr/bin/python3
"""Copies a .docx with its save dates pinned (docProps/core.xml, docProps/app.xml TotalTime, zip entry dates),
so files LibreOffice writes are byte-for-byte reproducible.

Usage: /usr/bin/python3 scripts/fixtures-word/pin-dates.py IN.docx OUT.docx
"""
import os
import re
import sys
import zipfile

FIXED = (2024, 1, 1, 0, 0, 0)
STAMP = "2024-01-01T00:00:00Z"


def pin(name, data):
    if name == "docProps/core.xml":
        text = data.decode("utf-8")
        text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + STAMP, text)
        return text.encode("utf-8")
    if name == "docProps/app.xml":
        return re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
    return data


def main():
    src, dst = sys.argv[1:3]
    tmp = dst + ".tmp"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zout.writestr(entry, pin(info.filename, zin.read(info.filename)))
    os.replace(tmp, dst)  # a new file renamed into place, never rewritten in place


if __name__ == "__main__":
    main()
