#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
make-sample.py - regenerate tonghop's sample-input/ folder (stdlib only).

    python3 sample-input/tools/make-sample.py [--registry-source PATH] [--soffice PATH]

What it does, in order:
  1. registry/units.csv: rows copied verbatim from the shared GSO registry (units-2024.csv)
     for districts 063, 064 (Bắc Kạn) and 071, 072 (Tuyên Quang). Without the shared file it
     re-reads the existing registry/units.csv, so the sample can be rebuilt from the repo alone.
  2. A seeded model of every commune's ANTQ-01 figures for 2022 and 2023, then the report
     files in inbox/<office>/ rendered from it (CSV in several encodings/delimiters, long form,
     and Excel files written by LibreOffice from a flat-ODS file it generates).
  3. Reads every produced file back with an independent mini-reader (csv / zipfile+XML) and
     checks that the cells are what the model says (so LibreOffice did not turn "10/10" into a
     date, row numbers are right, etc.).
  4. EXPECTED.md and expected/*.csv: per-file outcomes and the aggregates computed from the
     model with the rules of SPEC §5/§6 - not with any tonghop code.

Everything is deterministic (fixed random seed), except the bytes of the .xlsx files, which
carry LibreOffice's timestamps; their cell content is always the same.
"""
import argparse
import csv
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal, ROUND_HALF_UP
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)                      # sample-input/
REPO = os.path.dirname(ROOT)
INBOX = os.path.join(ROOT, "inbox")
REG_OUT = os.path.join(ROOT, "registry", "units.csv")
EXP_DIR = os.path.join(ROOT, "expected")
DEFAULT_REG_SRC = os.path.join(os.path.dirname(REPO), "shared", "data", "admin-units", "units-2024.csv")
REG_HEADER = ("province_code,province_name,district_code,district_name,commune_code,"
              "commune_name,commune_type,province_type,district_type")
SAMPLE_DISTRICTS = ["063", "064", "071", "072"]
YEARS = [2022, 2023]

# --------------------------------------------------------------------------------------------
# Catalogue excerpt (codes, main headers, kinds) - copied from jobs/antq-01.yaml; checked
# against that file at run time when it is present.
# --------------------------------------------------------------------------------------------
CAT = {
    "propaganda_sessions": ("Số buổi tuyên truyền, phổ biến pháp luật", "flow"),
    "propaganda_attendees": ("Số lượt người tham gia", "flow"),
    "loudspeaker_broadcasts": ("Số lượt tuyên truyền lưu động (loa)", "flow"),
    "radio_news_items": ("Số tin phát trên hệ thống truyền thanh", "flow"),
    "households_total": ("Tổng số hộ gia đình", "stock"),
    "households_signed": ("Số hộ ký cam kết an toàn về ANTT", "stock"),
    "cultural_households": ("Số hộ đạt gia đình văn hóa", "stock"),
    "villages_total": ("Tổng số thôn, bản, tổ dân phố", "stock"),
    "villages_safe": ('Số thôn, bản đạt chuẩn "An toàn về ANTT"', "stock"),
    "commune_safe": ('Xã đạt chuẩn "An toàn về ANTT"', "flag"),
    "self_mgmt_models": ("Số mô hình, tổ tự quản về ANTT", "stock"),
    "new_models": ("Số mô hình mới xây dựng", "flow"),
    "listening_forums": ('Số diễn đàn "Công an lắng nghe ý kiến Nhân dân"', "flow"),
    "dialogue_participants": ("Số lượt người tham gia đối thoại, diễn đàn", "flow"),
    "subjects_educated": ("Số đối tượng được gặp gỡ, giáo dục", "flow"),
    "guns_surrendered": ("Số khẩu súng, nòng súng tự chế thu hồi", "flow"),
    "ammunition_surrendered": ("Số viên đạn thu hồi", "flow"),
    "tips_received": ("Số nguồn tin có giá trị do Nhân dân cung cấp", "flow"),
    "cases_handled": ("Số vụ việc được điều tra, xử lý", "flow"),
    "traffic_accidents": ("Số vụ tai nạn giao thông", "flow"),
    "id_cards_issued": ("Số căn cước công dân đã cấp", "flow"),
    "awards_collective": ("Số tập thể được khen thưởng", "flow"),
    "awards_individual": ("Số cá nhân được khen thưởng", "flow"),
    "houses_for_poor": ("Số nhà xây cho hộ nghèo, khó khăn", "flow"),
    "donations_vnd": ("Số tiền ủng hộ (đồng)", "flow"),
}
# Aliases used in the sample (each is one whole alias of the catalogue, none containing a comma).
ALIAS = {
    "propaganda_sessions": "Số buổi tuyên truyền",
    "propaganda_attendees": "Số người tham gia",
    "households_total": "Tổng số hộ",
    "households_signed": "Số hộ ký cam kết",
    "villages_safe": "Số thôn đạt chuẩn",
    "commune_safe": "Xã đạt chuẩn an toàn về ANTT",
    "id_cards_issued": "Số CCCD đã cấp",
    "traffic_accidents": "Số vụ TNGT",
    "guns_surrendered": "Số súng tự chế thu hồi",
    "donations_vnd": "Số tiền ủng hộ (VNĐ)",
}
# Indicators whose fraction "a/b" typed under the column also gives the denominator.
DENOM = {"villages_safe": "villages_total", "households_signed": "households_total",
         "cultural_households": "households_total"}
# Cross-field rules (value <= other) that reject a row.
AT_MOST = {"villages_safe": "villages_total", "households_signed": "households_total",
           "cultural_households": "households_total"}
POSITIVE = {"villages_total", "households_total"}
# Indicators shown in EXPECTED.md (the 7 asked for + 2 others); expected CSV has the same set.
SHOW = ["propaganda_sessions", "propaganda_attendees", "villages_total", "villages_safe",
        "households_total", "households_signed", "commune_safe", "guns_surrendered",
        "donations_vnd"]
RATES = [("rate_villages_safe", "villages_safe", "villages_total"),
         ("rate_households_signed", "households_signed", "households_total"),
         ("rate_cultural_households", "cultural_households", "households_total")]


def check_catalogue():
    path = os.path.join(REPO, "jobs", "antq-01.yaml")
    if not os.path.exists(path):
        print("note: jobs/antq-01.yaml not found, catalogue check skipped")
        return
    text = unicodedata.normalize("NFC", open(path, encoding="utf-8").read())
    for code, (header, _) in CAT.items():
        assert re.search(r"code: %s\n\s+header: %s\n" % (re.escape(code), re.escape(header)), text), \
            "header of %s differs from jobs/antq-01.yaml" % code
    for code, alias in ALIAS.items():
        m = re.search(r"code: %s\n\s+header: .*\n\s+aliases: \[(.*)\]" % re.escape(code), text)
        assert m and alias in [a.strip() for a in m.group(1).split(",")], \
            "alias %r is not an alias of %s in jobs/antq-01.yaml" % (alias, code)


# --------------------------------------------------------------------------------------------
# 1. Registry
# --------------------------------------------------------------------------------------------
class Unit:
    def __init__(self, row):
        (self.pcode, self.pname, self.dcode, self.dname, self.code, self.name, self.ctype,
         self.ptype, self.dtype) = row


def build_registry(src):
    if src and os.path.exists(src):
        with open(src, encoding="utf-8", newline="") as f:
            lines = f.read().splitlines()
        assert lines[0] == REG_HEADER, "unexpected registry header in %s" % src
        keep = [l for l in lines[1:] if next(csv.reader([l]))[2] in SAMPLE_DISTRICTS]
        os.makedirs(os.path.dirname(REG_OUT), exist_ok=True)
        with open(REG_OUT, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join([REG_HEADER] + keep) + "\n")
    else:
        print("note: %s not found, re-using %s" % (src, REG_OUT))
    with open(REG_OUT, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert ",".join(rows[0]) == REG_HEADER
    units = [Unit(r) for r in rows[1:]]
    counts = {d: sum(1 for u in units if u.dcode == d) for d in SAMPLE_DISTRICTS}
    assert counts == {"063": 14, "064": 20, "071": 10, "072": 12}, counts
    return units


# --------------------------------------------------------------------------------------------
# 2. The model: true figures per commune and year
# --------------------------------------------------------------------------------------------
def make_model(units):
    rng = random.Random(20231214)
    model = {}
    for u in units:
        town = u.ctype == "Thị trấn"
        vil = rng.randint(10, 13) if town else rng.randint(6, 12)
        hh = vil * (rng.randint(95, 120) if town else rng.randint(50, 110))
        sess = rng.randint(30, 42) if town else rng.randint(12, 32)
        per = rng.randint(25, 45)
        safe22 = vil - rng.choice([0, 0, 0, 1, 1, 2])
        models22 = rng.randint(6, 14)
        zero_tngt = rng.random() < 0.65
        zero_house = rng.random() < 0.55
        cccd = rng.randint(500, 1500)
        guns = rng.randint(1, 4)
        don = rng.randint(20, 90)
        base = {"loudspeaker_broadcasts": rng.randint(28, 60), "radio_news_items": rng.randint(35, 80),
                "listening_forums": rng.randint(2, 4), "subjects_educated": rng.randint(3, 8),
                "ammunition_surrendered": rng.randint(15, 50), "tips_received": rng.randint(7, 16),
                "cases_handled": rng.randint(2, 7), "awards_individual": rng.randint(2, 5),
                "new_models": rng.randint(1, 3), "awards_collective": rng.randint(1, 2)}
        for y in YEARS:
            k = 1.0 if y == 2022 else rng.uniform(0.85, 1.2)

            def vary(code, lo=1):
                return max(lo, round(base[code] * (1.0 if y == 2022 else rng.uniform(0.8, 1.25))))
            v = {}
            v["propaganda_sessions"] = max(7, round(sess * k))
            v["propaganda_attendees"] = v["propaganda_sessions"] * max(20, per + rng.randint(-3, 3))
            v["loudspeaker_broadcasts"] = vary("loudspeaker_broadcasts")
            v["radio_news_items"] = vary("radio_news_items")
            v["households_total"] = hh if y == 2022 else hh + rng.randint(0, 18)
            v["households_signed"] = round(v["households_total"] * rng.uniform(0.82, 0.97))
            v["cultural_households"] = round(v["households_total"] * rng.uniform(0.78, 0.93))
            v["villages_total"] = vil
            v["villages_safe"] = safe22 if y == 2022 else min(vil, safe22 + rng.choice([0, 0, 1]))
            v["commune_safe"] = (v["villages_safe"] >= vil - 1) and rng.random() < 0.9
            v["self_mgmt_models"] = models22 if y == 2022 else models22 + rng.randint(0, 2)
            v["new_models"] = vary("new_models")
            v["listening_forums"] = vary("listening_forums", 2)
            v["dialogue_participants"] = v["listening_forums"] * rng.randint(65, 90)
            v["subjects_educated"] = vary("subjects_educated", 2)
            v["guns_surrendered"] = max(1, guns + rng.choice([-1, 0, 0, 1]))
            v["ammunition_surrendered"] = vary("ammunition_surrendered")
            v["tips_received"] = vary("tips_received")
            v["cases_handled"] = vary("cases_handled")
            v["traffic_accidents"] = 0 if zero_tngt else rng.randint(1, 2)
            v["id_cards_issued"] = cccd if y == 2022 else round(cccd * rng.uniform(0.55, 0.9))
            v["awards_collective"] = vary("awards_collective")
            v["awards_individual"] = vary("awards_individual")
            v["houses_for_poor"] = 0 if zero_house else rng.randint(1, 2)
            v["donations_vnd"] = (don + (0 if y == 2022 else rng.randint(-8, 12))) * 1_000_000
            model[(u.code, y)] = v
    # Hand-picked values the files are built around (see README / EXPECTED).
    model[("02077", 2023)].update(propaganda_sessions=32, propaganda_attendees=28)  # warning row
    model[("02035", 2023)].update(villages_total=6, villages_safe=7)  # error: 7 safe of 6
    model[("02035", 2022)].update(villages_total=6, villages_safe=6)
    model[("02008", 2023)].update(villages_total=9, villages_safe=8, commune_safe=False)  # lần 1
    model[("01975", 2023)].update(propaganda_sessions=18, propaganda_attendees=612)      # lần 1
    model[("02020", 2022)]["donations_vnd"] = 100_000_000   # typed "100 triệu"
    model[("02029", 2022)]["donations_vnd"] = 12_500_000    # typed "12,5 triệu"
    model[("01990", 2022)]["donations_vnd"] = 50_000_000    # typed "50 triệu" in an xlsx
    model[("01999", 2022)].update(propaganda_sessions=7, propaganda_attendees=235)  # "07"
    model[("01999", 2023)].update(propaganda_sessions=9, propaganda_attendees=306)
    model[("02020", 2023)]["donations_vnd"] = 90_000_000
    model[("02029", 2023)]["donations_vnd"] = 15_000_000
    model[("01969", 2022)].update(propaganda_sessions=40, propaganda_attendees=1800)  # "1.800"
    # Villages: every commune has 6-14 villages, the brief's range.
    return model


LAN2_CHANGES = {  # commune -> the values lần 2 corrects
    "01975": {"propaganda_sessions": 24, "propaganda_attendees": 820},
    "02008": {"villages_safe": 9, "commune_safe": True},
}


def check_no_outliers(model, units):
    """The sample must not trip the outlier warnings by accident: year-on-year ratio < 3 for
    non-zero values (< 5 for counts up to 10), zero stays zero, and in every district/year no value is 5x the median."""
    for u in units:
        a, b = model[(u.code, 2022)], model[(u.code, 2023)]
        for k in CAT:
            if k == "commune_safe":
                continue
            x, y = a[k], b[k]
            if u.code in ("02035", "02077") and k.startswith(("villages", "propaganda")):
                continue   # the rows built to break a rule
            assert (x == 0) == (y == 0), (u.code, k, x, y)
            if x:
                lim = 5 if max(x, y) <= 10 else 3   # small counts: 1 -> 4 is no outlier
                assert 1 / lim < y / x < lim, (u.code, k, x, y)
    for d in SAMPLE_DISTRICTS:
        for y in YEARS:
            for k in CAT:
                if k == "commune_safe":
                    continue
                vals = sorted(model[(u.code, y)][k] for u in units if u.dcode == d)
                med = vals[len(vals) // 2]
                if med:
                    assert max(vals) < 5 * med, (d, y, k, vals)


# --------------------------------------------------------------------------------------------
# Rendering numbers the way clerks type them
# --------------------------------------------------------------------------------------------
def dots(n):
    """1800 -> '1.800' (Vietnamese thousands separator)."""
    s = str(abs(n))
    g = []
    while len(s) > 3:
        g.insert(0, s[-3:])
        s = s[:-3]
    g.insert(0, s)
    return ("-" if n < 0 else "") + ".".join(g)


def money_text(n, style):
    if style == "trieu":
        m = Decimal(n) / Decimal(1_000_000)
        txt = str(int(m)) if m == m.to_integral() else str(m).rstrip("0")
        return txt.replace(".", ",") + " triệu"
    return dots(n)


# --------------------------------------------------------------------------------------------
# File specifications
# --------------------------------------------------------------------------------------------
class Col:
    def __init__(self, key, header, frac=False):
        self.key, self.header, self.frac = key, header, frac   # key: 'STT','CODE','NAME' or code


def cols(spec):
    """spec: list of (code, 'h'|'a'|'frac'|'afrac')."""
    out = []
    for code, how in spec:
        h = CAT[code][0] if how in ("h", "frac") else ALIAS[code]
        out.append(Col(code, h, frac=how in ("frac", "afrac")))
    return out


class Row:
    def __init__(self, code, name, values, present, cells=None, error=None, warn=None):
        self.code, self.name = code, name
        self.values = values          # true figures the row carries (after parsing)
        self.present = present        # indicator codes with a non-empty cell
        self.cells = cells or {}      # key -> typed cell override (text or number)
        self.error = error            # (column header, value, message) when rejected
        self.warn = warn              # (column header, value, message) warnings
        self.line = None              # row number as the clerk sees it (1-based)


class FileSpec:
    def __init__(self, path, office, year, fmt, title, columns, rows, **kw):
        self.path, self.office, self.year, self.fmt = path, office, year, fmt
        self.title, self.columns, self.rows = title, columns, rows
        self.kw = kw
        self.total_line = None
        self.total_cells = {}
        self.notes = kw.get("notes", [])


def unit_by_code(units):
    return {u.code: u for u in units}


def name_style(u, style):
    n = u.name
    if style == "full":
        return ("Thị trấn " if u.ctype == "Thị trấn" else "Xã ") + n
    if style == "lower":
        return ("thị trấn " if u.ctype == "Thị trấn" else "xã ") + n
    if style == "short":
        return ("TT. " if u.ctype == "Thị trấn" else "X. ") + n
    if style == "bare":
        return n
    if style == "upper":
        return n.upper()
    if style == "ascii":
        return strip_marks(n)
    if style == "nfd":
        return unicodedata.normalize("NFD", ("Xã " if u.ctype != "Thị trấn" else "Thị trấn ") + n)
    raise ValueError(style)


def strip_marks(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def district_rows(model, units, dcode, year, columns, omit=(), empties=None, name_styles=None):
    """One data row per commune of the district (minus omit). empties: {commune: [codes]}."""
    rows = []
    empties = empties or {}
    for i, u in enumerate(x for x in units if x.dcode == dcode and x.code not in omit):
        vals = dict(model[(u.code, year)])
        present = [c.key for c in columns if c.key not in empties.get(u.code, [])]
        style = (name_styles or ["full"])[i % len(name_styles or ["full"])]
        rows.append(Row(u.code, name_style(u, style), vals, present))
    return rows


def build_specs(model, units):
    U = unit_by_code(units)
    specs = []

    # ---- 063 Bạch Thông 2022: xlsx, 13 of 14 communes (Quang Thuận did not report) --------
    c063 = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "h"),
                 ("loudspeaker_broadcasts", "h"), ("radio_news_items", "h"),
                 ("households_total", "a"), ("households_signed", "h"),
                 ("villages_safe", "frac"), ("commune_safe", "h"), ("self_mgmt_models", "h"),
                 ("new_models", "h"), ("listening_forums", "h"), ("tips_received", "h"),
                 ("guns_surrendered", "h"), ("traffic_accidents", "h"),
                 ("id_cards_issued", "a"), ("donations_vnd", "h")])
    rows = district_rows(model, units, "063", 2022, c063, omit={"02017"},
                         empties={"01978": ["radio_news_items"], "02011": ["radio_news_items"],
                                  "02005": ["donations_vnd"]},
                         name_styles=["full"])
    for r in rows:
        if r.code == "01999":
            r.cells["propaganda_sessions"] = "07"          # number typed as text, leading zero
        if r.code == "01969":
            r.cells["propaganda_attendees"] = "1.800"      # number typed as text, VN thousands
        if r.code == "01990":
            r.cells["donations_vnd"] = "50 triệu"
    specs.append(FileSpec("063/bach-thong-2022.xlsx", "063", 2022, "xlsx",
                          title=dict(agency="CÔNG AN TỈNH BẮC KẠN", office="CÔNG AN HUYỆN BẠCH THÔNG",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2022",
                                     sub="(Số liệu tính từ ngày 15/12/2021 đến ngày 14/12/2022)",
                                     place="Bạch Thông", date="ngày 16 tháng 12 năm 2022",
                                     maker="Nông Thị Hạnh", chief="Thượng tá Hoàng Văn Quyết",
                                     chief_title="TRƯỞNG CÔNG AN HUYỆN"),
                          columns=c063, rows=rows, flag_yes="x", flag_no="", total="typed",
                          sheet="BC năm 2022"))

    # ---- 063 Bạch Thông 2023: CSV UTF-8 BOM ';', lần 1 and lần 2 -------------------------
    c063b = cols([("propaganda_sessions", "a"), ("propaganda_attendees", "h"),
                  ("loudspeaker_broadcasts", "h"), ("radio_news_items", "h"),
                  ("households_total", "h"), ("households_signed", "a"),
                  ("villages_safe", "frac"), ("commune_safe", "a"), ("self_mgmt_models", "h"),
                  ("new_models", "h"), ("listening_forums", "h"), ("tips_received", "h"),
                  ("guns_surrendered", "h"), ("traffic_accidents", "a"),
                  ("id_cards_issued", "h"), ("donations_vnd", "h")])
    for lan in (1, 2):
        m = {k: dict(v) for k, v in model.items()}
        if lan == 2:
            for c, ch in LAN2_CHANGES.items():
                m[(c, 2023)].update(ch)
        rows = district_rows(m, units, "063", 2023, c063b,
                             empties={"01981": ["tips_received"], "02014": ["donations_vnd"]},
                             name_styles=["full", "full", "lower"])
        line = "BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023"
        if lan == 2:
            line += " (LẦN 2)"
        specs.append(FileSpec("063/bach-thong-2023-lan%d.csv" % lan, "063", 2023, "csv",
                              title=dict(agency="CÔNG AN TỈNH BẮC KẠN",
                                         office="CÔNG AN HUYỆN BẠCH THÔNG", line=line),
                              columns=c063b, rows=rows, encoding="utf-8-sig", delim=";",
                              eol="\r\n", flag_yes="Đạt", flag_no="Không", lead0=True))

    # ---- 064 Chợ Đồn 2023: xlsx with errors ------------------------------------------------
    c064 = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "a"),
                 ("loudspeaker_broadcasts", "h"), ("households_total", "h"),
                 ("households_signed", "a"), ("villages_total", "h"), ("villages_safe", "a"),
                 ("commune_safe", "h"), ("self_mgmt_models", "h"), ("new_models", "h"),
                 ("listening_forums", "h"), ("dialogue_participants", "h"),
                 ("tips_received", "h"), ("subjects_educated", "h"), ("guns_surrendered", "a"),
                 ("id_cards_issued", "h"), ("awards_individual", "h"), ("donations_vnd", "a")])
    rows = district_rows(model, units, "064", 2023, c064,
                         empties={"02038": ["dialogue_participants"],
                                  "02062": ["villages_safe"]},
                         name_styles=["full", "short", "full", "lower"])
    H = {c.key: c.header for c in c064}
    for r in rows:
        if r.code == "02035":
            r.error = (H["villages_safe"], "7", "Số thôn đạt chuẩn (7) lớn hơn tổng số thôn (6)")
        if r.code == "02053":
            r.cells["new_models"] = "nhiều"
            r.error = (H["new_models"], "nhiều", "Giá trị không phải là số")
        if r.code == "02068":
            r.cells["listening_forums"] = -1
            r.values["listening_forums"] = -1
            r.error = (H["listening_forums"], "-1", "Số âm")
        if r.code == "02077":
            r.warn = (H["propaganda_attendees"], "28",
                      "Số lượt người tham gia (28) ít hơn số buổi tuyên truyền (32)")
    # the unknown commune, inserted after Bằng Phúc (02041)
    ghost = dict(model[("02041", 2023)])
    ghost.update(propaganda_sessions=15, propaganda_attendees=540, households_total=455,
                 households_signed=410, villages_total=7, villages_safe=7)
    g = Row("02056", "Xã Phong Huân", ghost, [c.key for c in c064],
            error=("Mã xã", "02056", "Không tìm thấy xã có mã 02056 (Xã Phong Huân) trong danh mục"))
    pos = [i for i, r in enumerate(rows) if r.code == "02041"][0] + 1
    rows.insert(pos, g)
    specs.append(FileSpec("064/cho-don-2023.xlsx", "064", 2023, "xlsx",
                          title=dict(agency="CÔNG AN TỈNH BẮC KẠN", office="CÔNG AN HUYỆN CHỢ ĐỒN",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023",
                                     place="Chợ Đồn", date="ngày 15 tháng 12 năm 2023",
                                     maker="Hà Thị Thu", chief="Trung tá Ma Văn Lợi",
                                     chief_title="TRƯỞNG CÔNG AN HUYỆN"),
                          columns=c064, rows=rows, flag_yes="Đạt", flag_no="Không",
                          total="typed-wrong", wrong_total_col="propaganda_attendees",
                          wrong_total_delta=1000, sheet="Tổng hợp"))

    # ---- 064 Chợ Đồn 2022: CSV UTF-8 (no BOM) ',' all valid --------------------------------
    c064b = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "h"),
                  ("radio_news_items", "h"), ("households_total", "h"),
                  ("households_signed", "h"), ("cultural_households", "h"),
                  ("villages_total", "h"), ("villages_safe", "h"), ("commune_safe", "h"),
                  ("self_mgmt_models", "h"), ("listening_forums", "h"),
                  ("subjects_educated", "h"), ("guns_surrendered", "h"),
                  ("houses_for_poor", "h"), ("awards_individual", "h"), ("donations_vnd", "a")])
    rows = district_rows(model, units, "064", 2022, c064b,
                         empties={"02047": ["villages_safe"], "02071": ["cultural_households"],
                                  "02083": ["donations_vnd"]},
                         name_styles=["full"])
    for r in rows:
        if r.code in ("02020", "02029", "02050", "02065"):
            r.cells["donations_vnd"] = money_text(r.values["donations_vnd"], "trieu")
    specs.append(FileSpec("064/cho-don-2022.csv", "064", 2022, "csv",
                          title=dict(office="CÔNG AN HUYỆN CHỢ ĐỒN",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2022"),
                          columns=c064b, rows=rows, encoding="utf-8", delim=",", eol="\r\n",
                          flag_yes="Đạt", flag_no="Không đạt"))

    # ---- 02251 Khuôn Hà 2022: commune office, Windows-1258, tab --------------------------
    ckh = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "h"),
                ("loudspeaker_broadcasts", "h"), ("radio_news_items", "h"),
                ("cultural_households", "frac"), ("villages_safe", "frac"),
                ("commune_safe", "h"), ("self_mgmt_models", "h"), ("tips_received", "h"),
                ("guns_surrendered", "h"), ("traffic_accidents", "h"), ("id_cards_issued", "h"),
                ("awards_individual", "h"), ("donations_vnd", "h")])
    u = U["02251"]
    rows = [Row(u.code, "Xã Khuôn Hà", dict(model[(u.code, 2022)]), [c.key for c in ckh])]
    rows[0].cells["donations_vnd"] = money_text(rows[0].values["donations_vnd"], "trieu")
    specs.append(FileSpec("02251/khuon-ha-2022.csv", "02251", 2022, "csv",
                          title=dict(office="CÔNG AN XÃ KHUÔN HÀ",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2022"),
                          columns=ckh, rows=rows, encoding="cp1258", delim="\t", eol="\r\n",
                          flag_yes="Đạt", flag_no="Không", no_total=True, lead0=True))

    # ---- 071 Lâm Bình 2023: xlsx with SUM formulas, and a byte-identical copy ------------
    c071 = cols([("propaganda_sessions", "a"), ("propaganda_attendees", "h"),
                 ("loudspeaker_broadcasts", "h"), ("households_total", "h"),
                 ("households_signed", "h"), ("cultural_households", "h"),
                 ("villages_safe", "frac"), ("commune_safe", "h"), ("self_mgmt_models", "h"),
                 ("new_models", "h"), ("listening_forums", "h"), ("tips_received", "h"),
                 ("guns_surrendered", "a"), ("ammunition_surrendered", "h"),
                 ("id_cards_issued", "h"), ("houses_for_poor", "h"), ("donations_vnd", "h")])
    rows = district_rows(model, units, "071", 2023, c071,
                         empties={"02293": ["ammunition_surrendered"]},
                         name_styles=["full", "bare"])
    specs.append(FileSpec("071/lam-binh-2023.xlsx", "071", 2023, "xlsx",
                          title=dict(agency="CÔNG AN TỈNH TUYÊN QUANG", office="CÔNG AN HUYỆN LÂM BÌNH",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023",
                                     place="Lâm Bình", date="ngày 14 tháng 12 năm 2023",
                                     maker="Ma Thị Liên", chief="Thượng tá Nguyễn Văn Hùng",
                                     chief_title="TRƯỞNG CÔNG AN HUYỆN"),
                          columns=c071, rows=rows, flag_yes="x", flag_no="Không", total="formula",
                          sheet="Sheet1", copy="071/lam-binh-2023-ban-sao.xlsx"))

    # ---- 071 Lâm Bình 2022: CSV UTF-8 BOM ',', typed on a Mac: whole file in NFD ---------
    c071b = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "h"),
                  ("households_total", "h"), ("households_signed", "h"),
                  ("villages_total", "h"), ("villages_safe", "h"), ("commune_safe", "h"),
                  ("self_mgmt_models", "h"), ("listening_forums", "h"),
                  ("dialogue_participants", "h"), ("guns_surrendered", "h"),
                  ("cases_handled", "h"), ("id_cards_issued", "h"), ("donations_vnd", "h")])
    rows = district_rows(model, units, "071", 2022, c071b, omit={"02251"},
                         empties={"02299": ["villages_safe"]}, name_styles=["nfd"])
    specs.append(FileSpec("071/lam-binh-2022.csv", "071", 2022, "csv",
                          title=dict(office="CÔNG AN HUYỆN LÂM BÌNH",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2022"),
                          columns=c071b, rows=rows, encoding="utf-8-sig", delim=",", eol="\r\n",
                          flag_yes="x", flag_no="", nfd=True))

    # ---- 072 Na Hang 2023: UTF-16 tab ("Unicode text"), names only, no code column -------
    c072 = cols([("propaganda_sessions", "h"), ("propaganda_attendees", "h"),
                 ("radio_news_items", "h"), ("households_total", "h"),
                 ("households_signed", "h"), ("villages_total", "h"), ("villages_safe", "h"),
                 ("commune_safe", "h"), ("self_mgmt_models", "h"), ("listening_forums", "h"),
                 ("dialogue_participants", "h"), ("tips_received", "h"), ("cases_handled", "h"),
                 ("guns_surrendered", "h"), ("traffic_accidents", "h"), ("id_cards_issued", "h"),
                 ("awards_collective", "h"), ("donations_vnd", "h")])
    long_communes = ["02263", "02275"]          # Khau Tinh, Sơn Phú: sent by the long export
    rows = district_rows(model, units, "072", 2023, c072,
                         omit=set(long_communes) | {"02284"},   # Thanh Tương: not reported
                         empties={"02239": ["dialogue_participants"]},
                         name_styles=["full", "short", "lower", "upper", "ascii", "bare"])
    specs.append(FileSpec("072/na-hang-2023.csv", "072", 2023, "csv",
                          title=dict(office="CÔNG AN HUYỆN NA HANG",
                                     line="BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023"),
                          columns=c072, rows=rows, encoding="utf-16", delim="\t", eol="\r\n",
                          flag_yes="Đạt", flag_no="Không đạt", no_code=True,
                          name_header="Tên đơn vị"))

    # ---- 072 long form 2023 ----------------------------------------------------------------
    long_codes = ["propaganda_sessions", "propaganda_attendees", "households_total",
                  "households_signed", "villages_total", "villages_safe", "commune_safe",
                  "self_mgmt_models", "tips_received", "guns_surrendered", "donations_vnd"]
    rows = [Row(c, U[c].name, dict(model[(c, 2023)]), long_codes) for c in long_communes]
    specs.append(FileSpec("072/xuat-tu-he-thong-2023.csv", "072", 2023, "long", title=None,
                          columns=[Col(k, k) for k in long_codes], rows=rows))
    return specs


# --------------------------------------------------------------------------------------------
# Cell text for CSV, typed cell for xlsx
# --------------------------------------------------------------------------------------------
def cell_text(spec, row, col):
    """The string the clerk typed (CSV)."""
    k = col.key
    if k in row.cells:
        v = row.cells[k]
        return v if isinstance(v, str) else dots(v)
    if k not in row.present:
        return ""
    v = row.values[k]
    if k == "commune_safe":
        return spec.kw["flag_yes"] if v else spec.kw["flag_no"]
    if col.frac:
        return "%s/%s" % (dots(v), dots(row.values[DENOM[k]]))
    if k == "donations_vnd":
        return dots(v)
    if spec.kw.get("lead0") and 0 < v < 10 and k in ("propaganda_sessions", "new_models",
                                                      "guns_surrendered", "listening_forums"):
        return "%02d" % v
    return dots(v)


def cell_xlsx(spec, row, col):
    """('n', number) or ('s', text) or None for the xlsx."""
    k = col.key
    if k in row.cells:
        v = row.cells[k]
        return ("s", v) if isinstance(v, str) else ("n", v)
    if k not in row.present:
        return None
    v = row.values[k]
    if k == "commune_safe":
        t = spec.kw["flag_yes"] if v else spec.kw["flag_no"]
        return ("s", t) if t else None
    if col.frac:
        return ("s", "%d/%d" % (v, row.values[DENOM[k]]))
    return ("n", v)


def parse_clerk_number(t):
    """Independent reader of what the clerk typed -> int (for total-row arithmetic)."""
    t = t.strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:,\d+)?) triệu", t)
    if m:
        return int(Decimal(m.group(1).replace(",", ".")) * 1_000_000)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*|-?\d+", t):
        return int(t.replace(".", ""))
    return None


def total_cells(spec, data_rows):
    """What the clerk typed in the total row: column sums over all data rows she typed
    (text that is not a number ignored), with one deliberate mistake in cho-don-2023."""
    out, sums = {}, {}
    for col in spec.columns:
        k = col.key
        if k == "commune_safe":
            continue
        if col.frac:
            num = den = 0
            for r in data_rows:
                t = cell_text(spec, r, col)
                if t:
                    a, b = t.split("/")
                    num += int(a.replace(".", ""))
                    den += int(b.replace(".", ""))
            out[k] = ("s", "%s/%s" % (dots(num), dots(den)))
            sums[k] = (num, den)
            continue
        s = 0
        for r in data_rows:
            v = parse_clerk_number(cell_text(spec, r, col))
            if v is not None:
                s += v
        sums[k] = s
        typed = s
        if spec.kw.get("wrong_total_col") == k:
            typed = s + spec.kw["wrong_total_delta"]
        out[k] = ("n", typed)
    return out, sums


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------
def to_cp1258(s):
    """Vietnamese text -> Windows-1258 bytes: decomposed, vowel modifiers composed into the
    base letter where cp1258 has it, tone marks as cp1258's combining characters."""
    out = []
    s = unicodedata.normalize("NFD", s)
    clusters, cur = [], ""
    for ch in s:
        if unicodedata.combining(ch) and cur:
            cur += ch
        else:
            if cur:
                clusters.append(cur)
            cur = ch
    if cur:
        clusters.append(cur)
    for cl in clusters:
        base, marks = cl[0], sorted(cl[1:], key=lambda m: 0 if ord(m) in (0x302, 0x306, 0x31B) else 1)
        acc = base
        for mk in marks:
            comp = unicodedata.normalize("NFC", acc[-1] + mk)
            if len(comp) == 1:
                try:
                    comp.encode("cp1258")
                    acc = acc[:-1] + comp
                    continue
                except UnicodeEncodeError:
                    pass
            acc += mk
        out.append(acc)
    text = "".join(out)
    b = text.encode("cp1258")
    assert unicodedata.normalize("NFC", b.decode("cp1258")) == unicodedata.normalize("NFC", s)
    return b


def header_cells(spec):
    h = []
    h.append("STT")
    if not spec.kw.get("no_code"):
        h.append("Mã xã")
    h.append(spec.kw.get("name_header", "Tên xã"))
    h += [c.header for c in spec.columns]
    return h


def write_csv(spec, path):
    ncol = len(header_cells(spec))
    lines = []

    def pad(cells):
        return cells + [""] * (ncol - len(cells))
    t = spec.title
    if t.get("agency"):
        lines.append(("title", pad([t["agency"]])))
    lines.append(("title", pad([t["office"]])))
    lines.append(("title", pad([])))
    lines.append(("title", pad([t["line"]])))
    lines.append(("title", pad([])))
    lines.append(("header", header_cells(spec)))
    for i, r in enumerate(spec.rows, 1):
        cells = [str(i)]
        if not spec.kw.get("no_code"):
            cells.append(r.code)
        cells.append(r.name)
        cells += [cell_text(spec, r, c) for c in spec.columns]
        lines.append((r, cells))
    if not spec.kw.get("no_total"):
        tc, sums = total_cells(spec, spec.rows)
        spec.total_sums = sums
        cells = [""] + ([""] if not spec.kw.get("no_code") else []) + ["Tổng cộng"]
        for c in spec.columns:
            v = tc.get(c.key)
            cells.append("" if v is None else (v[1] if v[0] == "s" else dots(v[1])))
        spec.total_cells = tc
        lines.append(("total", cells))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=spec.kw["delim"], lineterminator=spec.kw["eol"],
                   quoting=csv.QUOTE_MINIMAL)
    for n, (what, cells) in enumerate(lines, 1):
        if isinstance(what, Row):
            what.line = n
        elif what == "total":
            spec.total_line = n
        elif what == "header":
            spec.header_line = n
        w.writerow(cells)
    text = buf.getvalue()
    if spec.kw.get("nfd"):
        text = unicodedata.normalize("NFD", text)
    enc = spec.kw["encoding"]
    if enc == "cp1258":
        data = to_cp1258(text)
    elif enc == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(enc)
    with open(path, "wb") as f:
        f.write(data)


def write_long(spec, path):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["ma_don_vi", "ky_bao_cao", "chi_tieu", "gia_tri"])
    n = 1
    spec.long_lines = {}
    for r in spec.rows:
        first = n + 1
        for k in r.present:
            v = r.values[k]
            if k == "commune_safe":
                v = "Đạt" if v else "Không đạt"
            n += 1
            w.writerow([r.code, str(spec.year), k, v])
        r.line = "%d-%d" % (first, n)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode("utf-8"))


def col_letter(i):  # 0 -> A
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


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
  <style:text-properties style:font-name="Times New Roman" fo:font-size="11pt" fo:language="vi" fo:country="VN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <number:number-style style:name="N3"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="co_stt" style:family="table-column"><style:table-column-properties style:column-width="0.9cm"/></style:style>
 <style:style style:name="co_code" style:family="table-column"><style:table-column-properties style:column-width="1.6cm"/></style:style>
 <style:style style:name="co_name" style:family="table-column"><style:table-column-properties style:column-width="3.6cm"/></style:style>
 <style:style style:name="co_ind" style:family="table-column"><style:table-column-properties style:column-width="2.4cm"/></style:style>
 <style:style style:name="ro_head" style:family="table-row"><style:table-row-properties style:row-height="2.6cm" style:use-optimal-row-height="false"/></style:style>
 <style:style style:name="ce_b" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ce_i" style:family="table-cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="ce_h" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle" fo:background-color="#dde8f3"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ce_t" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="ce_tc" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="ce_n" style:family="table-cell" style:data-style-name="N3"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="ce_tb" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ce_nb" style:family="table-cell" style:data-style-name="N3"><style:table-cell-properties fo:border="0.5pt solid #000000"/><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""


def write_xlsx(spec, path, soffice):
    ncol = len(header_cells(spec))
    X = []          # list of (row_style, [cells xml])
    grid = {}       # (excel_row, col_index) -> ('n'|'s'|'f', value) expected after conversion

    def tcell(text, style=None, span=1):
        a = ' table:style-name="%s"' % style if style else ""
        s = ' table:number-columns-spanned="%d"' % span if span > 1 else ""
        xs = '<table:table-cell office:value-type="string"%s%s><text:p>%s</text:p></table:table-cell>' % (
            a, s, escape(text))
        return [xs] + ["<table:covered-table-cell/>"] * (span - 1)

    def ncell(v, style="ce_n"):
        return ['<table:table-cell office:value-type="float" office:value="%d" table:style-name="%s"><text:p>%d</text:p></table:table-cell>' % (v, style, v)]

    def fcell(formula, v, style="ce_nb"):
        return ['<table:table-cell table:formula="of:=%s" office:value-type="float" office:value="%d" table:style-name="%s"><text:p>%d</text:p></table:table-cell>' % (escape(formula), v, style, v)]

    def empty(style=None, n=1):
        a = ' table:style-name="%s"' % style if style else ""
        return ['<table:table-cell%s/>' % a] * n

    t = spec.title
    half = max(5, ncol // 2)
    r1 = tcell(t["agency"], "ce_b", 5) + empty(n=half - 5) + tcell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ce_b", ncol - half)
    r2 = tcell(t["office"], "ce_b", 5) + empty(n=half - 5) + tcell("Độc lập - Tự do - Hạnh phúc", "ce_b", ncol - half)
    X.append((None, r1)); grid[(1, 0)] = ("s", t["agency"]); grid[(1, half)] = ("s", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    X.append((None, r2)); grid[(2, 0)] = ("s", t["office"])
    X.append((None, []))
    X.append((None, tcell(t["line"], "ce_b", ncol))); grid[(4, 0)] = ("s", t["line"])
    if t.get("sub"):
        X.append((None, tcell(t["sub"], "ce_i", ncol))); grid[(5, 0)] = ("s", t["sub"])
    X.append((None, []))
    hdr = header_cells(spec)
    X.append(("ro_head", sum((tcell(h, "ce_h") for h in hdr), [])))
    spec.header_line = len(X)
    for i, h in enumerate(hdr):
        grid[(len(X), i)] = ("s", h)
    first_data = len(X) + 1
    for i, r in enumerate(spec.rows, 1):
        cells = ncell(i, "ce_tc")
        rown = len(X) + 1
        grid[(rown, 0)] = ("n", i)
        cells += tcell(r.code, "ce_tc"); grid[(rown, 1)] = ("s", r.code)
        cells += tcell(r.name, "ce_t"); grid[(rown, 2)] = ("s", r.name)
        for j, c in enumerate(spec.columns, 3):
            cv = cell_xlsx(spec, r, c)
            if cv is None:
                cells += empty("ce_t")
            elif cv[0] == "n":
                cells += ncell(cv[1]); grid[(rown, j)] = cv
            else:
                cells += tcell(cv[1], "ce_tc"); grid[(rown, j)] = cv
        r.line = rown
        X.append((None, cells))
    last_data = len(X)
    tc, sums = total_cells(spec, spec.rows)
    spec.total_sums, spec.total_cells = sums, tc
    cells = empty("ce_t", 2) + tcell("Tổng cộng", "ce_tb")
    rown = len(X) + 1
    grid[(rown, 2)] = ("s", "Tổng cộng")
    for j, c in enumerate(spec.columns, 3):
        v = tc.get(c.key)
        if v is None:
            cells += empty("ce_t")
        elif v[0] == "s":
            cells += tcell(v[1], "ce_tb"); grid[(rown, j)] = v
        elif spec.kw["total"] == "formula":
            L = col_letter(j)
            cells += fcell("SUM([.%s%d:.%s%d])" % (L, first_data, L, last_data), v[1])
            grid[(rown, j)] = ("f", v[1])
        else:
            cells += ncell(v[1], "ce_nb"); grid[(rown, j)] = v
    X.append((None, cells))
    spec.total_line = rown
    # notes and signatures below the table
    X.append((None, []))
    X.append((None, empty(n=half) + tcell("%s, %s" % (t["place"], t["date"]), "ce_i", ncol - half)))
    X.append((None, empty() + tcell("Người lập biểu", "ce_b", 3) + empty(n=half - 4) + tcell(t["chief_title"], "ce_b", ncol - half)))
    grid[(len(X), 1)] = ("s", "Người lập biểu")
    X.append((None, empty() + tcell("(Ký, ghi rõ họ tên)", "ce_i", 3) + empty(n=half - 4) + tcell("(Ký tên, đóng dấu)", "ce_i", ncol - half)))
    X += [(None, [])] * 3
    X.append((None, empty() + tcell(t["maker"], "ce_b", 3) + empty(n=half - 4) + tcell(t["chief"], "ce_b", ncol - half)))

    body = [FODS_HEAD, '<table:table table:name="%s">' % escape(spec.kw["sheet"])]
    body.append('<table:table-column table:style-name="co_stt"/>')
    if not spec.kw.get("no_code"):
        body.append('<table:table-column table:style-name="co_code"/>')
    body.append('<table:table-column table:style-name="co_name"/>')
    body.append('<table:table-column table:style-name="co_ind" table:number-columns-repeated="%d"/>' % len(spec.columns))
    for style, cells in X:
        a = ' table:style-name="%s"' % style if style else ""
        body.append("<table:table-row%s>%s</table:table-row>" % (a, "".join(cells) or "<table:table-cell/>"))
    body.append("</table:table></office:spreadsheet></office:body></office:document>\n")
    with tempfile.TemporaryDirectory() as td:
        base = os.path.splitext(os.path.basename(path))[0]
        fods = os.path.join(td, base + ".fods")
        with open(fods, "w", encoding="utf-8") as f:
            f.write("".join(body))
        prof = "file://" + os.path.join(td, "profile")
        subprocess.run([soffice, "-env:UserInstallation=" + prof, "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", td, fods],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.move(os.path.join(td, base + ".xlsx"), path)
    spec.grid = grid


# --------------------------------------------------------------------------------------------
# 3. Independent read-back
# --------------------------------------------------------------------------------------------
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_xlsx(path):
    z = zipfile.ZipFile(path)
    ss = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            ss.append("".join(x.text or "" for x in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    sheets = [s.get("name") for s in wb.find("m:sheets", NS)]
    sh = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    grid = {}
    for c in sh.iter("{%s}c" % NS["m"]):
        ref = c.get("r")
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        col -= 1
        row = int(m.group(2))
        v = c.find("m:v", NS)
        f = c.find("m:f", NS)
        t = c.get("t")
        if v is None:
            continue
        if t == "s":
            grid[(row, col)] = ("s", ss[int(v.text)])
        elif t == "str":
            grid[(row, col)] = ("s", v.text)
        else:
            num = float(v.text)
            grid[(row, col)] = ("f" if f is not None else "n", int(num) if num == int(num) else num)
    return sheets, grid


def verify_xlsx(spec, path):
    sheets, grid = read_xlsx(path)
    assert sheets[0] == spec.kw["sheet"], sheets
    for key, exp in spec.grid.items():
        got = grid.get(key)
        assert got == exp, "%s %s: expected %r got %r" % (path, key, exp, got)
    # every data cell in the table area is accounted for
    for (r, c), got in grid.items():
        if spec.header_line < r < spec.total_line and c < len(header_cells(spec)):
            assert spec.grid.get((r, c)) == got, (path, r, c, got)


def verify_csv(spec, path):
    data = open(path, "rb").read()
    enc = spec.kw["encoding"]
    if enc == "utf-16":
        assert data[:2] == b"\xff\xfe"
        text = data[2:].decode("utf-16-le")
    elif enc == "utf-8-sig":
        assert data[:3] == b"\xef\xbb\xbf"
        text = data[3:].decode("utf-8")
    else:
        assert not data.startswith(b"\xef\xbb\xbf")
        text = data.decode(enc)
    text = unicodedata.normalize("NFC", text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=spec.kw["delim"]))
    assert len(text.splitlines()) == len(rows)      # one record per text line
    hdr = rows[spec.header_line - 1]
    assert [unicodedata.normalize("NFC", h) for h in header_cells(spec)] == hdr
    for i, r in enumerate(spec.rows, 1):
        rec = rows[r.line - 1]
        assert rec[0] == str(i)
        off = 2 if spec.kw.get("no_code") else 3
        if not spec.kw.get("no_code"):
            assert rec[1] == r.code
        assert rec[off - 1] == unicodedata.normalize("NFC", r.name)
        for j, c in enumerate(spec.columns):
            assert rec[off + j] == cell_text(spec, r, c), (path, r.line, c.key)
    if spec.total_line:
        assert "Tổng cộng" in rows[spec.total_line - 1]
        assert spec.total_line == len(rows)


def verify_long(spec, path):
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    assert rows[0] == ["ma_don_vi", "ky_bao_cao", "chi_tieu", "gia_tri"]
    for rec in rows[1:]:
        assert rec[2] in CAT and rec[1] == str(spec.year)


# --------------------------------------------------------------------------------------------
# 4. Expected results
# --------------------------------------------------------------------------------------------
def r4(num, den):
    assert (num * 20000) % den != 0 or ((num * 20000) // den) % 2 == 0, "rounding tie"
    return str((Decimal(num) / Decimal(den)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def effective(specs):
    """(commune, year) -> (spec, row) after supersede and duplicate rules."""
    eff = {}
    order = sorted(specs, key=lambda s: s.path)   # lan1 < lan2
    for s in order:
        for r in s.rows:
            if r.error:
                continue
            key = (r.code, s.year)
            if key in eff:
                prev = eff[key][0]
                assert prev.path.startswith("063/bach-thong-2023-lan1") and "lan2" in s.path, \
                    "unexpected overlap %s %s %s" % (key, prev.path, s.path)
            eff[key] = (s, r)
    return eff


def present_values(spec, row):
    """indicator -> value the row delivers (None = not reported)."""
    out = {}
    fr = {c.key for c in spec.columns if c.frac}
    for k in row.present:
        out[k] = (1 if row.values[k] else 0) if k == "commune_safe" else row.values[k]
        if k in fr:
            out[DENOM[k]] = row.values[DENOM[k]]
    if "commune_safe" in [c.key for c in spec.columns] and "commune_safe" not in out:
        out["commune_safe"] = 0
    return out


def aggregates(units, eff):
    by_d = {}
    for u in units:
        by_d.setdefault(("district", u.dcode, u.dname), []).append(u)
        by_d.setdefault(("province", u.pcode, u.pname), []).append(u)
    allk = sorted({k for (_, y), (s, r) in eff.items() for k in present_values(s, r)})
    out = {}
    for (level, code, name), us in by_d.items():
        for y in YEARS:
            vals = [present_values(*eff[(u.code, y)]) for u in us if (u.code, y) in eff]
            res = {"_reporting": len(vals), "_expected": len(us)}
            for k in allk:
                xs = [v[k] for v in vals if k in v]
                res[k] = sum(xs) if xs else None
            for rc, num, den in RATES:
                both = [v for v in vals if num in v and den in v]
                if both:
                    res[rc] = r4(sum(v[num] for v in both), sum(v[den] for v in both))
                    res[rc + "_parts"] = (sum(v[num] for v in both), sum(v[den] for v in both), len(both))
                else:
                    res[rc] = None
            fl = [v for v in vals if "commune_safe" in v]
            res["rate_communes_safe"] = r4(sum(v["commune_safe"] for v in fl), len(fl)) if fl else None
            out[(level, code, name, y)] = res
    return out, allk


def fmt(v):
    return "" if v is None else (dots(v) if isinstance(v, int) else v)


def write_expected(specs, units, eff, agg, allk):
    os.makedirs(EXP_DIR, exist_ok=True)
    U = unit_by_code(units)
    # commune-level effective values
    with open(os.path.join(EXP_DIR, "commune-values.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["commune_code", "commune_name", "district_code", "year", "indicator", "value",
                    "source_file", "source_row"])
        for (c, y) in sorted(eff):
            s, r = eff[(c, y)]
            pv = present_values(s, r)
            for k in sorted(pv):
                w.writerow([c, U[c].name, U[c].dcode, y, k, pv[k], "inbox/" + s.path, r.line])
    # district / province aggregates in the layout of aggregates.csv (subset of indicators)
    inds = SHOW + ["rate_villages_safe", "rate_households_signed", "rate_cultural_households",
                   "rate_communes_safe"]
    with open(os.path.join(EXP_DIR, "aggregates-expected.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["level", "unit_code", "unit_name", "year", "indicator", "value",
                    "communes_reporting", "communes_expected"])
        for level in ("district", "province"):
            for key in sorted(k for k in agg if k[0] == level):
                res = agg[key]
                for ind in sorted(inds):
                    v = res.get(ind)
                    w.writerow([level, key[1], key[2], key[3], ind, "" if v is None else v,
                                res["_reporting"], res["_expected"]])

    L = []
    A = L.append
    A("# EXPECTED — kết quả mong đợi / expected results for `sample-input/`")
    A("")
    A("Generated by `tools/make-sample.py` from its own model of the figures, with the rules of "
      "SPEC §2–§6, **not** by tonghop. Do not edit by hand: change the script and re-run it.")
    A("Machine-readable twins: `expected/aggregates-expected.csv` (district and province rows, "
      "layout of `aggregates.csv`, subset of indicators) and `expected/commune-values.csv` "
      "(the value every commune ends up with after supersede/duplicate rules, with source file and row).")
    A("")
    A("Registry: `registry/units.csv` (56 communes: 063 Bạch Thông 14, 064 Chợ Đồn 20, "
      "071 Lâm Bình 10, 072 Na Hang 12). `communes_expected` counts against this extract, so "
      "province 06 expects 34 and province 08 expects 22 (the real provinces have more districts).")
    A("")
    A("Run the test on a **copy** of `inbox/` (ingest moves files to `archive/`). "
      "`063/bach-thong-2023-lan2.csv` must be ingested after `...-lan1.csv`: either in a second "
      "run, or with files ordered by (modification time, path) — the generator gives lan2 the "
      "later mtime and the names sort lan1 < lan2, but a git checkout does not keep mtimes.")
    A("")
    A("## Rules applied")
    A("")
    A("- A rejected row never counts (all or nothing). A total row (`Tổng cộng`) is never a commune. "
      "Text below the table (date, `Người lập biểu`, `TRƯỞNG CÔNG AN HUYỆN`, names) is not data.")
    A("- Empty cell = not reported (left out of sums). An indicator nobody reported has an empty value.")
    A("- `a/b` under `villages_safe` / `cultural_households` gives the numerator and `villages_total` / "
      "`households_total` = b.")
    A("- `commune_safe` = number of communes answering yes (`x`, `Đạt`); `Không`, `Không đạt` and an empty "
      "cell are no.")
    A("- Money: `100 triệu` = 100.000.000; `12,5 triệu` = 12.500.000; `45.000.000` = 45.000.000.")
    A("- `rate_*` = Σ numerator / Σ denominator over the communes that reported **both**, rounded half-up "
      "to 4 decimals. `rate_communes_safe` = yes / communes whose report has the column.")
    A("- `communes_reporting` = communes with an accepted annual report for the year; "
      "`communes_expected` = communes of the unit in `registry/units.csv`.")
    A("- No value is meant to raise an outlier warning: year-on-year ratios stay below 3× (below 5× for "
      "counts up to 10), zero stays zero, and no value reaches 5× its district's median (checked by the "
      "generator). The one exception by construction is the warning row of `064/cho-don-2023.xlsx` "
      "(attendees `28`, far below its peers): a peer-range check may flag it as well; assert at least the "
      "attendees-below-sessions warning.")
    A("- Period: every file states it in its title line (`... NĂM 2022`/`NĂM 2023`) and in its name; the "
      "long-form file also in its `ky_bao_cao` column. `063/bach-thong-2022.xlsx` also has the line "
      "`(Số liệu tính từ ngày 15/12/2021 đến ngày 14/12/2022)` under the title — the period is still 2022.")
    A("")
    A("## Per file")
    A("")
    A("Row numbers are what the clerk sees: the Excel row number, or the line number in a text editor "
      "(title lines included).")
    A("")
    A("| file | format | period | data rows | accepted | rejected | warnings | effect |")
    A("|---|---|---|---|---|---|---|---|")
    for s in specs:
        acc = [r for r in s.rows if not r.error]
        rej = [r for r in s.rows if r.error]
        nw = sum(1 for r in s.rows if r.warn and not r.error) + (1 if s.kw.get("wrong_total_col") else 0)
        A("| `inbox/%s` | %s | %d | %d | %d | %d | %d | %s |" % (
            s.path, s.kw.get("fmtdesc", ""), s.year, len(s.rows), len(acc), len(rej), nw, s.kw.get("effect", "")))
        if s.kw.get("copy"):
            A("| `inbox/%s` | byte-identical copy of the file above (same SHA-256) | %d | %d | — | — | — | "
              "duplicate: recognised and counted once (whichever of the two is processed second adds nothing) |" % (
                  s.kw["copy"], s.year, len(s.rows)))
    A("")
    A("### Rejected rows (errors)")
    A("")
    A("| file | row | commune in the row | column | value | reason |")
    A("|---|---|---|---|---|---|")
    for s in specs:
        for r in s.rows:
            if r.error:
                A("| `%s` | %s | %s %s | `%s` | `%s` | %s |" % (s.path, r.line, r.code, r.name,
                                                          r.error[0], r.error[1], r.error[2]))
    A("")
    A("### Warnings (rows accepted)")
    A("")
    A("| file | row | commune | column | value | warning |")
    A("|---|---|---|---|---|---|")
    for s in specs:
        for r in s.rows:
            if r.warn and not r.error:
                A("| `%s` | %s | %s %s | `%s` | `%s` | %s |" % (s.path, r.line, r.code, r.name,
                                                          r.warn[0], r.warn[1], r.warn[2]))
        k = s.kw.get("wrong_total_col")
        if k:
            col = [c for c in s.columns if c.key == k][0]
            typed = s.total_cells[k][1]
            all_sum = s.total_sums[k]
            acc_sum = sum(r.values[k] for r in s.rows if not r.error and k in r.present)
            A("| `%s` | %d | total row `Tổng cộng` | `%s` | `%s` | Dòng tổng cộng không khớp: typed %s, "
              "sum of all data rows %s, sum of accepted rows %s |" % (
                  s.path, s.total_line, col.header, dots(typed), dots(typed), dots(all_sum), dots(acc_sum)))
    A("")
    s064 = [s for s in specs if s.kw.get("wrong_total_col")][0]
    diff_cols = []
    for c in s064.columns:
        if c.key == "commune_safe" or c.key == s064.kw["wrong_total_col"]:
            continue
        if c.frac:
            continue
        acc_sum = sum(r.values[c.key] for r in s064.rows if not r.error and c.key in r.present)
        if acc_sum != s064.total_sums[c.key]:
            diff_cols.append("`%s`" % c.header)
    A("In `064/cho-don-2023.xlsx` every other total equals the sum of **all** data rows as typed "
      "(text such as `nhiều` ignored). If tonghop compares the total row with the sum of the "
      "*accepted* rows only, the other columns differ too (%s) — the test should assert at least "
      "the warning on `%s`." % (", ".join(diff_cols),
                                 [c.header for c in s064.columns if c.key == s064.kw["wrong_total_col"]][0]))
    A("Every other file's total row equals its column sums (no warning).")
    A("")
    A("### Correction lần 2 (`063/bach-thong-2023-lan2.csv`)")
    A("")
    A("Identical to lần 1 (14 communes, same rows) except the title line ends in `(LẦN 2)` and:")
    A("")
    A("| commune | indicator | lần 1 | lần 2 |")
    A("|---|---|---|---|")
    for c, ch in LAN2_CHANGES.items():
        for k, v in ch.items():
            old = [r for r in specs[1].rows if r.code == c][0]
            ov = old.values[k]
            if k == "commune_safe":
                A("| %s %s | commune_safe | `Không` | `Đạt` |" % (c, U[c].name))
            elif k == "villages_safe":
                A("| %s %s | villages_safe | `%d/%d` | `%d/%d` |" % (c, U[c].name, ov, old.values["villages_total"], v, old.values["villages_total"]))
            else:
                A("| %s %s | %s | %s | %s |" % (c, U[c].name, k, dots(ov), dots(v)))
    A("")
    A("Lần 2 supersedes lần 1 for all 14 communes (lần 1 stays in history only). The total row of lần 2 "
      "is updated to match.")
    A("")
    A("## Aggregates")
    A("")
    A("Values in Vietnamese notation as in the files (`1.800` = 1800). Empty = nothing reported.")
    A("")
    for y in YEARS:
        A("### Năm %d" % y)
        A("")
        keys = [k for k in sorted(agg, key=lambda k: ({"district": 0, "province": 1}[k[0]], k[1])) if k[3] == y]
        A("| indicator | " + " | ".join("%s %s" % (k[1], k[2]) for k in keys) + " |")
        A("|---|" + "---:|" * len(keys))
        A("| communes_reporting | " + " | ".join(str(agg[k]["_reporting"]) for k in keys) + " |")
        A("| communes_expected | " + " | ".join(str(agg[k]["_expected"]) for k in keys) + " |")
        for ind in SHOW:
            A("| %s | " % ind + " | ".join(fmt(agg[k].get(ind)) for k in keys) + " |")
        for rc in ("rate_villages_safe",):
            A("| %s | " % rc + " | ".join(fmt(agg[k].get(rc)) for k in keys) + " |")
            A("| ↳ Σsafe / Σtotal (communes with both) | " + " | ".join(
                ("%s / %s (%d)" % (dots(agg[k][rc + "_parts"][0]), dots(agg[k][rc + "_parts"][1]), agg[k][rc + "_parts"][2]))
                if agg[k].get(rc + "_parts") else "" for k in keys) + " |")
        A("")
    A("`villages_total` above sums every commune that reported it, including communes that left "
      "`villages_safe` empty; the rate uses only communes that reported both (the count in brackets). "
      "Other rates (`rate_households_signed`, `rate_cultural_households`, `rate_communes_safe`) are in "
      "`expected/aggregates-expected.csv`.")
    A("")
    A("### Who did not report / không báo cáo")
    A("")
    for y in YEARS:
        miss = [u for u in units if (u.code, y) not in eff]
        A("- %d: " % y + ", ".join("%s %s (%s)" % (u.code, u.name, u.dcode) for u in miss))
    A("")
    with open(os.path.join(ROOT, "EXPECTED.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


# --------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--registry-source", default=DEFAULT_REG_SRC)
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    a = ap.parse_args()
    check_catalogue()
    units = build_registry(a.registry_source)
    model = make_model(units)
    check_no_outliers(model, units)
    specs = build_specs(model, units)
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    desc = {
        "063/bach-thong-2022.xlsx": ("xlsx (LibreOffice); 2 title rows + period note; typed total row; cells typed as text `07`, `1.800`, `50 triệu`",
                                     "counts: {n} of {exp} communes (02017 Quang Thuận did not report)"),
        "063/bach-thong-2023-lan1.csv": ("CSV UTF-8 BOM, `;`", "{n} rows accepted, then superseded by lần 2 for all {n} communes: counts nothing in the end"),
        "063/bach-thong-2023-lan2.csv": ("CSV UTF-8 BOM, `;`; correction of lần 1", "counts: {n} of {exp} communes"),
        "064/cho-don-2023.xlsx": ("xlsx (LibreOffice); 4 bad rows; wrong total", "counts: {n} of {exp} communes (+1 unknown row)"),
        "064/cho-don-2022.csv": ("CSV UTF-8 no BOM, `,`; money as `100 triệu`, `12,5 triệu`", "counts: {n} of {exp} communes"),
        "02251/khuon-ha-2022.csv": ("CSV Windows-1258, TAB; commune office; no total row", "counts: 02251 Khuôn Hà"),
        "071/lam-binh-2023.xlsx": ("xlsx (LibreOffice); `=SUM()` formulas in the total row", "counts: {n} of {exp} communes"),
        "071/lam-binh-2022.csv": ("CSV UTF-8 BOM, `,`; whole file in Unicode NFD", "counts: {n} of {exp} communes (Khuôn Hà sent its own file)"),
        "072/na-hang-2023.csv": ("CSV UTF-16LE BOM, TAB; names only (no code column), in 6 spellings", "counts: {n} of {exp} communes"),
        "072/xuat-tu-he-thong-2023.csv": ("long form `ma_don_vi,ky_bao_cao,chi_tieu,gia_tri` (22 value lines)", "counts: {n} communes (02263 Khau Tinh, 02275 Sơn Phú)"),
    }
    reg = {u.code for u in units}
    for s in specs:
        s.kw["fmtdesc"] = desc[s.path][0]
        n = sum(1 for r in s.rows if not r.error and r.code in reg)
        d = {u.dcode for u in units if u.code in {r.code for r in s.rows}}
        exp = sum(1 for u in units if u.dcode in d) if len(s.office) == 3 else 1
        s.kw["effect"] = desc[s.path][1].format(n=n, exp=exp)
        p = os.path.join(INBOX, s.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if s.fmt == "xlsx":
            write_xlsx(s, p, a.soffice)
            verify_xlsx(s, p)
            if s.kw.get("copy"):
                shutil.copyfile(p, os.path.join(INBOX, s.kw["copy"]))
        elif s.fmt == "csv":
            write_csv(s, p)
            verify_csv(s, p)
        else:
            write_long(s, p)
            verify_long(s, p)
        print("wrote inbox/%s" % s.path)
    # the correction is the later file
    t = 1_703_000_000
    for i, s in enumerate(sorted(specs, key=lambda s: s.path)):
        os.utime(os.path.join(INBOX, s.path), (t + 60 * i, t + 60 * i))
    lan1 = os.path.join(INBOX, "063/bach-thong-2023-lan1.csv")
    lan2 = os.path.join(INBOX, "063/bach-thong-2023-lan2.csv")
    os.utime(lan2, (os.path.getmtime(lan1) + 86400,) * 2)
    cp = [s for s in specs if s.kw.get("copy")][0]
    os.utime(os.path.join(INBOX, cp.kw["copy"]), (os.path.getmtime(os.path.join(INBOX, cp.path)) + 3600,) * 2)
    h = [hashlib.sha256(open(os.path.join(INBOX, x), "rb").read()).hexdigest() for x in (cp.path, cp.kw["copy"])]
    assert h[0] == h[1]
    eff = effective(specs)
    agg, allk = aggregates(units, eff)
    write_expected(specs, units, eff, agg, allk)
    print("wrote EXPECTED.md, expected/*.csv")


if __name__ == "__main__":
    main()
