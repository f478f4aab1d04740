"""Fact drift: a figure that contradicts the facts is flagged with the fact's name; the same
figure written differently, and digits that are no figures, are not."""

from __future__ import annotations

import json

import pytest
from check_helpers import problems
from conftest import SiteDir

FACTS_DE = """\
facts:
  households: "40.000"
  capacity: "62 MW"
  investment: "41 Mio. Euro"
  share: "18 %"
  open_day: "25. April"
"""
FACTS_EN = """\
facts:
  households: "40,000"
  capacity: "62 MW"
  revenue: "EUR 214 million"
  growth: "18 percent"
"""
BODY_DE = ("Der Park versorgt 40.000 Haushalte. Rund 300 Gäste feierten mit. Die Gemeinden"
           " erhalten 0,2 Cent je Kilowattstunde.\n")
BODY_EN = "The park supplies 40,000 households. Some 300 guests celebrated.\n"
PATH = "content/news/park.md"
# ---, title, date, summary, lang, facts (six lines in German, five in English), channels, social
X_DE, X_EN = 14, 13
BODY_DE_LINE = 16


def write(site: SiteDir, facts: str, x: str, body: str, lang: str = "de") -> None:
    extra = f"lang: {lang}\n{facts}channels:\n  social:\n    x: {json.dumps(x, ensure_ascii=False)}\n"
    site.message(PATH, summary="Der Park ist am Netz.", extra=extra, body=body)


def x_error(shown: str, fact: str, value: str, line: int = X_DE) -> str:
    return (f"{PATH}:{line}: channels.social.x: '{shown}' contradicts facts.{fact} ({value})"
            f" (write {{{{ facts.{fact} }}}} instead, or correct the fact)")


# German: (x post, body, expected lines)
FLAGGED_DE = [
    ("Strom für 50.000 Haushalte. {{ url }}", BODY_DE, [x_error("50.000 Haushalte", "households", "40.000")]),
    ("Der Park leistet 70 MW.", BODY_DE, [x_error("70 MW", "capacity", "62 MW")]),
    ("Investition: 45 Mio. Euro", BODY_DE, [x_error("45 Mio. Euro", "investment", "41 Mio. Euro")]),
    ("Ein Anteil von 20 Prozent", BODY_DE, [x_error("20 Prozent", "share", "18 %")]),
    ("Tag der offenen Tür am 26. April", BODY_DE, [x_error("26. April", "open_day", "25. April")]),
    ("Dazu kommen 14 Betriebe", BODY_DE,
     [f"{PATH}:{X_DE}: warning: channels.social.x: '14 Betriebe' is neither in the facts nor in the"
      " body (add it to facts, or correct it)"]),
    ("{{ url }}", "Der Park versorgt 40.000 Haushalte.\n\nNoch einmal: 45.000 Haushalte.\n",
     [f"{PATH}:{BODY_DE_LINE + 2}: body: '45.000 Haushalte' contradicts facts.households (40.000)"
      " (correct the figure or the fact)"]),
    ("{{ url }}", "40.000 Haushalte, 62 MW.\nUnd Strom für\n45.000 Haushalte.\n",
     [f"{PATH}:{BODY_DE_LINE + 2}: body: '45.000 Haushalte' contradicts facts.households (40.000)"
      " (correct the figure or the fact)"]),
    ("Investition: {{ facts.investment }}",
     "| Kennzahl | Wert |\n| --- | --- |\n| Investition: 50 Mio. Euro | x |\n",
     [f"{PATH}:{BODY_DE_LINE + 2}: body: '50 Mio. Euro' contradicts facts.investment (41 Mio. Euro)"
      " (correct the figure or the fact)"]),
]


@pytest.mark.parametrize(("x", "body", "expected"), FLAGGED_DE)
def test_drift_flagged_de(site: SiteDir, x: str, body: str, expected: list[str]) -> None:
    write(site, FACTS_DE, x, body)
    assert problems(site) == expected


NEAR_MISSES_DE = [
    "Strom für 40.000 Haushalte", "Strom für 40 000 Haushalte", "Strom für 40000 Haushalte",
    "Strom für 40,000 Haushalte",  # the English way, in a German text
    "{{ facts.households }} Haushalte", "62 Megawatt Leistung", "62.000 kW", "0,062 GW",
    "41 Millionen Euro", "Investition: 41.000.000 Euro", "18%", "18 Prozent",
    "am 25. April", "am 25.4.", "am 12. März 2026 um 09:00 Uhr",  # the message's own date
    "seit dem 12.03.2026", "seit 2026-03-12", "ab 2030", "Zahlen für Q3 2026", "weniger CO2",
    "#Top50 https://example.com/news/50000-haushalte", "mit 300 Gästen",  # as in the body
    "rund um die Uhr, 24/7",
]


@pytest.mark.parametrize("x", NEAR_MISSES_DE)
def test_drift_near_misses_de(site: SiteDir, x: str) -> None:
    write(site, FACTS_DE, x, BODY_DE)
    assert problems(site) == []


@pytest.mark.parametrize("body", [
    "Zehn Module mit je 5 MW Leistung.\n",  # per piece, not the whole park
    "Der Park hat 14 Zulieferer und 62.000 kW Leistung.\n",
    "Vorjahr: 35.000 Haushalte.\n",  # a label that is no fact
    "Fällig am 26. April.\n",  # dates in the body are the source, not checked
])
def test_body_near_misses(site: SiteDir, body: str) -> None:
    write(site, FACTS_DE, "{{ url }}", body)
    assert problems(site) == []


FLAGGED_EN = [
    ("Power for 50,000 households.", [x_error("50,000 households", "households", "40,000", X_EN)]),
    ("Revenue: EUR 241 million", [x_error("EUR 241 million", "revenue", "EUR 214 million", X_EN)]),
    ("Up 20 percent", [x_error("20 percent", "growth", "18 percent", X_EN)]),
]


@pytest.mark.parametrize(("x", "expected"), FLAGGED_EN)
def test_drift_flagged_en(site: SiteDir, x: str, expected: list[str]) -> None:
    write(site, FACTS_EN, x, BODY_EN, "en")
    assert problems(site) == expected


@pytest.mark.parametrize("x", [
    "Power for 40 000 households", "Power for 40,000 households", "62 megawatts",
    "214 million euros", "EUR 214,000,000", "up 18%", "on March 12, 2026", "since 2026-03-12",
    "300 guests",
])
def test_drift_near_misses_en(site: SiteDir, x: str) -> None:
    write(site, FACTS_EN, x, BODY_EN, "en")
    assert problems(site) == []
