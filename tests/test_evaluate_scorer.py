"""The scorer behind ``dyad evaluate``: hand-made gold records against hand-made predictions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from dyad.errors import GoldError
from dyad.evaluation import EvalReport, evaluate, read_gold, render
from dyad.evaluation.codes import pentaclass
from dyad.evaluation.gold import find_spans
from dyad.model import Actor, Event, Evidence, Plover, TextSpan

TEXT = "The United States met China in Beijing."


def actor(code: str, text: str = "", start: int = 0, end: int = 0, **kw: Any) -> Actor:
    """An actor; its country defaults to the code's first three letters."""
    country = kw.pop("country", code[:3] if code[:3].isalpha() and code[:3] != "IGO" else None)
    return Actor(text=text or code, start=start, end=end, code=code, country=country, **kw)


def event(
    source: Actor | None,
    target: Actor | None,
    cameo: str = "042",
    plover: str = "CONSULT",
    factuality: str = "asserted",
    quad: int = 1,
    confidence: float = 0.5,
) -> Event:
    return Event(
        doc_id="d",
        event_id="e",
        sentence_index=0,
        sentence=TEXT,
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=1.0,
        plover=Plover(plover),
        factuality=factuality,  # type: ignore[arg-type]
        evidence=Evidence(TextSpan("met", 18, 21), "test:1"),
        confidence=confidence,
    )


def record(
    rid: str, events: Sequence[dict[str, Any]], text: str = TEXT, **kw: Any
) -> dict[str, Any]:
    return {"id": rid, "text": text, "date": "2024-01-01", "events": list(events), **kw}


def gold(tmp_path: Path, *records: dict[str, Any], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def coder(*predictions: Sequence[Event]) -> Any:
    """An extract function that returns the given predictions record by record."""
    queue = list(predictions)

    def extract(text: str, date: str | None) -> list[Event]:
        return list(queue.pop(0))

    return extract


def phoenix(source: str, target: str, code: str) -> dict[str, Any]:
    return {"source": source, "target": target, "code": code, "extra": {"cameo_root_valid": True}}


def plover(
    source: list[str], target: list[str], code: str, reciprocal: bool = False, **extra: Any
) -> dict[str, Any]:
    return {
        "source": "+".join(source),
        "target": "+".join(target),
        "code": code,
        "extra": {
            "plover_2021_type": extra.pop("plover_2021_type", code),
            "source_actors": [{"actorText": c, "code": c} for c in source],
            "target_actors": [{"actorText": c, "code": c} for c in target],
            "reciprocal": reciprocal,
            **extra,
        },
    }


def score(
    tmp_path: Path, records: Sequence[dict[str, Any]], *preds: Sequence[Event], **kw: Any
) -> EvalReport:
    return evaluate(gold(tmp_path, *records), coder(*preds), **kw)


def test_evaluate_exact_match(tmp_path: Path) -> None:
    """Same actors' countries, root and code: one true positive at root and code level."""
    report = score(tmp_path, [record("a", [phoenix("USAGOV", "CHN", "042")])],
                   [event(actor("USAGOV"), actor("CHN"), "042")])  # fmt: skip
    assert report.events_root is not None and report.events_code is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (1, 0, 0)
    assert report.events_code.f1 == 1.0
    assert report.type_accuracy == 1.0


def test_evaluate_wrong_code_still_matches_root(tmp_path: Path) -> None:
    """A different code under the same root counts at root level, not at full-code level."""
    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "042")])],
                   [event(actor("USA"), actor("CHN"), "040")])  # fmt: skip
    assert report.events_root is not None and report.events_code is not None
    assert report.events_root.tp == 1
    assert (report.events_code.tp, report.events_code.fp, report.events_code.fn) == (0, 1, 1)


def test_evaluate_root_only_code_equals_x0(tmp_path: Path) -> None:
    """A predicted bare root "04" equals the gold code "040"."""
    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "040")])],
                   [event(actor("USA"), actor("CHN"), "04")])  # fmt: skip
    assert report.events_code is not None and report.events_code.tp == 1


