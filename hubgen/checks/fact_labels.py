"""The words a message uses for what a fact counts, per language: the fact `investment` is what
`Investition: 45 Mio. Euro` and `eine Investition von 45 Mio. Euro` speak of.

A fact is named in English (`capacity`, `service_jobs`); its label is looked up by the whole
name and by its last part (`jobs`), in the message's language, and a site adds its own in
`[checks] fact_labels`. The drift check also learns the nouns a message itself writes next to a
fact; this table ties the words a writer uses before ever writing the fact's value.
"""

from __future__ import annotations

from hubgen.config import Config

__all__ = ["LABELS", "fact_labels"]

LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "investment": {"de": ("Investition", "Investitionen", "Investitionsvolumen", "Investitionssumme"),
                   "en": ("investment", "investments")},
    "capacity": {"de": ("Leistung", "Kapazität", "Nennleistung", "Speicherkapazität"),
                 "en": ("capacity", "output")},
    "power": {"de": ("Leistung", "Nennleistung"), "en": ("power", "output")},
    "households": {"de": ("Haushalte",), "en": ("households", "homes")},
    "employees": {"de": ("Mitarbeitende", "Mitarbeiter", "Mitarbeiterinnen", "Beschäftigte"),
                  "en": ("employees", "staff")},
    "jobs": {"de": ("Stellen", "Arbeitsplätze", "Jobs"), "en": ("jobs", "positions", "vacancies")},
    "trainees": {"de": ("Auszubildende", "Azubis"), "en": ("trainees", "apprentices")},
    "apprenticeships": {"de": ("Ausbildungsplätze", "Ausbildungsstellen"), "en": ("apprenticeships",)},
    "revenue": {"de": ("Umsatz", "Umsätze", "Erlöse"), "en": ("revenue", "sales")},
    "growth": {"de": ("Wachstum", "Zuwachs", "Umsatzwachstum"), "en": ("growth",)},
    "profit": {"de": ("Gewinn", "Ergebnis"), "en": ("profit", "earnings")},
    "generation": {"de": ("Stromerzeugung", "Erzeugung", "Ertrag"), "en": ("generation", "yield")},
    "share": {"de": ("Anteil",), "en": ("share",)},
    "stake": {"de": ("Anteil", "Beteiligung"), "en": ("stake", "share")},
    "area": {"de": ("Fläche",), "en": ("area",)},
    "modules": {"de": ("Module", "Solarmodule"), "en": ("modules", "panels")},
    "turbines": {"de": ("Windräder", "Turbinen", "Windenergieanlagen"), "en": ("turbines",)},
    "cost": {"de": ("Kosten",), "en": ("cost", "costs")},
    "price": {"de": ("Preis",), "en": ("price",)},
    "budget": {"de": ("Budget",), "en": ("budget",)},
    "capital": {"de": ("Kapital", "Eigenkapital"), "en": ("capital",)},
    "discount": {"de": ("Rabatt", "Nachlass"), "en": ("discount",)},
    "co2": {"de": ("CO2-Einsparung", "Einsparung"), "en": ("savings",)},
}


def fact_labels(key: str, lang: str, config: Config) -> list[str]:
    """The words for the fact `key` in `lang`: the table's and the site's own."""
    language = lang.split("-")[0]
    names = dict.fromkeys((key, key.split("_")[-1]))
    found = [label for name in names for label in LABELS.get(name, {}).get(language, ())]
    return found + [label for name in names for label in config.checks.fact_labels.get(name, ())]
