#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make-ingest-fixtures.py - regenerate src/test/resources/ingest/ (stdlib, iconv, LibreOffice).

    python3 src/test/tools/make-ingest-fixtures.py [--soffice PATH]

The end-to-end fixtures of the ingest tests (vn.tonghop.ingest.*IngestTest): one small file per case of
what offices really send. Every file carries the same four communes of district 063 (Bạch Thông) with the
same figures (ROWS below), so that each test can assert the exact values loaded.

  * CSV text in every encoding and delimiter: UTF-8 with and without BOM, UTF-16 LE/BE with BOM,
    Windows-1258 with combining tone marks, TCVN3 (ABC) bytes (encoded by glibc's iconv, not by tonghop),
    VNI-Windows bytes (encoded below from the VNI table), TCVN3 text pasted into a UTF-8 file.
  * Excel layouts, each written by LibreOffice (not by POI) from a flat-ODS file built here, as .xlsx and
    as .xls: title rows, a two-row merged header, total rows (matching, and one that does not add up),
    numbers stored as text, formulas with cached values, hidden and extra sheets, notes and signatures
    below the table, empty rows in the middle, date cells.
  * Excel typed in the legacy fonts: TCVN3 (.VnTime) and VNI (VNI-Times) throughout, TCVN3 rows pasted under
    a Unicode header, and a Unicode workbook whose Latin-1 characters (–, ½, ñ, ©, º) must stay as they are.
  * Periods: a period column, title lines, file names, and their conflicts.
  * Hostile files: header only, an .xlsx whose sheet XML declares an external entity.

The bytes of the Excel files carry LibreOffice's timestamps; their cells are always the same.
"""
import argparse
import csv
import io
import os
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "resources", "ingest")

TITLE = "BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"
H_SESSIONS = "Số buổi tuyên truyền, phổ biến pháp luật"
H_ATTENDEES = "Số lượt người tham gia"
H_HH_TOTAL = "Tổng số hộ gia đình"
H_HH_SIGNED = "Số hộ ký cam kết an toàn về ANTT"
H_VILLAGES = 'Số thôn, bản đạt chuẩn "An toàn về ANTT"'
H_NOTE = "Ghi chú"
INDICATOR_HEADERS = [H_SESSIONS, H_ATTENDEES, H_HH_TOTAL, H_HH_SIGNED, H_VILLAGES]

# code, name as the clerk writes it, then the five cells as typed (Vietnamese notation), then a note.
ROWS = [
    ("01969", "Thị trấn Phủ Thông", "92", "2.500", "1.800", "1.750", "10/10", "Đạt chuẩn"),
    ("02002", "Xã Cao Sơn", "07", "235", "336", "227", "6/6", ""),
    ("01975", "Xã Vi Hương", "21", "775", "512", "498", "7/8", "Tổ tự quản về ANTT"),
    ("02005", "Xã Quân Hà", "25", "1.580", "420", "400", "7/7", ""),
]
# A commune of another district: its row is rejected, and the message quotes its name as decoded.
FOREIGN = ("", "Xã Đồng Tâm", "5", "50", "100", "90", "3/3", "")


def number(text):
    """'2.500' -> 2500, '07' -> 7 (the figures above as numbers, for numeric cells)."""
    return int(text.replace(".", ""))


# ------------------------------------------------------------------------------------------------
# Text encodings
# ------------------------------------------------------------------------------------------------
def to_cp1258(s):
    """Windows-1258 as old Vietnamese Windows typed it: the vowel's shape (â, ơ, ...) composed where
    cp1258 has it, the tone as one of cp1258's combining marks (never the precomposed letter)."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        shape = "".join(m for m in marks if ord(m) in (0x302, 0x306, 0x31B))
        tone = "".join(m for m in marks if ord(m) not in (0x302, 0x306, 0x31B))
        letter = unicodedata.normalize("NFC", base + shape)
        out.append(letter + tone)
    text = "".join(out)
    data = text.encode("cp1258")
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == unicodedata.normalize("NFC", s)
    assert any(b in data for b in (b"\xcc", b"\xec", b"\xd2", b"\xde", b"\xf2")), "no combining tone mark"
    return data


def to_tcvn3(s):
    """TCVN3 (ABC) bytes by glibc's iconv (TCVN5712-1, whose upper half is the VN3 table). VN3 has no
    capitals with a tone: they were typed with the capitals-only .VnTimeH font using the small letters'
    codes, which is what is done here."""
    typed = "".join(c.lower() if c.isupper() and ord(c) > 0x7F and c not in "ĂÂÊÔƠƯĐ" else c
                    for c in unicodedata.normalize("NFC", s))
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=typed.encode("utf-8"),
                          stdout=subprocess.PIPE, check=True).stdout
    assert all(b >= 0x20 or b in (9, 10, 13) for b in data), "TCVN3 has no control-range letters"
    assert all(not (0x80 <= b < 0xA0) for b in data), "VN3 uses only the upper half A0..FF"
    back = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    assert unicodedata.normalize("NFC", back) == typed
    return data


VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï", "": ""}
VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(s):
    """VNI-Windows bytes: a base letter followed by a code for its shape and tone (aù = á, oâ = ô, aá = ấ),
    single codes for đ, ơ, ư, the toned i and ỵ. Capitals take the capital codes (Ñ, AÙ)."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        upper = ch.isupper()
        d = unicodedata.normalize("NFD", ch.lower())
        base, marks = d[0], d[1:]
        tone = "".join(m for m in marks if m in VNI_TONE)
        shape = "".join(m for m in marks if m not in VNI_TONE)
        if ch.lower() == "đ":
            code = "ñ"
        elif base == "i" and not shape and tone:
            code = VNI_I[tone]
        elif base == "y" and tone == "\u0323":
            code = "î"
        elif shape == "\u031b":           # horn: ơ, ư are single codes, then the tone
            code = ("ô" if base == "o" else "ö") + VNI_TONE[tone]
        elif shape == "\u0302":
            code = base + VNI_CIRCUMFLEX[tone]
        elif shape == "\u0306":
            code = base + VNI_BREVE[tone]
        elif not shape:
            code = base + VNI_TONE[tone]
        else:
            raise ValueError("no VNI code for " + ch)
        out.append(code.upper() if upper else code)
    data = "".join(out).encode("latin-1")
    assert any(b >= 0xC0 for b in data)
    return data


def csv_text(lines, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for cells in lines:
        w.writerow(cells)
    return buf.getvalue()


def encoding_table(year_line="NĂM 2023"):
    """Title, header without a code column (communes matched by name, so the names must decode right),
    the four communes and one of another district."""
    width = 3 + len(INDICATOR_HEADERS)
    pad = [""] * (width - 1)
    lines = [[TITLE + " " + year_line] + pad, ["Huyện Bạch Thông, tỉnh Bắc Kạn"] + pad, [""] + pad,
             ["STT", "Tên xã"] + INDICATOR_HEADERS + [H_NOTE]]
    for i, r in enumerate(ROWS + [FOREIGN], 1):
        lines.append([str(i), r[1]] + list(r[2:7]) + [r[7]])
    return lines


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def make_encodings():
    lines = encoding_table()
    write("ma-hoa-utf8-dau-phay.csv", csv_text(lines, ",").encode("utf-8"))
    write("ma-hoa-utf8-bom-cham-phay.csv", b"\xef\xbb\xbf" + csv_text(lines, ";").encode("utf-8"))
    write("ma-hoa-utf8-tab.csv", csv_text(lines, "\t").encode("utf-8"))
    write("ma-hoa-utf16le-tab.csv", b"\xff\xfe" + csv_text(lines, "\t").encode("utf-16-le"))
    write("ma-hoa-utf16be-cham-phay.csv", b"\xfe\xff" + csv_text(lines, ";").encode("utf-16-be"))
    write("ma-hoa-windows1258-dau-to-hop.csv", to_cp1258(csv_text(lines, ",")))
    write("ma-hoa-tcvn3.csv", to_tcvn3(csv_text(lines, ",")))
    write("ma-hoa-vni.csv", to_vni(csv_text(lines, ";")))
    # Header typed in Unicode, the rows pasted from an old TCVN3 document: font codes carried as Unicode.
    head, rows = lines[:4], lines[4:]
    legacy = to_tcvn3(csv_text(rows, ",")).decode("latin-1")
    write("ma-hoa-tcvn3-trong-utf8.csv", (csv_text(head, ",") + legacy).encode("utf-8"))


# ------------------------------------------------------------------------------------------------
# Periods (UTF-8 CSV, comma): a title line, a period column, the file name
# ------------------------------------------------------------------------------------------------
def period_file(name, title_lines, period_cells=None):
    header = ["STT", "Mã xã", "Tên xã"] + (["Kỳ báo cáo"] if period_cells else []) + INDICATOR_HEADERS
    pad = [""] * (len(header) - 1)
    lines = [[t] + pad for t in title_lines]
    if title_lines:
        lines.append([""] + pad)
    lines.append(header)
    for i, r in enumerate(ROWS, 1):
        lines.append([str(i), r[0], r[1]] + ([period_cells[i - 1]] if period_cells else []) + list(r[2:7]))
    write(name, csv_text(lines, ",").encode("utf-8"))


def make_periods():
    office = "CÔNG AN HUYỆN BẠCH THÔNG"
    period_file("ky-tieu-de-nam.csv", [office, TITLE + " NĂM 2023"])
    period_file("ky-tieu-de-6-thang.csv", [office, "BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024",
                                           "Phong trào Toàn dân bảo vệ an ninh Tổ quốc"])
    period_file("ky-tieu-de-quy.csv", [office, TITLE, "Quý III/2022"])
    period_file("ky-tieu-de-thang.csv", [office, TITLE + " THÁNG 11 NĂM 2023"])
    period_file("ky-cot.csv", [office, TITLE], ["Quý III/2022"] * 4)
    period_file("ky-ten-tep-quy-3-2022.csv", [office, TITLE])
    # The column refines the title's year; the title refines the file name's bare year.
    period_file("ky-cot-trong-nam.csv", [office, TITLE + " NĂM 2023"], ["Quý I/2023", "Quý I/2023", "Quý II/2023", "Quý II/2023"])
    period_file("ky-tieu-de-hon-ten-tep-2023.csv", [office, TITLE + " THÁNG 11 NĂM 2023"])
    # A place-and-date line with the day left blank for the pen is no period.
    period_file("ky-dong-ngay-de-trong.csv", [office + "          Bạch Thông, ngày      tháng 12 năm 2023",
                                              TITLE + " QUÝ III NĂM 2023"])
    # Conflicts.
    period_file("ky-xung-dot-tieu-de-2022.csv", [office, TITLE + " NĂM 2023"])
    period_file("ky-xung-dot-hai-dong-tieu-de.csv", [office, TITLE + " NĂM 2023", "Kỳ báo cáo: quý III/2022"])
    period_file("ky-cot-xung-dot-tieu-de.csv", [office, TITLE + " NĂM 2023"], ["Năm 2023", "Năm 2022", "Năm 2023", "Năm 2023"])
    period_file("ky-cot-xung-dot-ten-tep-2022.csv", [office, TITLE], ["Năm 2023", "Năm 2023", "Quý I/2022", "Năm 2023"])
    period_file("khong-co-ky.csv", [office, TITLE])


# ------------------------------------------------------------------------------------------------
# Excel, written by LibreOffice from flat ODS
# ------------------------------------------------------------------------------------------------
FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
 <style:default-style style:family="table-cell">
  <style:text-properties style:font-name="Times New Roman" fo:font-size="12pt" fo:language="vi" fo:country="VN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <number:number-style style:name="N3"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <number:date-style style:name="NMY"><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:date-style style:name="NDMY"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:date-style style:name="NDM"><number:day/><number:text>/</number:text><number:month/></number:date-style>
 <style:style style:name="ta" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="ta_hidden" style:family="table"><style:table-properties table:display="false"/></style:style>
 <style:style style:name="b" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="i" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="h" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="t" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="n" style:family="table-cell" style:data-style-name="N3"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="my" style:family="table-cell" style:data-style-name="NMY"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="dmy" style:family="table-cell" style:data-style-name="NDMY"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="dm" style:family="table-cell" style:data-style-name="NDM"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""


class Cell:
    def __init__(self, kind, value=None, style=None, cols=1, rows=1, formula=None):
        self.kind, self.value, self.style, self.cols, self.rows, self.formula = kind, value, style, cols, rows, formula

    def xml(self):
        attrs = ""
        if self.style:
            attrs += ' table:style-name="%s"' % self.style
        if self.cols > 1:
            attrs += ' table:number-columns-spanned="%d"' % self.cols
        if self.rows > 1:
            attrs += ' table:number-rows-spanned="%d"' % self.rows
        if self.formula:
            attrs += ' table:formula="of:=%s"' % escape(self.formula, {'"': "&quot;"})
        if self.kind is None:
            return "<table:table-cell%s/>" % attrs
        if self.kind == "s":
            return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (
                attrs, escape(self.value))
        if self.kind == "n":
            return '<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>' % (
                self.value, attrs, self.value)
        if self.kind == "d":
            return '<table:table-cell office:value-type="date" office:date-value="%s"%s><text:p>%s</text:p></table:table-cell>' % (
                self.value, attrs, self.value)
        raise ValueError(self.kind)


def s(text, style="t", cols=1, rows=1):
    return Cell("s", text, style, cols, rows)


def n(value, style="n", formula=None):
    return Cell("n", value, style, formula=formula)


def d(iso, style):
    return Cell("d", iso, style)


def blank(style=None):
    return Cell(None, style=style)


COVERED = object()  # a cell hidden under a merge


def sheet_xml(name, rows, hidden=False):
    out = ['<table:table table:name="%s" table:style-name="%s">' % (escape(name), "ta_hidden" if hidden else "ta"),
           '<table:table-column table:number-columns-repeated="12"/>']
    for cells in rows:
        parts = []
        for c in cells:
            parts.append("<table:covered-table-cell/>" if c is COVERED else c.xml())
        out.append("<table:table-row>%s</table:table-row>" % ("".join(parts) or "<table:table-cell/>"))
    out.append("</table:table>")
    return "".join(out)


def across(cell, width):
    """A cell merged across `width` columns, followed by the covered cells."""
    cell.cols = width
    return [cell] + [COVERED] * (width - 1)


def heading(period_line="NĂM 2023", width=8):
    """Agency and national motto, a blank row, the report's title (and its period line), a blank row."""
    rows = [across(s("CÔNG AN HUYỆN BẠCH THÔNG", "b"), 3) + [blank()] + across(s("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), 4),
            across(s("CÔNG AN XÃ, THỊ TRẤN", "b"), 3) + [blank()] + across(s("Độc lập - Tự do - Hạnh phúc", "b"), 4),
            [],
            across(s(TITLE, "b"), width)]
    if period_line:
        rows.append(across(s(period_line, "b"), width))
    rows.append([])
    return rows


def header_row(extra=()):
    return [s(h, "h") for h in ["STT", "Mã xã", "Tên xã"] + INDICATOR_HEADERS + list(extra)]


def data_row(i, r, numbers=True):
    cells = [n(i, "t"), s(r[0]), s(r[1])]
    for text in r[2:6]:
        cells.append(n(number(text)) if numbers else s(text))
    cells.append(s(r[6]))  # "6/6" always as text: a number cell cannot hold a fraction
    return cells


def signatures():
    return [[],
            [blank(), blank(), blank(), blank(), blank()] + across(s("Bạch Thông, ngày 14 tháng 12 năm 2023", "i"), 3),
            [blank(), blank(), s("NGƯỜI LẬP BIỂU", "b"), blank(), blank()] + across(s("TRƯỞNG CÔNG AN HUYỆN", "b"), 3),
            [blank(), blank(), s("(Ký, ghi rõ họ tên)", "i"), blank(), blank()] + across(s("(Ký tên, đóng dấu)", "i"), 3),
            [], [],
            [blank(), blank(), s("Nguyễn Văn An", "b"), blank(), blank()] + across(s("Hoàng Thị Bình", "b"), 3)]


def workbook(name, sheets, soffice, font=None):
    """Writes name.xlsx and name.xls with LibreOffice from one flat-ODS document (every cell in `font` if given)."""
    head = FODS_HEAD if font is None else FODS_HEAD.replace('style:font-name="Times New Roman"', 'fo:font-family="%s"' % font)
    body = head + "".join(sheet_xml(*sh) for sh in sheets) + "</office:spreadsheet></office:body></office:document>\n"
    with tempfile.TemporaryDirectory() as td:
        fods = os.path.join(td, name + ".fods")
        with open(fods, "w", encoding="utf-8") as f:
            f.write(body)
        profile = "file://" + os.path.join(td, "profile")
        for target, ext in (("xlsx:Calc MS Excel 2007 XML", "xlsx"), ("xls:MS Excel 97", "xls")):
            subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", target,
                            "--outdir", td, fods], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=180)
            shutil.move(os.path.join(td, name + "." + ext), os.path.join(OUT, name + "." + ext))


