"""Published: the publication time a page prints with the article, on a line of its own.

"6:22' 6/1/2018", "Thứ Tư, 08/04/2015, 08:11 [GMT+7]", "Cập nhật: 15:30 ngày 12/03/2021",
"Cập nhật lúc 14:32, Thứ Năm, 12/12/2024 (GMT+7)",
"(12/03/2021 15:30)", "2023-12-28T15:30:00", "• Thứ sáu, 22/8/2025 18:45 (GMT+7)",
"VGP 05/11/2025 09:40", "21-11-2025 - 22:35 PM | Xã hội", "Thứ năm - 04/09/2025 08:15": a line that is only a timestamp
(with a label, a weekday, a zone, a list bullet, a site's code, an author, a section) gives
"YYYY-MM-DDTHH:MM", or the date where no time is printed.
"""
from __future__ import annotations

import re
from datetime import date

from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS

_ZONE = r"(?:[(\[]?GMT\s*\+\s*0?7(?::00)?[)\]]?)"
_TIME = rf"(?P<hh>\d{{1,2}})\s*[:hg]\s*(?P<mi>\d{{2}})(?::\d{{2}})?\s*(?P<half>AM|PM|SA|CH)?\s*'?\s*{_ZONE}?"
_DATE = r"(?P<d>\d{1,2})\s*(?:[/.-]\s*|\s+tháng\s+)(?P<m>\d{1,2})\s*(?:[/.-]\s*|,?\s+năm\s+)(?P<y>\d{4})"
_WEEKDAY = r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)\s*[,–-]?\s*)?"  # ("Thứ năm - 04/09/2025")
_LABEL = (r"(?:(?:ngày xuất bản|ngày cập nhật|thời gian đăng|thời gian|cập nhật|đăng bài|đăng|ngày đăng bài|ngày đăng|xuất bản|ngày|lúc|"
          r"posted|updated)\s*(?:lúc|ngày)?\s*:?\s*)?")
_STAMP_PATTERNS = [
    # (the weekday before the time or between it and the date: "Cập nhật lúc 14:32, Thứ Năm,
    # 12/12/2024 (GMT+7)"; the zone after either)
    re.compile(rf"^{_LABEL}{_WEEKDAY}{_TIME}\s*[,|-]?\s*{_WEEKDAY}(?:ngày\s*)?{_DATE}\s*{_ZONE}?$", re.IGNORECASE),
    re.compile(rf"^{_LABEL}{_WEEKDAY}(?:ngày\s*)?{_DATE}\s*[,|-]?\s*(?:lúc\s*)?(?:{_TIME})?\s*{_ZONE}?$",
               re.IGNORECASE),
    # ISO, as some sites and exports print it: "2023-12-28 15:30", "2023-12-28T15:30:00", and
    # with a fraction of a second, as a portal's database prints it: "2025-07-14 14:43:00.0"
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T](?P<hh>\d{1,2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d{1,6})?)?)?$"),
]


_BULLETS = "•·*–-"
# The author's name printed before a weekday that opens the stamp, on one line ("Quỳnh Nguyễn
# Chủ nhật, ngày 19/10/2025 09:08 GMT+7"): a byline, dropped with the stamp. Only before a
# weekday: a name before a bare date may be a sentence's subject.
_AUTHOR_BEFORE_WEEKDAY = re.compile(rf"^(?:{UPPER_CLASS}{LOWER_CLASS}*\s+){{1,4}}?(?=(?:Thứ|thứ|Chủ|chủ)\s+"
                                    r"(?:hai|ba|tư|năm|sáu|bảy|nhật|Hai|Ba|Tư|Năm|Sáu|Bảy|Nhật|[2-7])\b)")
# What a page prints on the stamp's line besides the time: an agency's or a site's code before it
# ("VGP 05/11/2025 09:40", "TTXVN 02/12/2025 14:05"), its author before a bar ("Trường Phong |
# 20/10/2025 10:18"), the section after one ("21-11-2025 - 22:35 PM | Xã hội").
_CODE_OR_AUTHOR_BEFORE = re.compile(rf"^(?:[A-ZĐ]{{2,6}}\s+(?=\d)|(?:{UPPER_CLASS}{LOWER_CLASS}*\s+){{1,4}}\|\s*(?=\d))")
_SECTION_AFTER = re.compile(rf"(?<=\d|M|H)\s*\|\s*{UPPER_CLASS}{LOWER_CLASS}*(?:\s+{LOWER_CLASS}+){{0,3}}$")
# A section's name a page prints glued to the date, with no space: two elements of the page
# joined when it was scraped ("Thông tin Xuân Lộc10/08/2025", "Thời sự22/08/2025 08:30").
# Only glued: a name and a space before a date may be a sentence's subject.
_WORD = rf"(?:{UPPER_CLASS}|{LOWER_CLASS})"
_SECTION_GLUED_BEFORE = re.compile(rf"^{UPPER_CLASS}{_WORD}*(?:\s+{_WORD}+){{0,4}}(?<={LOWER_CLASS})(?=\d)")
STAMP_MAX_CHARACTERS = 60
AUTHOR_MAX_CHARACTERS = 30


def parse_published(line: str) -> str | None:
    """"6:22' 6/1/2018" -> "2018-01-06T06:22"; a line that is only a timestamp (after an
    author's name, where a weekday opens it), else None."""
    if len(line) > STAMP_MAX_CHARACTERS + AUTHOR_MAX_CHARACTERS:
        return None
    line = line.strip().lstrip(_BULLETS).strip()  # pages list the time and the author as bullets
    author = _AUTHOR_BEFORE_WEEKDAY.match(line)
    if author and 0 < author.end() <= AUTHOR_MAX_CHARACTERS:
        line = line[author.end():]
    if len(line) > STAMP_MAX_CHARACTERS:
        return None
    # (a stamp ends in its date or time: most lines are passed over by that test alone)
    glued = _SECTION_GLUED_BEFORE.match(line) if line[:1].isupper() and line[-1:].isdigit() else None
    if glued and glued.end() <= AUTHOR_MAX_CHARACTERS:
        line = line[glued.end():]
    if "|" in line or line[:2].isupper():  # (what the two patterns need; most lines have neither)
        line = _SECTION_AFTER.sub("", _CODE_OR_AUTHOR_BEFORE.sub("", line))
    if line[:1] in "([" and line[-1:] in ")]":
        line = line[1:-1].strip()  # "(12/03/2021 15:30)"
    for pattern in _STAMP_PATTERNS:
        match = pattern.match(line)
        if match:
            when = valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if when is None:
                return None
            if match["hh"] is None:
                return when
            hour, minute = _clock(int(match["hh"]), int(match["mi"]), match.groupdict().get("half"))
            return f"{when}T{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else when
    return None


def _clock(hour: int, minute: int, half: str | None) -> tuple[int, int]:
    """A 24-hour time from "3:30 PM" / "3:30 CH" (chiều) / "12:10 SA" (sáng) or a 24-hour one."""
    half = (half or "").upper()
    if half in ("PM", "CH") and hour < 12:
        hour += 12
    elif half in ("AM", "SA") and hour == 12:
        hour = 0
    return hour, minute


def valid_date(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None for one that does not exist ("31/02/2021")."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