def test_evaluate_wrong_direction(tmp_path: Path) -> None:
    """Swapped source and target is a miss plus a false positive, but the type is right."""
    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "042")])],
                   [event(actor("CHN"), actor("USA"), "042")])  # fmt: skip
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (0, 1, 1)
    assert report.types.tp == 1


def test_evaluate_reciprocal_matches_either_direction(tmp_path: Path) -> None:
    """Reciprocal gold matches both directions (JOR+GBR agreed: also JOR→none); directed not."""
    compound = plover(["JOR", "GBR"], [], "AGREE", reciprocal=True)
    pair = plover(["ISR"], ["LBN"], "AGREE", reciprocal=True)
    one_way = plover(["ISR"], ["LBN"], "AGREE")
    report = score(
        tmp_path,
        [record("a", [compound]), record("b", [compound]), record("c", [pair]),
         record("d", [one_way])],
        [event(actor("GBR"), actor("JOR"), "030", "AGREE")],
        [event(actor("JOR"), None, "030", "AGREE")],
        [event(actor("LBN"), actor("ISR"), "030", "AGREE")],
        [event(actor("LBN"), actor("ISR"), "030", "AGREE")],
    )  # fmt: skip
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (3, 1, 1)


def test_evaluate_compound_and_reciprocal_expansions_absorbed(tmp_path: Path) -> None:
    """One prediction per member or direction of a compound/reciprocal gold event is not an FP."""
    compound = plover(["JOR", "GBR"], [], "AGREE", reciprocal=True)
    pair = plover(["ISR"], ["LBN"], "AGREE", reciprocal=True)
    one_way = plover(["ISR"], ["LBN"], "AGREE")
    report = score(
        tmp_path,
        [record("a", [compound]), record("b", [pair]), record("c", [one_way])],
        [event(actor("JOR"), None, "030", "AGREE"), event(actor("GBR"), None, "030", "AGREE")],
        [event(actor("ISR"), actor("LBN"), "030", "AGREE"),
         event(actor("LBN"), actor("ISR"), "030", "AGREE")],
        [event(actor("ISR"), actor("LBN"), "030", "AGREE"),
         event(actor("LBN"), actor("ISR"), "030", "AGREE")],
    )  # fmt: skip
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (3, 1, 0)
    assert report.absorbed == 2


def test_evaluate_counts_misses_a_non_asserted_event_would_match(tmp_path: Path) -> None:
    """A gold event missed only because our matching event is 'future' is counted apart."""
    report = score(
        tmp_path,
        [record("a", [phoenix("PRT", "TUR", "051")])],
        [event(actor("PRT"), actor("TUR"), "051", factuality="future")],
    )
    assert report.events_root is not None and report.events_root.fn == 1
    assert report.missed_by_factuality == 1


def test_evaluate_igo_actors(tmp_path: Path) -> None:
    """Phoenix IGOEUREEC matches igo "European Union", not "UN"; PLOVER's bare IGO matches any."""
    report = score(
        tmp_path,
        [record("a", [phoenix("UKR", "IGOEUREEC", "057")]),
         record("b", [phoenix("UKR", "IGOEUREEC", "057")])],
        [event(actor("UKR"), actor("IGOEUREEC", igo="European Union"), "057")],
        [event(actor("UKR"), actor("IGOUNO", igo="UN"), "057")],
    )  # fmt: skip
    assert report.events_root is not None and report.events_root.tp == 1
    generic = score(tmp_path, [record("a", [plover(["IGO"], ["IRN"], "DEMAND",
                                                    plover_2021_type="REQUEST")])],
                    [event(actor("NATO", igo="NATO"), actor("IRN"), "100", "REQUEST")])  # fmt: skip
    assert generic.events_root is not None and generic.events_root.tp == 1