def make_excel(soffice):
    data = [data_row(i, r) for i, r in enumerate(ROWS, 1)]

    # Title rows above the header, and the column numbers under it.
    numbers = [s("(%d)" % k, "i") for k in range(1, 9)]
    workbook("excel-dong-tieu-de", [("Báo cáo", heading() + [header_row(), numbers] + data)], soffice)

    # A header merged across two rows: STT, Mã xã, Tên xã and the villages column merged down; two group
    # headings merged across their sub-columns.
    top = [s("STT", "h", rows=2), s("Mã xã", "h", rows=2), s("Tên xã", "h", rows=2)] \
        + across(s("Tuyên truyền", "h"), 2) + across(s("Hộ gia đình", "h"), 2) + [s(H_VILLAGES, "h", rows=2)]
    sub = [COVERED, COVERED, COVERED, s("Số buổi", "h"), s(H_ATTENDEES, "h"), s("Tổng số hộ", "h"),
           s("Số hộ ký cam kết", "h"), COVERED]
    workbook("excel-tieu-de-gop-hai-dong", [("Báo cáo", heading() + [top, sub] + data)], soffice)

    # A total row whose formulas add up (never loaded as a commune) ...
    first, last = 9, 12  # rows of the data below a 6-row heading, the header at row 7 and numbers at 8
    heading_rows = heading() + [header_row(), numbers]
    assert len(heading_rows) == first - 1
    totals = [blank("t"), blank("t"), s("Tổng cộng", "h")]
    for col, text_index in zip("DEFG", range(2, 6)):
        totals.append(n(sum(number(r[text_index]) for r in ROWS), formula="SUM([.%s%d:.%s%d])" % (col, first, col, last)))
    totals.append(s("30/31"))
    workbook("excel-dong-tong-cong", [("Báo cáo", heading_rows + data + [totals])], soffice)
    # ... and one typed by hand that does not: attendees 5.190 where the rows add up to 5.090.
    typed = [blank("t"), blank("t"), s("Cộng", "h"), n(145), n(5190), n(3068), n(2875), s("30/31")]
    workbook("excel-tong-cong-lech", [("Báo cáo", heading_rows + data + [typed])], soffice)

    # Numbers stored as text, in the clerk's notation, and money in words.
    as_text = [data_row(i, r, numbers=False) for i, r in enumerate(ROWS, 1)]
    money = ["100.000.000", "15 triệu", "", "2,5 triệu"]
    for row, m in zip(as_text, money):
        row.append(s(m) if m else blank("t"))
    workbook("excel-so-dang-van-ban",
             [("Báo cáo", heading() + [header_row(["Số tiền ủng hộ (đồng)"])] + as_text)], soffice)

    # Formulas with cached values (LibreOffice keeps them); a formula in error under a commune's column.
    formulas = []
    for i, r in enumerate(ROWS, 1):
        row_no = 7 + i
        attendees = number(r[3])
        cells = [n(i, "t"), s(r[0]), s(r[1]), n(number(r[2]), formula="%d+%d" % (number(r[2]) - 1, 1)),
                 n(attendees, formula="[.D%d]*0+%d" % (row_no, attendees)),
                 n(number(r[4]), formula="%d*2" % (number(r[4]) // 2) if number(r[4]) % 2 == 0 else None),
                 n(number(r[5]), formula="[.F%d]-%d" % (row_no, number(r[4]) - number(r[5]))), s(r[6])]
        formulas.append(cells)
    broken = [n(5, "t"), s("01978"), s("Xã Sĩ Bình"), n(4), Cell("s", "#DIV/0!", "t", formula="1/0"), n(300), n(280), s("5/5")]
    workbook("excel-cong-thuc", [("Báo cáo", heading() + [header_row()] + formulas + [broken])], soffice)

    # Hidden and extra sheets: instructions first, last year's table on a hidden sheet, the report last.
    old = [data_row(i, (r[0], r[1], "50", "500", "300", "200", "5/5", "")) for i, r in enumerate(ROWS, 1)]
    workbook("excel-sheet-an-va-phu", [
        ("Hướng dẫn", [[s("HƯỚNG DẪN ĐIỀN BIỂU MẪU", "b")], [s("Ghi số liệu vào trang \"Báo cáo\"; không sửa tiêu đề cột.", None)],
                       [s("Số liệu tính từ ngày 15/12 năm trước đến ngày 14/12 năm báo cáo.", None)]], False),
        ("Năm 2022", heading("NĂM 2022") + [header_row()] + old, True),
        ("Báo cáo", heading() + [header_row()] + data, False)], soffice)

    # The form's table on two visible sheets (two communes each): one table is read, the other sheet named in a warning.
    workbook("excel-hai-bang", [("Báo cáo", heading() + [header_row()] + data[:2], False),
                                ("Báo cáo (2)", heading() + [header_row()] + data[2:], False)], soffice)

    # Notes and signatures below the table.
    notes = [[], across(s("Ghi chú: Số liệu tính từ ngày 15/12/2022 đến ngày 14/12/2023.", None), 8),
             [blank(), s("Nơi nhận:", None)], [blank(), s("- Công an tỉnh (b/c);", None)], [blank(), s("- Lưu: VT.", None)]]
    workbook("excel-ghi-chu-chu-ky", [("Báo cáo", heading() + [header_row()] + data + notes + signatures())], soffice)

    # Empty rows in the middle of the table, and a numbered row left empty at its end.
    gaps = [data[0], data[1], [], [], data[2], [], data[3], [n(5, "t")]]
    workbook("excel-dong-trong-giua", [("Báo cáo", heading() + [header_row()] + gaps)], soffice)

    # Date cells: the period column holds dates shown as month/year (Excel makes a date of a typed
    # "11/2023"), the signature line a date; and one commune's "6/6" that became the date 6 June.
    dated = []
    for i, r in enumerate(ROWS, 1):
        cells = [n(i, "t"), s(r[0]), s(r[1]), d("2023-11-01", "my")] + [n(number(t)) for t in r[2:6]]
        cells.append(d("2023-06-06", "dm") if r[0] == "02002" else s(r[6]))
        dated.append(cells)
    header = [s(h, "h") for h in ["STT", "Mã xã", "Tên xã", "Kỳ báo cáo"] + INDICATOR_HEADERS]
    signature = [[], [blank(), blank(), blank(), blank(), blank(), s("Bạch Thông, ngày", "i"), d("2023-11-14", "dmy")]]
    workbook("excel-o-ngay-thang", [("Báo cáo", heading(None, 9) + [header] + dated + signature)], soffice)


# ------------------------------------------------------------------------------------------------
# Excel typed in a legacy font (.VnTime = TCVN3, VNI-Times = VNI): the cells hold the font's codes as
# Latin-1 characters, which is what Excel and LibreOffice store when a clerk types in such a font.
# ------------------------------------------------------------------------------------------------
# The notes of the legacy workbooks: "Có" alone is TCVN3 "Cã", which reads as a syllable either way.
LEGACY_NOTES = ["Đạt chuẩn", "", "Tổ tự quản về ANTT", "Có", ""]


def legacy_table():
    """Title rows, a header without a code column (communes matched by name, so the names must decode right,
    as in the CSV encodings), the four communes and one of another district, a "Ghi chú" column."""
    header = [s(h, "h") for h in ["STT", "Tên xã"] + INDICATOR_HEADERS + [H_NOTE]]
    data = []
    for i, (r, note) in enumerate(zip(ROWS + [FOREIGN], LEGACY_NOTES), 1):
        data.append([n(i, "t"), s(r[1])] + [n(number(t)) for t in r[2:6]] + [s(r[6]), s(note) if note else blank("t")])
    return heading(width=8) + [header], data


def typed_in(rows, encode):
    """The same rows with every text cell typed in a legacy font."""
    for row in rows:
        for c in row:
            if isinstance(c, Cell) and c.kind == "s":
                c.value = encode(c.value)
    return rows


def make_legacy_excel(soffice):
    tcvn3 = lambda text: to_tcvn3(text).decode("latin-1")
    vni = lambda text: to_vni(text).decode("latin-1") if any(ord(c) > 0x7F for c in text) else text
    head, data = legacy_table()
    workbook("excel-phong-tcvn3", [("Bao cao", typed_in(head + data, tcvn3))], soffice, ".VnTime")
    head, data = legacy_table()
    workbook("excel-phong-vni", [("Bao cao", typed_in(head + data, vni))], soffice, "VNI-Times")
    # The title and header in Unicode, the rows pasted from an old TCVN3 document.
    head, data = legacy_table()
    workbook("excel-tcvn3-dan-vao-unicode", [("Báo cáo", head + typed_in(data, tcvn3))], soffice)
    # Unicode throughout, with Latin-1 characters that are also legacy font codes: never converted.
    head = heading() + [[s("Huyện Bạch Thông – ½ năm, © Công an huyện", "i")], [s(h, "h") for h in ["STT", "Mã xã", "Tên xã"] + INDICATOR_HEADERS + [H_NOTE]]]
    notes = ["Số hộ – ½ đạt", "Ông José Muñoz", "Peña, Nº 5", "Tổ tự quản về ANTT"]
    data = [data_row(i, r) + [s(note)] for i, (r, note) in enumerate(zip(ROWS, notes), 1)]
    workbook("excel-unicode-ky-tu-latin1", [("Báo cáo", head + data)], soffice)


# ------------------------------------------------------------------------------------------------
# Hostile files
# ------------------------------------------------------------------------------------------------
def make_hostile():
    # A title and a header, and not one row.
    width = 3 + len(INDICATOR_HEADERS)
    lines = [[TITLE + " NĂM 2023"] + [""] * (width - 1), ["STT", "Mã xã", "Tên xã"] + INDICATOR_HEADERS]
    write("chi-dong-tieu-de.csv", csv_text(lines, ",").encode("utf-8"))

    # An .xlsx whose sheet XML declares an external entity and uses it in a cell: a reader that resolves
    # it would load the content of /etc/hostname (or whatever a server holds) as a value.
    source = os.path.join(OUT, "excel-dong-tieu-de.xlsx")
    target = os.path.join(OUT, "thuc-the-ngoai.xlsx")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                text = (text[:declaration_end]
                        + '\n<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
                        + text[declaration_end:])
                text = text.replace("</sheetData>", '<row r="20"><c r="C20" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData>', 1)
                data = text.encode("utf-8")
            zout.writestr(item, data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    make_encodings()
    make_periods()
    make_excel(args.soffice)
    make_legacy_excel(args.soffice)
    make_hostile()
    print("wrote", len(os.listdir(OUT)), "files to", OUT)


if __name__ == "__main__":
    main()
