"""Text helpers and the phrase tables of Peru's detector (rules as data, run by small functions).

Patterns in the tables are written in lower case without accents and run on ``lower(text)``: the text lower-cased
and folded to ASCII letters (á -> a, ñ -> n, ...) with every character kept at its offset, so a match's span is
a span of the original text. Folding is one ``bytes.translate`` (fast); characters outside Latin-1 become "?".
"""

from __future__ import annotations

import re
from functools import cache

_FROM = "àáâãäåèéêëìíîïòóôõöùúûüñçýÿ"
_TO = "aaaaaaeeeeiiiiooooouuuuncyy"
_TABLE = bytes.maketrans(_FROM.encode("latin-1"), _TO.encode("latin-1"))


def fold_pattern(pattern: str) -> str:
    """Patterns are written for folded text already; kept so tables and callers read the same everywhere."""
    return pattern


@cache
def rx(pattern: str) -> re.Pattern[str]:
    """Compile a table pattern (for ``lower``-ed text)."""
    return re.compile(pattern)


def lower(text: str) -> str:
    """``text`` lower-cased and folded to ASCII letters, every character kept at its offset (spans stay valid)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[0] for c in text)
    return low.encode("latin-1", errors="replace").translate(_TABLE).decode("latin-1")


def match_at(pattern: re.Pattern[str], low: str, stems: tuple[str, ...], start: int = 0, end: int | None = None
             ) -> list[re.Match[str]]:
    """Matches of ``pattern`` that start where a word begins with one of ``stems``, in text order.

    ``str.find`` locates the few candidate positions; the regex runs only there. Much faster than letting a
    pattern that begins with an alternation scan every position of a long text."""
    stop = len(low) if end is None else end
    found: dict[int, re.Match[str]] = {}
    for stem in stems:
        i = low.find(stem, start, stop)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and i not in found:
                m = pattern.match(low, i, stop)
                if m:
                    found[i] = m
            i = low.find(stem, i + 1, stop)
    return [found[i] for i in sorted(found)]


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of plain phrases, longest first (spaces match any run of whitespace)."""
    items = sorted({w for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


# --- detector -------------------------------------------------------------------------------------------------

# Cheap prefilter: a text with none of these (lower-cased) substrings cannot be relevant.
PREFILTER = ("milit", "tropa", "troop", "naval", "armas de guerra", "weapons of war")

# Words that say "entry into Peru" (ENTRY_STEMS: how each starts, to find candidates fast).
ENTRY_STEMS = ("ingres", "entr", "enter", "income")
ENTRY = r"\b(?:ingres(?:o|ar|en|e)|entry|enter|entrance|income)\b"

# What enters: foreign military personnel or units (first alternative), or military personnel "of <country>"
# (second alternative, the country pattern is filled in by detect.py from the country table).
FOREIGN_MILITARY = (
    r"(?:personal|tropas?|unidad(?:es)?|efectivos|medios|buques?|aeronaves?|militares|troops|personnel|units"
    r"|vessels?|ships?|aircraft)\b[^;]{0,70}?(?<!el )(?<!the )(?:extranjer[oa]s?|foreign|overseas)\b"
)
MILITARY_OF = (
    r"(?:personal militar|efectivos militares|militares|unidad(?:es)? naval(?:es)?|buques? de guerra"
    r"|military personnel|naval units?)\s*,?\s+(?:de|of)\s+(?:(?:la|los|las|el|the|republica|reino|estado"
    r"|armada|marina|guardia costera|ejercito|fuerza aerea|fuerzas armadas|navy|army|coast guard)\s+"
    r"(?:(?:de|del|of)\s+)?){0,4}"
)
# At least one of these must lie inside the matched phrase.
MILITARY_WORD = r"milit|naval|tropa|troop|armas de guerra|weapons of war|buque|aeronave|aere|nautic|vessel|ship|aircraft"
# Most words an entry phrase may span.
ENTRY_WINDOW = 260

# Phrases that mention foreign troops without authorizing them: the title of the law itself, and acts about it.
NOT_AUTHORIZING = (
    r"ley de requisitos para la autorizacion y consentimiento para el ingreso de tropas extranjeras",
    r"requirements for the authorization and consent to the entry of foreign\s+troops",
    r"(?:modific\w+|derog\w+|reglament\w+)\s+(?:el\s+articulo\s+\w+\s+de\s+)?la\s+ley\s+(?:n\W*)?\s*27856",
)

NOT_AUTHORIZING_HINTS = ("27856", "ley de requisitos", "requirements for the authorization")

# Look-alikes: if one of these comes right before the entry phrase (or, when ``inside``, within it), the text is
# about something else. (pattern, reason, inside)
VETOES: tuple[tuple[str, str, bool], ...] = (
    (r"\b(?:viaje|viajar|salida|salir)\b", "outbound travel of Peruvian personnel", False),
    (r"\bpersonal militar (?:y policial|peruano)", "Peruvian military personnel", True),
    (r"\bservicio militar\b", "military service", True),
    (r"\bfuero militar", "military-police courts", True),
    (r"\bpension", "pension regime", True),
    (r"\bcalidad(?:es)? migratoria|\bvisa\b", "visa rules for foreign civilians", True),
)
VETO_LOOKBEHIND = 60

# --- instruments ----------------------------------------------------------------------------------------------

NUMBER_SIGN = r"(?:n\s*[º°o.]*\s*|nro\.?\s*|no\.\s*|numero\s+)?"
# Headings of norms: (type, pattern). Numbers: group "num".
HEADINGS: tuple[tuple[str, str], ...] = (
    ("RL", r"resolucion\s+legislativa\s+" + NUMBER_SIGN + r"(?P<num>\d{4,5})\b"),
    ("RL", r"legislative\s+resolution\s+(?:legislative\s+power\s+)?no\.?\s*(?P<num>\d{4,5})\b"),
    ("RM", r"resolucion\s+ministerial\s+" + NUMBER_SIGN + r"(?P<num>\d{1,5}\s*-\s*\d{4}\s*-\s*[a-z]{2,5}(?:[ \t]*/[ \t]*[a-z]{2,5})?/?)"),
    ("RS", r"resolucion\s+suprema\s+" + NUMBER_SIGN + r"(?P<num>\d{1,5}\s*-\s*\d{4}\s*-\s*[a-z]{2,5}(?:[ \t]*/[ \t]*[a-z]{2,5})?/?)"),
    ("DS", r"decreto\s+supremo\s+" + NUMBER_SIGN + r"(?P<num>\d{1,5}\s*-\s*\d{4}\s*-\s*[a-z]{2,5}(?:[ \t]*/[ \t]*[a-z]{2,5})?)"),
    ("RL", r"rl[ \t]+" + NUMBER_SIGN + r"(?P<num>\d{4,5})\b"),
    ("RM", r"rm[ \t]+" + NUMBER_SIGN + r"(?P<num>\d{1,5}-\d{4}-[a-z]{2,5}(?:/[a-z]{2,5})?)"),
    ("RS", r"rs[ \t]+" + NUMBER_SIGN + r"(?P<num>\d{1,5}-\d{4}-[a-z]{2,5}(?:/[a-z]{2,5})?)"),
    ("LEY", r"ley\s+" + NUMBER_SIGN + r"(?P<num>\d{5})\b"),
    # OCR of a scanned "Resolución Ministerial" heading, e.g. "2{eso{ucion !Jv{inisteria{ 4 65 ~2011 ~DEfSG"
    ("RM", r"\S{0,2}eso\S{0,2}ucion\s+\S{0,4}inisteria\S{0,2}\s+(?P<num>\d[\d ]{0,5}\s*[~\-–]+\s*\d{4}\s*[~\-–]+\s*de\s*\S?\s*[a-z]{2,3})"),
)
# Bills as read in a vote: "PROYECTO DE RESOLUCIÓN LEGISLATIVA 5111", "PRL 5111", "PROYECTOS DE LEY 778, 813".
BILL = (
    r"\b(?:proyectos?\s+(?:de\s+)?(?:resolucion\s+le\w+|ley)(?:\s+del\s+congreso)?|prl|pl)\s+"
    + NUMBER_SIGN + r"(?P<num>\d{1,5})\b"
)
# A text that names its own kind ("la presente Resolución Ministerial") when the heading is not in the copy.
SELF_REFERENCE: tuple[tuple[str, str], ...] = (
    ("RL", r"(?:presente|this)\s+(?:resolucion\s+legislativa|legislative\s+resolution)|purpose of legislative resolution"),
    ("RM", r"(?:presente|la)\s+resolucion\s+ministerial|el ministro de defensa\b[^.]{0,40}resuelve"),
    ("RS", r"(?:presente|la)\s+resolucion\s+suprema"),
    ("DS", r"presente\s+decreto\s+supremo"),
)
# The end of a norm: text before the first heading of a page that holds one of these is the previous norm's tail.
NORM_END = r"se resuelve|registrese|comuniquese|publiquese|\bdecreta\b|articulo\s+\d+\W{0,3}-"

# What an act modifies: "modificar el Anexo de la Resolución Legislativa 31350", "modifícase ... RL Nº 32214".
MODIFIES = (
    r"\b(?:modific\w*|amplia\w*|prorrog\w*|rectific\w*|amend\w*)\b[^.;]{0,120}?"
    r"(?P<type>resolucion\s+legislativa|resolucion\s+ministerial|resolucion\s+suprema|legislative\s+resolution)\s+"
    + NUMBER_SIGN + r"(?P<num>\d[\d\-/a-z]*\d|\d+(?:-\d{4}-[a-z]+(?:/[a-z]+)?)?)"
)
MODIFIES_STEMS = ("modific", "amplia", "prorrog", "rectific", "amend")
MODIFIED_PART = r"\b(?:anexo|annex|fecha de inicio|fecha de termino|fechas?|plazo|numeral\s+\d+|articulo\s+\d+)"
TYPE_WORDS = {"resolucion legislativa": "RL", "legislative resolution": "RL", "resolucion ministerial": "RM",
              "resolucion suprema": "RS"}

# --- legal basis ----------------------------------------------------------------------------------------------

# (template, stems a match starts with, pattern): groups art, art2, law, num, inc
LEGAL_BASIS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Constitución art. {art} inc. {inc}", ("inciso", "numeral", "paragraph"),
     r"(?:inciso|numeral|paragraph)\s+(?P<inc>\d+)\)?\s+(?:del\s+)?(?:articulo|article)\s+(?P<art>\d+)"
     r"[º°]?\s+(?:de\s+la\s+|of\s+the\s+)?(?:constitucion|constitution)"),
    ("Constitución art. {art} inc. {inc}", ("articulo",),
     r"articulo\s+(?P<art>\d+)[º°]?\s*,?\s+(?:inciso|numeral)\s+(?P<inc>\d+)\)?\s+de\s+la\s+constitucion"),
    ("{law} {num} art. {art}", ("articulo", "article", "art."),
     r"(?:articulos?|articles?|art\.)\s+(?P<art>\d+|unico|sole)[º°]?(?:\s+(?:y|and)\s+(?P<art2>\d+))?\s+"
     r"(?:de\s+la\s+|del\s+|of\s+(?:the\s+)?)?(?P<law>ley|law|decreto\s+supremo|supreme\s+decree|decreto\s+legislativo)"
     r"\s+" + NUMBER_SIGN + r"(?P<num>\d{3,5}(?:-\d{4}-[a-z]{2,4}(?:/[a-z]{2,4})?)?)"),
    ("DS {num}", ("decreto supremo", "supreme decree"),
     r"(?:decreto\s+supremo|supreme\s+decree)\s+" + NUMBER_SIGN + r"(?P<num>\d{1,4}-\d{4}-[a-z]{2,5}(?:/[a-z]{2,5})?)"),
    ("{law} {num}", ("ley", "law", "decreto legislativo"),
     r"(?P<law>ley|law|decreto\s+legislativo)\s+" + NUMBER_SIGN + r"(?P<num>\d{4,5})\b"),
)
LAW_NAMES = {"ley": "Ley", "law": "Ley", "decreto supremo": "DS", "supreme decree": "DS",
             "decreto legislativo": "Decreto Legislativo"}
