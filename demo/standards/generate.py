#!/usr/bin/env python3
"""Writes the standards sample of this folder: offices.csv, staff.csv, profile.csv and qualifications.csv.

Deterministic (the same files every run), so the committed CSVs can be checked against it: run it from this folder
and "git diff" shows nothing. The counts are chosen so that, measured against the shipped standards.conf,
"inspectctl report standards --year 2018 --compare 2016" gives the district's report: 81% of commune cadres (+10
points), 88.4% of commune civil servants (+6 points) and nearly all district civil servants. README.md says how.
"""
import csv
import random

rng = random.Random(2018)

FAMILY = ["Nguyễn", "Hoàng", "Lộc", "Vi", "Lương", "Hà", "Nông", "Lăng", "Chu", "Đinh", "Lê", "Trần", "Mã", "Hứa"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Thu", "Quang", "Kim"]
GIVEN = ["An", "Bình", "Chiến", "Dung", "Đông", "Giang", "Hải", "Hạnh", "Hoa", "Hùng", "Khánh", "Lâm", "Linh",
         "Long", "Mai", "Nam", "Ngân", "Phúc", "Quyết", "Sơn", "Tâm", "Thắng", "Thảo", "Thủy", "Tuấn", "Vân", "Yến"]

DISTRICT = ("UBND-CL", "UBND huyện Chi Lăng")
DEPARTMENTS = [("PNV", "Phòng Nội vụ"), ("PTP", "Phòng Tư pháp"), ("PTCKH", "Phòng Tài chính – Kế hoạch"),
               ("PTNMT", "Phòng Tài nguyên và Môi trường"), ("PVHTT", "Phòng Văn hóa và Thông tin"),
               ("THANHTRA", "Thanh tra huyện")]
TOWNS = [("TT-DONGMO", "Đồng Mỏ"), ("TT-CHILANG", "Chi Lăng")]
COMMUNES = [("X-BACTHUY", "Bắc Thủy"), ("X-BANGHUU", "Bằng Hữu"), ("X-BANGMAC", "Bằng Mạc"),
            ("X-CHILANG", "Chi Lăng"), ("X-CHIENTHANG", "Chiến Thắng"), ("X-GIALOC", "Gia Lộc"),
            ("X-HOABINH", "Hòa Bình"), ("X-HUUKIEN", "Hữu Kiên"), ("X-LAMSON", "Lâm Sơn"),
            ("X-LIENSON", "Liên Sơn"), ("X-MAISAO", "Mai Sao"), ("X-NHANLY", "Nhân Lý"), ("X-QUANSON", "Quan Sơn"),
            ("X-QUANGLANG", "Quang Lang"), ("X-THUONGCUONG", "Thượng Cường"), ("X-VANAN", "Vân An"),
            ("X-VANLINH", "Vạn Linh"), ("X-VANTHUY", "Vân Thủy"), ("X-YTICH", "Y Tịch")]
LOCAL = [(code, "UBND thị trấn " + name, "town") for code, name in TOWNS] + \
        [(code, "UBND xã " + name, "commune") for code, name in COMMUNES]

CADRE_TITLES = ["Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch HĐND", "Phó Chủ tịch HĐND", "Chủ tịch UBND",
                "Phó Chủ tịch UBND", "Chủ tịch Ủy ban MTTQ", "Bí thư Đoàn Thanh niên", "Chủ tịch Hội Liên hiệp Phụ nữ",
                "Chủ tịch Hội Nông dân", "Chủ tịch Hội Cựu chiến binh"]
# The titles of commune civil servants (titles.conf codes); the towns' land administration title is the urban one.
SERVANT_TITLES = ["chi-huy-truong-quan-su", "van-phong-thong-ke", "dia-chinh", "tai-chinh-ke-toan",
                  "tu-phap-ho-tich", "van-hoa-xa-hoi"]
FIELDS = {"chi-huy-truong-quan-su": "Quân sự cơ sở", "van-phong-thong-ke": "Hành chính học",
          "dia-chinh": "Quản lý đất đai", "tai-chinh-ke-toan": "Kế toán", "tu-phap-ho-tich": "Luật",
          "van-hoa-xa-hoi": "Văn hóa học"}

staff, profile, qualifications = [], [], []
serial = 0


def person(office, title, category):
    global serial
    serial += 1
    badge = f"CS-{serial:04d}"
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    staff.append([badge, name, office, title, category])
    return badge


def day(year):
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def level(badge, value, year, reason):
    profile.append([badge, "level", value, day(year), reason, ""])


def qualify(badge, kind, value, year, field=""):
    qualifications.append([badge, kind, value, day(year), f"Số {rng.randint(10000, 99999)}", field])


# District civil servants: 86, all there before 2016. 80 meet the standard by 2016 (bachelor, state management for
# specialists, basic IT); 5 complete the state management programme in 2017-2018; 1 has not yet.
for index in range(86):
    code, _ = DEPARTMENTS[index % len(DEPARTMENTS)]
    badge = person(code, "Chuyên viên", "civil-servant")
    level(badge, "district", rng.randint(2005, 2014), "Tuyển dụng công chức cấp huyện")
    qualify(badge, "education", "bachelor", rng.randint(1998, 2012), rng.choice(["Luật", "Kinh tế", "Hành chính"]))
    qualify(badge, "it", "basic", rng.randint(2008, 2015))
    if index < 80:
        qualify(badge, "state-management", "specialist", rng.randint(2010, 2016))
    elif index < 85:
        qualify(badge, "state-management", "specialist", rng.randint(2017, 2018))

# Commune cadres: 200 in office at the end of 2016, 11 more elected or appointed in 2017-2018, 211 at the end of
# 2018. Of the 200, 142 meet the standard (bachelor, intermediate political theory) by 2016; 12 graduate and 8
# complete the political theory course in 2017-2018; 38 still fall short. Of the 11 newcomers, 9 meet it.
cadres = []
for index in range(211):
    office, _, _ = LOCAL[index % len(LOCAL)]
    badge = person(office, CADRE_TITLES[index // len(LOCAL) % len(CADRE_TITLES)], "cadre")
    cadres.append(badge)
    if index < 200:
        level(badge, "commune", rng.randint(2006, 2016), "Bầu cử, bổ nhiệm")
    else:
        level(badge, "commune", rng.randint(2017, 2018), "Bầu cử, bổ nhiệm")
order = list(range(200))
rng.shuffle(order)
for rank, index in enumerate(order):
    badge = cadres[index]
    if rank < 142:  # met by 2016
        qualify(badge, "education", "bachelor", rng.randint(1995, 2015), rng.choice(["Luật", "Kinh tế nông nghiệp"]))
        qualify(badge, "political-theory", rng.choice(["intermediate", "advanced"]), rng.randint(2000, 2016))
    elif rank < 154:  # graduates in 2017-2018
        qualify(badge, "education", "intermediate", rng.randint(1995, 2010), "Nông nghiệp")
        qualify(badge, "education", "bachelor", rng.randint(2017, 2018), "Luật")
        qualify(badge, "political-theory", "intermediate", rng.randint(2005, 2016))
    elif rank < 162:  # political theory in 2017-2018
        qualify(badge, "education", "bachelor", rng.randint(1995, 2015), "Kinh tế nông nghiệp")
        qualify(badge, "political-theory", "elementary", rng.randint(2000, 2012))
        qualify(badge, "political-theory", "intermediate", rng.randint(2017, 2018))
    elif rank < 187:  # no degree yet
        qualify(badge, "education", rng.choice(["intermediate", "college"]), rng.randint(1995, 2012), "Nông nghiệp")
        qualify(badge, "political-theory", "intermediate", rng.randint(2005, 2016))
    elif rank < 195:  # elementary political theory only
        qualify(badge, "education", "bachelor", rng.randint(1995, 2015), "Luật")
        qualify(badge, "political-theory", "elementary", rng.randint(2000, 2016))
    else:  # neither
        qualify(badge, "education", "intermediate", rng.randint(1995, 2012), "Nông nghiệp")
        qualify(badge, "political-theory", "elementary", rng.randint(2000, 2016))
for index in range(200, 211):
    badge = cadres[index]
    qualify(badge, "education", "bachelor", rng.randint(2005, 2016), "Luật")
    qualify(badge, "political-theory", "intermediate" if index < 209 else "elementary", rng.randint(2008, 2016))

# Commune civil servants: 199, all in post since before 2016, each with their title. 164 meet their standard by
# 2016 (bachelor, in law for justice and civil status, and basic IT); 8 graduate and 4 take the IT certificate in
# 2017-2018; 23 still fall short (an intermediate or college education, no IT certificate, or a justice officer
# whose degree is not in law).
servants = []
for index in range(199):
    office, _, kind = LOCAL[index % len(LOCAL)]
    title = SERVANT_TITLES[index // len(LOCAL) % len(SERVANT_TITLES)]
    if title == "dia-chinh":
        title = ("dia-chinh-xay-dung-do-thi-moi-truong" if kind == "town"
                 else "dia-chinh-nong-nghiep-xay-dung-moi-truong")
    badge = person(office, "", "civil-servant")
    servants.append((badge, title))
    level(badge, "commune", rng.randint(2006, 2015), "Tuyển dụng công chức cấp xã")
    profile.append([badge, "title", title, day(rng.randint(2006, 2015)), "Bố trí chức danh", ""])
order = list(range(199))
rng.shuffle(order)
# Only law graduates may be justice officers who meet the standard; the four who do not are justice officers.
justice = [index for index in order if servants[index][1] == "tu-phap-ho-tich"]
wrong_field = set(justice[:4])
order = [index for index in order if index not in wrong_field]
for rank, index in enumerate(order):
    badge, title = servants[index]
    field = FIELDS["dia-chinh" if title.startswith("dia-chinh") else title]
    if rank < 164:  # met by 2016
        qualify(badge, "education", rng.choice(["bachelor", "bachelor", "master"]), rng.randint(1998, 2015), field)
        qualify(badge, "it", "basic", rng.randint(2005, 2016))
    elif rank < 172:  # graduates in 2017-2018
        qualify(badge, "education", "intermediate", rng.randint(1998, 2010), field)
        qualify(badge, "education", "bachelor", rng.randint(2017, 2018), field)
        qualify(badge, "it", "basic", rng.randint(2005, 2016))
    elif rank < 176:  # IT certificate in 2017-2018
        qualify(badge, "education", "bachelor", rng.randint(1998, 2015), field)
        qualify(badge, "it", "basic", rng.randint(2017, 2018))
    elif rank < 185:  # intermediate or college only
        qualify(badge, "education", rng.choice(["intermediate", "college"]), rng.randint(1998, 2012), field)
        qualify(badge, "it", "basic", rng.randint(2005, 2016))
    else:  # no IT certificate
        qualify(badge, "education", "bachelor", rng.randint(1998, 2015), field)
for index in sorted(wrong_field):
    badge, _ = servants[index]
    qualify(badge, "education", "bachelor", rng.randint(1998, 2015), "Kinh tế")
    qualify(badge, "it", "basic", rng.randint(2005, 2016))


def write(name, header, rows):
    with open(name, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


write("offices.csv", ["code", "name", "parent", "kind"],
      [[DISTRICT[0], DISTRICT[1], "", "district"]]
      + [[code, name, DISTRICT[0], "department"] for code, name in DEPARTMENTS]
      + [[code, name, DISTRICT[0], kind] for code, name, kind in LOCAL])
write("staff.csv", ["badge", "name", "office", "title", "category"], staff)
write("profile.csv", ["badge", "aspect", "value", "date", "reason", "evidence"], profile)
write("qualifications.csv", ["badge", "kind", "level", "date", "evidence", "field"], qualifications)