def test_evaluate_legacy_country_codes(tmp_path: Path) -> None:
    """Gold JAP (CAMEO's Japan) matches a predicted JPN actor."""
    report = score(tmp_path, [record("a", [plover(["RUS"], ["JAP"], "CONSULT")])],
                   [event(actor("RUSGOV"), actor("JPNGOV"), "040", "CONSULT")])  # fmt: skip
    assert report.events_root is not None and report.events_root.tp == 1


def test_evaluate_plover_old_names(tmp_path: Path) -> None:
    """A prediction spelled in PLOVER 0.5b1 (DEMAND) matches gold in 2021 names (REQUEST)."""
    gold_event = plover(["USA"], ["IRQ"], "DEMAND", plover_2021_type="REQUEST")
    report = score(tmp_path, [record("a", [gold_event])],
                   [event(actor("USA"), actor("IRQ"), "100", "DEMAND")])  # fmt: skip
    assert report.events_root is not None and report.events_root.tp == 1


def test_evaluate_statements_outside_plover_are_not_scored(tmp_path: Path) -> None:
    """On PLOVER gold a CAMEO 01 statement (no PLOVER type) is neither hit nor false positive."""
    report = score(
        tmp_path,
        [record("a", [plover(["USA"], ["IRQ"], "DEMAND", plover_2021_type="REQUEST")])],
        [event(actor("USA"), actor("IRQ"), "100", "REQUEST"), event(actor("USA"), None, "010", "")],
    )
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (1, 0, 0)
    assert report.out_of_scheme == 1 and report.predicted_events == 1


def test_evaluate_duplicates_not_double_counted(tmp_path: Path) -> None:
    """Two identical predictions for one gold event: one hit, one false positive."""
    pred = event(actor("USA"), actor("CHN"), "042")
    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "042")])], [pred, pred])
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (1, 1, 0)


def test_evaluate_matching_is_one_to_one_and_maximal(tmp_path: Path) -> None:
    """Two gold events and two predictions pair up fully even if the first could take either."""
    reciprocal = plover(["ISR", "PSE"], [], "CONSULT", reciprocal=True)
    directed = plover(["ISR"], ["PSE"], "CONSULT")
    report = score(
        tmp_path,
        [record("a", [reciprocal, directed])],
        [event(actor("ISR"), actor("PSE"), "040"), event(actor("PSE"), actor("ISR"), "040")],
    )
    assert report.events_root is not None and report.events_root.tp == 2


def test_evaluate_empty_gold_counts_false_positives(tmp_path: Path) -> None:
    """Records with events: [] only add false positives; no prediction there is 'left empty'."""
    report = score(
        tmp_path,
        [record("a", []), record("b", []), record("c", [phoenix("USA", "CHN", "042")])],
        [event(actor("USA"), actor("CHN"))],
        [],
        [event(actor("USA"), actor("CHN"))],
    )
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (1, 1, 0)
    assert report.empty_clean == 0.5
    assert report.type_accuracy == 1.0 and report.type_records == 1


def test_evaluate_only_asserted_events_count(tmp_path: Path) -> None:
    """Negated and hypothetical predictions are ignored, not false positives."""
    report = score(
        tmp_path,
        [record("a", [phoenix("USA", "CHN", "042")])],
        [event(actor("USA"), actor("CHN"), factuality="negated"),
         event(actor("USA"), actor("CHN"), "190", factuality="hypothetical")],
    )  # fmt: skip
    assert report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (0, 0, 1)
    assert report.ignored_predictions == 2 and report.predicted_events == 0


def test_evaluate_type_accuracy_uses_top_prediction(tmp_path: Path) -> None:
    """Type accuracy looks at the most confident prediction; type P/R uses the whole set."""
    report = score(
        tmp_path,
        [record("a", [phoenix("USA", "CHN", "042")]), record("b", [phoenix("USA", "CHN", "042")])],
        [event(None, None, "190", confidence=0.9), event(None, None, "042", confidence=0.4)],
        [event(None, None, "190", confidence=0.2), event(None, None, "042", confidence=0.8)],
    )
    assert report.type_accuracy == 0.5
    assert (report.types.tp, report.types.fp, report.types.fn) == (2, 2, 0)


