"""Numbers, dates, amounts, lists and numerals in the conventions of each language.

Babel supplies the locale data (CLDR); what CLDR does not cover is written here:
Chinese amounts in 万 (1 000 万欧元), UN chapter numerals (I, II ... / 一、二 ...).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, get_currency_name

from partnerships.reports.grammar import ru_date

CHINESE_DIGITS = "零一二三四五六七八九"
# Months as United Nations Arabic documents write them: the Levantine name and
# the one CLDR gives, joined by a slash ("6 آذار/مارس 2019"; يونيه, يوليه as the
# UN spells them).
UN_ARABIC_MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)


def roman(number: int) -> str:
    values = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def chinese_numeral(number: int) -> str:
    """一 ... 九十九, as Chinese UN documents number their chapters."""
    if not 0 < number < 100:
        raise ValueError(f"chapter number out of range: {number}")
    tens, units = divmod(number, 10)
    if tens == 0:
        return CHINESE_DIGITS[units]
    head = "" if tens == 1 else CHINESE_DIGITS[tens]
    return head + "十" + (CHINESE_DIGITS[units] if units else "")


def numeral_value(text: str) -> int | None:
    """The number of a chapter numeral, Roman or Chinese ('II', '二', '十二')."""
    text = text.strip().rstrip(".、")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in "IVXLCDM" for c in text.upper()):
        for n in range(1, 100):
            if roman(n) == text.upper():
                return n
        return None
    for n in range(1, 100):
        if chinese_numeral(n) == text:
            return n
    return None


# Arabic UN documents number chapters with ordinal adverbs ("أولا -") and letter
# sections with the names of the letters in abjad order ("ألف -", "باء -").
ARABIC_CHAPTERS = (
    "أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا".split()
    + ["حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر"]
)
ARABIC_LETTERS = dict(
    zip(
        "ABCDEFGHIJKLMNOP",
        "ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين".split(),
        strict=True,
    )
)
ARABIC_ANNEXES = "الأول الثاني الثالث الرابع الخامس".split()


def chapter_label(number: int, lang: str) -> str:
    if lang == "zh":
        return f"{chinese_numeral(number)}、"
    if lang == "ar" and number <= len(ARABIC_CHAPTERS):
        return f"{ARABIC_CHAPTERS[number - 1]} -"
    return f"{roman(number)}."


def section_label(letter: str, lang: str) -> str:
    if lang == "ar" and letter in ARABIC_LETTERS:
        return f"{ARABIC_LETTERS[letter]} -"
    return f"{letter}."


def annex_number(number: int, lang: str) -> str:
    """The number in "Annex II", "附件二", "المرفق الثاني"."""
    if lang == "zh":
        return chinese_numeral(number)
    if lang == "ar" and number <= len(ARABIC_ANNEXES):
        return ARABIC_ANNEXES[number - 1]
    return roman(number)


def annex_numbers(
    draft: bool, left_out: bool, labels: dict[str, str], lang: str
) -> dict[str, str]:
    """Numbered annexes: the draft's sources and left-out engagements, then the
    statistics (runs stored before "annex_number" existed keep no numbers)."""
    present = (["provenance"] + (["left_out"] if left_out else [])) if draft else []
    template = labels.get("annex_number", "")
    return {
        name: template.format(n=annex_number(i, lang)) if template else ""
        for i, name in enumerate([*present, "statistics"], start=1)
    }


def count_words(text: str, lang: str) -> int:
    """Words; in Chinese, characters (as its translators count), Latin words apart."""
    if lang == "zh":
        han = len(re.findall(r"[\u3400-\u9fff]", text))
        return han + len(re.findall(r"[^\W\u3400-\u9fff]+", text))
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


class Formatter:
    """Formats values for one language of the report."""

    def __init__(self, lang: str, locale: str):
        self.lang = lang
        self.locale = Locale.parse(locale)

    def number(self, value: int | Decimal) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, value: dt.date, precision: str) -> str:
        if self.lang == "ru":
            return ru_date(value, precision, self.locale)
        if precision == "year":
            return format_skeleton("y", value, locale=self.locale)
        if precision == "month":
            text = format_skeleton("yMMMM", value, locale=self.locale)
        else:
            text = format_date(value, "long", locale=self.locale)
            if self.lang == "fr" and value.day == 1:
                text = "1er" + text[1:]  # "1er juillet 2018", as French writes it
        if self.lang == "ar":
            cldr = self.locale.months["format"]["wide"][value.month]
            text = text.replace(cldr, UN_ARABIC_MONTHS[value.month - 1], 1)
        return text

    def list(self, items: list[str]) -> str:
        if not items:
            return ""
        return format_list(items, locale=self.locale)

    def country(self, code: str, fallback: str = "") -> str:
        return self.locale.territories.get(code, fallback or code)

    def amount(self, value: Decimal, currency: str) -> str:
        if self.lang == "zh":
            return self._amount_zh(value, currency)
        pattern = self.locale.currency_formats["standard"].pattern
        if value == value.to_integral_value():
            pattern = pattern.replace("0.00", "0")
        return format_currency(
            value, currency, format=pattern, locale=self.locale, currency_digits=False
        )

    def _amount_zh(self, value: Decimal, currency: str) -> str:
        # UN Chinese style: 1 000 万欧元 (space-grouped digits, 万 for ten thousands).
        name = get_currency_name(currency, locale=self.locale)
        if value >= 10000 and value % 10000 == 0:
            return f"{_space_grouped(value / 10000)} 万{name}"
        return f"{_space_grouped(value)}{name}"


def _space_grouped(value: Decimal) -> str:
    whole = int(value)
    text = f"{whole:,}".replace(",", " ")
    frac = value - whole
    if frac:
        text += "." + f"{frac:.2f}".split(".")[1]
    return text
