"""Derived posts, table-driven: every case through every platform's recipe, then the rules each
post must keep (length, hashtags, no sentence twice, no stray whitespace) and what each case is
about (sentence-end cut, CJK, the link-in-bio line, Threads' one tag, LinkedIn's facts)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from hubgen.channels.platforms import PLATFORMS, count
from hubgen.channels.posts import LINK_IN_BIO, Parts, derive, unique
from hubgen.channels.shorten import sentences, shorten

URL = "https://news.example.com/news/park/?utm_source=p&utm_medium=social&utm_campaign=park"
SENTENCE = "Der Solarpark Nummer {} versorgt ab heute viele Haushalte in Nordfriesland mit Strom."
CJK = "".join(f"北极光能源公司的胡苏姆太阳能园区第{n}期今天正式投入运营，为四万户家庭供应清洁的太阳能电力。"
              for n in "一二三四五六七八")


def many(count: int) -> str:
    return " ".join(SENTENCE.format(i) for i in range(1, count + 1))


BASE = Parts(lang="de", title="Solarpark Husum eröffnet", summary="Der Park ist am Netz.",
             key_message="Wir liefern Strom für 40.000 Haushalte.", url=URL,
             hashtags=("#Energiewende", "#Solar"))

CASES: dict[str, Parts] = {
    "short": BASE,
    "long key, many sentences": replace(BASE, key_message=many(12)),
    "tag late in a long key message": replace(
        BASE, key_message=many(8) + " Das ist #Energiewende.",
        hashtags=("#Energiewende",)),
    "summary repeats the key message": replace(
        BASE, summary="Wir liefern Strom für 40.000  haushalte. Der Park ist am Netz.",
        title="Wir liefern Strom für 40.000 Haushalte"),
    "CJK key message": replace(BASE, lang="zh", key_message=CJK, summary="太阳能园区开业。"),
    "English": replace(BASE, lang="en", title="Husum solar park opens",
                       summary="The park is on the grid.",
                       key_message="We supply power to 40,000 households."),
    "one word too long": replace(BASE, key_message="Sonnen" * 80 + "."),
    "many tags": replace(BASE, key_message=many(5),
                         hashtags=tuple(f"#Tag{i}" for i in range(8))),
    "facts": replace(BASE, facts=(("62 MW", "Installierte Leistung: 62 MW"),
                                  ("113.000", "Solarmodule: 113.000"),
                                  ("70 Hektar", "Fläche: 70 Hektar"),
                                  ("40.000", "Versorgte Haushalte: 40.000"),
                                  ("41 Mio. Euro", "Investition: 41 Mio. Euro"))),
}
GRID = [pytest.param(case, platform, id=f"{case}-{platform}")
        for case in CASES for platform in PLATFORMS]


def post(case: str, platform: str) -> str:
    return derive(PLATFORMS[platform], CASES[case])


def _normal(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".!?…").casefold()


@pytest.mark.parametrize(("case", "platform"), GRID)
def test_post_keeps_the_rules(case: str, platform: str) -> None:
    text, parts, entry = post(case, platform), CASES[case], PLATFORMS[platform]
    assert count(platform, text) <= entry.limit
    assert text == text.strip(), "leading or trailing whitespace"
    assert "\n\n\n" not in text and "  " not in text
    said = [_normal(s) for block in text.split("\n") for s in sentences(block)]
    assert len(said) == len(set(said)), "a sentence twice"
    wanted = parts.hashtags[: entry.hashtag_limit] if entry.hashtag_limit else parts.hashtags
    found = re.findall(r"(?<![\w&/#])#\w+", text)
    assert all(tag in found for tag in wanted), f"hashtag lost: {wanted} vs {found}"
    assert len(found) == len(set(found)), "a hashtag twice"
    if platform == "instagram":
        assert "http" not in text
        assert LINK_IN_BIO.get(parts.lang, LINK_IN_BIO["en"]) in text.split("\n\n")
    else:
        assert text.count(parts.url) == 1


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_two_platforms_alike(platform: str) -> None:
    others = [post("short", p) for p in PLATFORMS if p != platform]
    assert post("short", platform) not in others


@pytest.mark.parametrize("platform", ["x", "bluesky"])
def test_cut_after_a_whole_sentence(platform: str) -> None:
    text = post("long key, many sentences", platform)
    body = text.split(URL)[0].split(" #")[0].strip()
    assert body.endswith("Strom.") and "…" not in body
    assert many(12).startswith(body)


def test_a_late_hashtag_survives_the_cut() -> None:
    text = post("tag late in a long key message", "x")
    assert "Das ist #Energiewende" not in text  # the sentence that held it was cut …
    assert text.endswith(f"{URL} #Energiewende")  # … the tag was not


@pytest.mark.parametrize("platform", ["x", "bluesky", "mastodon", "threads"])
def test_cjk_key_message_is_kept_and_cut_between_graphemes(platform: str) -> None:
    text = post("CJK key message", platform)
    body = text.split("\n\n")[1 if platform == "threads" else 0]
    body = body.split(" ")[0]
    assert len(body) > 20, "the key message was dropped"
    stem = body.removesuffix("…")
    assert CJK.startswith(stem)  # no space put between its sentences
    assert body.endswith("…") or body.endswith("。")


def test_cjk_cut_prefers_sentence_and_clause_marks() -> None:
    cut = shorten(CJK, lambda text: len(text) <= 60)
    assert cut == CJK[: CJK.index("。") + 1]  # one whole sentence
    cut = shorten(CJK[:44], lambda text: len(text) <= 40)
    assert cut == CJK[: CJK.index("，")] + "…"  # at the ideographic comma


def test_never_cut_inside_a_grapheme() -> None:
    family = "👨‍👩‍👧‍👦"
    cut = shorten("北" * 10 + family * 3, lambda text: len(text) <= 20)
    assert cut.removesuffix("…").endswith(("北", family))


@pytest.mark.parametrize(("lang", "line"), [("de", "Link in der Bio."), ("en", "Link in bio."),
                                             ("fr", "Link in bio.")])
def test_link_in_bio_line_in_the_message_language(lang: str, line: str) -> None:
    text = derive(PLATFORMS["instagram"], replace(BASE, lang=lang))
    assert text.split("\n\n")[-2:] == [line, "#Energiewende #Solar"]


def test_threads_has_one_topic_tag() -> None:
    text = post("many tags", "threads")
    assert re.findall(r"#\w+", text) == ["#Tag0"]


def test_a_too_long_first_word_leaves_only_the_tail() -> None:
    assert post("one word too long", "x") == f"{URL} #Energiewende #Solar"


def test_linkedin_lists_three_facts_not_said_already() -> None:
    text = post("facts", "linkedin")
    assert text.split("\n\n")[-3] == ("→ Installierte Leistung: 62 MW\n→ Solarmodule: 113.000\n"
                                      "→ Fläche: 70 Hektar")
    assert "Versorgte Haushalte" not in text  # 40.000 is in the key message already


def test_facebook_says_each_sentence_once() -> None:
    text = post("summary repeats the key message", "facebook")
    assert text == ("Wir liefern Strom für 40.000 Haushalte\n\nDer Park ist am Netz.\n\n"
                    f"{URL} #Energiewende #Solar")


@pytest.mark.parametrize(("parts", "expected"), [
    (("Eins. Zwei.", "zwei. Drei."), ["Eins. Zwei.", "Drei."]),
    (("Eins", "eins.", "Zwei  drei."), ["Eins", "Zwei  drei."]),
    (("", "Nur das."), ["Nur das."]),
])
def test_unique(parts: tuple[str, ...], expected: list[str]) -> None:
    assert unique(*parts) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Am 25. April kommt Dr. Albers. Danach nicht.", ["Am 25. April kommt Dr. Albers.", "Danach nicht."]),
    ("Es kostet 41 Mio. Euro. Gut so!", ["Es kostet 41 Mio. Euro.", "Gut so!"]),
    ('Er sagte: "Wir bauen." Dann ging er.', ['Er sagte: "Wir bauen."', "Dann ging er."]),
    ("太阳能园区开业。我们很高兴！", ["太阳能园区开业。", "我们很高兴！"]),
])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