def conflibert(text: str, code: str, source: list[str], **extra: Any) -> dict[str, Any]:
    penta = int(code.split(":")[1]) if code else None
    event_ = {"source": " | ".join(source), "target": "", "code": code,
              "extra": {"pentaclass": penta, "source_spans": source, "target_spans": [],
                        "reciprocal_spans": [], **extra}}  # fmt: skip
    return record(text[:10], [event_], text=text, date=None)


def test_evaluate_conflibert_source_span_and_pentaclass(tmp_path: Path) -> None:
    """Tokenised gold spans are found in the text; our source must lie inside; class from root."""
    text = "Mr. Sisi has rejected loud appeals to release Aya Hijazi."
    sisi = actor("EGYGOV", "Sisi", 4, 8)
    report = score(
        tmp_path,
        [conflibert(text, "penta:3", ["Mr . Sisi"]),
         conflibert("Erdoğan will meet Mattarella in Rome.", "penta:1", ["Erdogan"]),
         conflibert("The Islamic State attacked an army camp.", "", ["The Islamic State"])],
        [event(sisi, None, "120", quad=3)],
        [event(actor("ITAGOV", "Mattarella", 18, 28), None, "040")],
        [event(actor("IMGMUSISI", "Islamic State", 4, 17), None, "190")],
    )  # fmt: skip
    assert report.penta_accuracy == 1.0 and report.type_records == 2
    assert report.source_records == 3 and report.source_inside == pytest.approx(2 / 3)
    assert report.spans_not_found == 0


def test_evaluate_conflibert_nothing_predicted_is_wrong(tmp_path: Path) -> None:
    """A sentence with a gold class and no prediction counts against pentaclass accuracy."""
    report = score(tmp_path, [conflibert("Kiev car bomb killed a man.", "penta:4", ["car bomb"])],
                   [])  # fmt: skip
    assert report.penta_accuracy == 0.0 and report.source_inside == 0.0


@pytest.mark.parametrize(
    ("root", "expected"),
    [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3),
     ("16", 3), ("14", 4), ("15", 4), ("17", 4), ("20", 4), ("21", None), ("00", None)],
)  # fmt: skip
def test_evaluate_pentaclass_mapping(root: str, expected: int | None) -> None:
    """CAMEO roots group into ConfliBERT's five classes as its README says."""
    assert pentaclass(root) == expected


def test_evaluate_by_type_rows(tmp_path: Path) -> None:
    """--by-type gives one row per type with its own hits, misses and false positives."""
    report = score(
        tmp_path,
        [record("a", [phoenix("USA", "CHN", "042"), phoenix("RUS", "UKR", "190")])],
        [event(actor("USA"), actor("CHN"), "042"), event(actor("RUS"), actor("UKR"), "173")],
        by_type=True,
    )
    rows = {row.type: row for row in report.by_type or ()}
    assert set(rows) == {"04", "17", "19"}
    assert rows["04"].events is not None and rows["04"].events.tp == 1
    assert rows["19"].events is not None and rows["19"].events.fn == 1
    assert rows["17"].events is not None and rows["17"].events.fp == 1
    assert rows["17"].types.fp == 1


def test_evaluate_errors_keeps_first_mismatches(tmp_path: Path) -> None:
    """errors=N keeps N mismatching records with gold and predicted events side by side."""
    report = score(
        tmp_path,
        [record("ok", [phoenix("USA", "CHN", "042")]),
         record("bad1", [phoenix("USA", "CHN", "042")]), record("bad2", [])],
        [event(actor("USA"), actor("CHN"))], [], [event(actor("USA"), actor("CHN"))],
        errors=1,
    )  # fmt: skip
    assert [m.id for m in report.errors] == ["bad1"]
    assert report.errors[0].gold and not report.errors[0].predicted


