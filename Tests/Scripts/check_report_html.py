#!/usr/bin/env python3
"""Checks a report page rendered by headless Chromium against the same report as JSON.

  check_report_html.py PAGE.png PAGE.html LANG REPORT.json [MORE.json …]

1. The screenshot is not blank: enough pixels are not white (the PNG is decoded here, with zlib only).
2. Every number in the page's tables equals the JSON report's, found by the same keys: the table's id (section),
   the row's data-key and the column's data-key. Numbers are read as people see them (Vietnamese `1.536`, `15,1%`).
   A JSON report has one breakdown (`--by`) and the page several: the breakdowns of MORE.json are added.
Prints one line per problem and exits 1 if there is any; prints a summary and exits 0 otherwise.
"""
import json
import struct
import sys
import zlib
from html.parser import HTMLParser


def png_pixels(path):
    """(width, height, rows of pixel tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG: %s" % path)
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace != 0:
        raise SystemExit("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, color, interlace))
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, rows, channels


class Tables(HTMLParser):
    """Collects every table: id → {columns: [key], rows: {row key: [cell text]}}."""

    def __init__(self):
        super().__init__()
        self.tables, self.table, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.table = {"columns": [], "rows": {}}
            self.tables[attrs["id"]] = self.table
        elif tag == "tr" and self.table is not None and "data-key" in attrs:
            self.row = []
            self.table["rows"][attrs["data-key"]] = self.row
        elif tag == "th" and self.table is not None and "data-key" in attrs:
            self.table["columns"].append(attrs["data-key"])
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "table":
            self.table = None


def number(text, lang):
    """The value of a cell as people read it, or None for '-' (no value)."""
    text = text.replace("%", "").replace("+", "").strip()
    if text in ("-", ""):
        return None
    if lang == "vi":
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return float(text)


def expected(report, table_id, row, column):
    """The JSON report's value for one cell of the page."""
    if table_id == "inspections":
        source = report["inspections"]["total"] if row == "total" else next(
            k for k in report["inspections"]["byKind"] if k["kind"] == row)
        return source[column]
    if table_id in ("offices", "checks"):
        return report[table_id][row]
    if table_id == "violationsByType":
        if row == "total":
            return {"count": report["violations"]["total"], "share": 100 if report["violations"]["total"] else None}[column]
        return next(t for t in report["violations"]["byType"] if t["code"] == row).get(column)
    if table_id == "violationsBySeverity":
        if row == "total":
            return {"count": report["violations"]["total"], "share": 100 if report["violations"]["total"] else None}[column]
        return next(s for s in report["violations"]["bySeverity"] if s["severity"] == row).get(column)
    if table_id == "trend":
        return report["trend"][column].get(row)
    if table_id.startswith("by-"):
        breakdown = next(b for b in report["breakdowns"] if b["by"] == table_id[3:])
        if row == "total":
            rows = breakdown["rows"]
            total = sum(r["violations"] for r in rows)
            return {"inspections": sum(r.get("inspections", 0) for r in rows),
                    "staffChecked": sum(r.get("staffChecked", 0) for r in rows), "violations": total,
                    "violationsPer100Checked": report["checks"]["violationsPer100Checked"],
                    "share": 100 if total else None}[column]
        return next(r for r in breakdown["rows"] if r["key"] == row).get(column)
    if table_id == "escalations":
        levels = report["escalations"]
        return (levels["reminder"] + levels["correction"] + levels["referral"]) if row == "total" else levels[row]
    if table_id == "escalations-acknowledged":
        return report["escalations"][row]
    if table_id == "correctiveActions":
        return report["correctiveActions"][row]
    raise KeyError(table_id)


def main():
    png, html, lang = sys.argv[1:4]
    problems = []
    width, height, rows, channels = png_pixels(png)
    inked = sum(1 for line in rows for x in range(0, width * channels, channels)
                if min(line[x], line[x + 1], line[x + 2]) < 200)
    if inked < width * height // 200:
        problems.append("the screenshot is (nearly) blank: %d of %d pixels not white" % (inked, width * height))
    reports = [json.load(open(path, encoding="utf-8")) for path in sys.argv[4:]]
    report = reports[0]
    for other in reports[1:]:
        report["breakdowns"] += [b for b in other["breakdowns"] if b["by"] not in {x["by"] for x in report["breakdowns"]}]
    parser = Tables()
    parser.feed(open(html, encoding="utf-8").read())
    compared = 0
    for table_id, table in parser.tables.items():
        if table_id == "notInspected":
            codes = [o["code"] for o in report["offices"]["notInspected"]]
            if list(table["rows"]) != codes:
                problems.append("notInspected: page %s, JSON %s" % (list(table["rows"]), codes))
            continue
        measures = [c for c in table["columns"] if c not in ("code", "label")]
        skip = len(table["columns"]) - len(measures)
        for row, cells in table["rows"].items():
            for column, text in zip(measures, cells[skip:]):
                if column == "severity":
                    continue
                want = expected(report, table_id, row, column)
                got = number(text, lang)
                compared += 1
                if (want is None) != (got is None) or (want is not None and abs(float(want) - got) > 1e-9):
                    problems.append("%s/%s/%s: page %r, JSON %r" % (table_id, row, column, text, want))
    if compared < 20:
        problems.append("only %d numbers compared: the page's tables were not found" % compared)
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("ok: %d numbers equal, %d of %d pixels inked" % (compared, inked, width * height))


if __name__ == "__main__":
    main()