def test_evaluate_fictional_world_scores_types_only(tmp_path: Path) -> None:
    """Fictional actor codes are not scored: no event P/R/F, only types."""
    meta = {"actor_world": "fictional (Tolkien/Harry Potter place names) + a few real"}
    report = score(tmp_path, [record("a", [phoenix("ARN", "GON", "050")], meta=meta)],
                   [event(None, None, "051")])  # fmt: skip
    assert report.events_root is None and report.metrics()["f1_root"] is None
    assert report.type_accuracy == 1.0


def test_evaluate_skips_what_gold_marks_unscored(tmp_path: Path) -> None:
    """Invalid-root test codes and records with meta.evaluate false are skipped and counted."""
    bad_root = {
        "source": "ARN",
        "target": "GON",
        "code": "345",
        "extra": {"cameo_root_valid": False},
    }
    path = gold(tmp_path, record("a", [bad_root]), record("b", [], meta={"evaluate": False}))
    loaded = read_gold(path)
    assert [r.id for r in loaded.records] == ["a"] and loaded.records[0].events == ()
    assert loaded.skipped_records == {"meta.evaluate is false": 1}
    assert sum(loaded.skipped_events.values()) == 1


def test_evaluate_malformed_gold_names_every_line(tmp_path: Path) -> None:
    """Every malformed record is reported at once with its file:line and a fix."""
    path = tmp_path / "bad.jsonl"
    good = json.dumps(record("a", [phoenix("USA", "CHN", "042")]))
    not_bool = plover(["USA"], ["IRQ"], "DEMAND")
    not_bool["extra"]["reciprocal"] = "yes"
    path.write_text(
        "\n".join([good, "{not json", json.dumps(record("c", [phoenix("USA", "CHN", "999")])),
                   json.dumps(record("a", [])),
                   json.dumps({"id": "e", "text": "x", "events": {}}),
                   json.dumps(record("f", [not_bool]))]),
        encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(GoldError) as caught:
        evaluate(path, coder())
    message = str(caught.value)
    for line in (2, 3, 4, 5, 6):
        assert f"bad.jsonl:{line}:" in message
    assert "bad.jsonl:1:" not in message
    assert "'999' is not a CAMEO code" in message and "duplicate id 'a'" in message
    assert "extra.reciprocal must be true or false" in message


def test_evaluate_find_spans_ignores_tokenisation() -> None:
    """Tokenised spans ('government \\'s', '( NAF )', curly quotes) are found at their offsets."""
    text = "Nigerian Air Force (NAF) said the Croatian governmentʼs request failed."
    assert find_spans(text, "Nigerian Air Force ( NAF )") == [(0, 24)]
    ((start, end),) = find_spans(text, "Croatian government 's request")
    assert text[start:end] == "Croatian governmentʼs request"
    assert find_spans(text, "Kabul") == []


def test_evaluate_sample_and_limit(tmp_path: Path) -> None:
    """sample spreads records evenly over the file; limit takes the first N after that."""
    records = [record(f"r{i}", [], text=f"text {i}") for i in range(10)]
    seen: list[str] = []

    def extract(text: str, date: str | None) -> list[Event]:
        seen.append(text)
        return []

    evaluate(gold(tmp_path, *records), extract, sample=5, limit=3)
    assert seen == ["text 0", "text 2", "text 4"]


def test_evaluate_report_json_and_render(tmp_path: Path) -> None:
    """to_dict is JSON-able with the gate's metric names; render draws the tables."""
    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "042")])],
                   [event(actor("USA"), actor("RUS"))], by_type=True, errors=5)  # fmt: skip
    data = json.loads(json.dumps(report.to_dict()))
    assert data["metrics"]["f1_root"] == 0.0 and data["metrics"]["type_accuracy"] == 1.0
    assert data["errors"][0]["id"] == "a" and data["by_type"][0]["type"] == "04"
    console = Console(width=200, record=True)
    console.print(render(report))
    out = console.export_text()
    assert "gold" in out and "by type" in out and "mismatches" in out


def test_evaluate_re3d_relations_scored_by_polarity_and_offsets(tmp_path: Path) -> None:
    """re3d relations count loosely: conflict/cooperation, actors overlapping the gold offsets."""
    text = "The Iraq people fight against ISIL."
    relation = {"source": "the Iraq people", "target": "ISIL", "code": "FightingAgainst",
                "extra": {"source_offsets": [4, 15], "target_offsets": [30, 34]}}  # fmt: skip
    iraq, isil = actor("IRQ", "Iraq", 4, 8), actor("IMGMUSISI", "ISIL", 30, 34)
    report = score(
        tmp_path,
        [record("a", [relation], text=text), record("b", [relation], text=text)],
        [event(iraq, isil, "190", quad=4)],
        [event(isil, iraq, "190", quad=4), event(iraq, isil, "040", quad=1)],
    )
    assert report.scheme == "re3d" and report.events_root is not None
    assert (report.events_root.tp, report.events_root.fp, report.events_root.fn) == (1, 2, 1)


def test_evaluate_rounds_span_roles_and_no_majority(tmp_path: Path) -> None:
    """ConfliBERT rounds: roles are '|'-separated spans, an empty role is unannotated,
    and records where the coders had no majority are skipped."""
    text = "A suicide bomber killed five people, officials said."
    attack = {"source": "suicide bomber", "target": "", "code": "18",
              "extra": {"source_text_is_span": True}}  # fmt: skip
    report = score(
        tmp_path,
        [record("a", [attack], text=text), record("b", [], text=text, meta={"no_majority": True})],
        [event(actor("---", "bomber", 10, 16), actor("---", "people", 29, 35), "180")],
    )
    assert report.records == 1 and report.events_root is not None
    assert report.events_root.tp == 1 and report.events_code is None


def test_evaluate_coder_failure_names_the_record(tmp_path: Path) -> None:
    """An exception from the coder propagates with a note naming the gold file, line and id."""

    def broken(text: str, date: str | None) -> list[Event]:
        raise ValueError("boom")

    path = gold(tmp_path, record("first", []), record("second", []))
    with pytest.raises(ValueError, match="boom") as caught:
        evaluate(path, broken)
    assert any("gold.jsonl:1 (first)" in note for note in caught.value.__notes__)


def test_evaluate_markdown_table_has_a_row_per_file(tmp_path: Path) -> None:
    """The docs table shows each file's headline numbers in percent, '–' where not measured."""
    from dyad.evaluation.report import markdown_table

    report = score(tmp_path, [record("a", [phoenix("USA", "CHN", "042")])],
                   [event(actor("USA"), actor("CHN"))])  # fmt: skip
    lines = markdown_table([report, report]).splitlines()
    assert len(lines) == 4 and lines[0].startswith("| file | records")
    assert lines[2].startswith("| gold | 1 | 1 / 1 | 100.0 | 100.0 | 100.0 | 100.0 | – |")


def test_evaluate_miss_reasons(tmp_path: Path) -> None:
    """Each root-level miss is explained by the closest prediction of its type."""
    gold_event = phoenix("USA", "CHN", "042")
    report = score(
        tmp_path,
        [record(str(i), [gold_event]) for i in range(6)],
        [event(actor("USA"), actor("CHN"), "190")],
        [event(actor("CHN"), actor("USA"))],
        [event(actor("USA"), None)],
        [event(actor("USA"), actor("RUS"))],
        [event(actor("RUS"), actor("CHN"))],
        [event(actor("RUS"), actor("IRN"))],
    )
    assert report.miss_reasons == {
        "type not predicted": 1, "direction reversed": 1, "target missing": 1, "target wrong": 1,
        "source wrong": 1, "both actors wrong": 1,
    }  # fmt: skip


def test_evaluate_missing_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    """A gold path that cannot be read is a GoldError naming the file, not a traceback."""
    with pytest.raises(GoldError, match=r"cannot read gold file .*nope\.jsonl"):
        evaluate(tmp_path / "nope.jsonl", coder())
