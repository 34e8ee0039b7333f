"""The converter end to end: fidelity, determinism, safe writing, errors, hand-edit protection."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import EDITIONS, seed_paths, smallest_seed
from tei_tools import fidelity, serialize
from tei_tools.convert import SourceError, convert_files, convert_text, read_source
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS, parse_bytes

TEI = {"t": TEI_NS}


def source_words_kept(source: str, omissions) -> list[str]:
    """The words a faithful edition must hold: the source's, less what was declared left out."""
    kept, position = [], 0
    for omitted in sorted(omissions, key=lambda o: o.offset):
        kept.append(source[position:omitted.offset])
        position = omitted.offset + len(omitted.text)
    kept.append(source[position:])
    return fidelity.words(" ".join(kept))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    results = convert_files(seed_paths(), out, personography=out / "persons.xml")
    return out, {r.source.name: r for r in results}


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem)
def test_every_word_of_each_seed_is_kept_in_order(seed, converted):
    out, results = converted
    result = results[seed.name]
    assert result.status == "written", result.message
    root = etree.parse(str(out / f"{seed.stem}.xml")).getroot()
    expected = source_words_kept(seed.read_text(encoding="utf-8"), result.omissions)
    found = fidelity.tei_text_words(root)
    assert len(expected) > 1000
    assert fidelity.compare(expected, found) == []


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem)
def test_each_seed_has_a_real_header_and_structure(seed, converted):
    out, _ = converted
    root = etree.parse(str(out / f"{seed.stem}.xml")).getroot()
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=TEI).strip()
    assert root.xpath("//t:sourceDesc/t:bibl", namespaces=TEI)
    assert root.xpath("//t:encodingDesc/t:editorialDecl/t:p", namespaces=TEI)
    assert root.xpath("//t:revisionDesc/t:change[@who='#tei-tools']", namespaces=TEI)
    assert len(root.xpath("//t:body//t:div", namespaces=TEI)) >= 3
    assert len(root.xpath("//t:body//t:p", namespaces=TEI)) >= 20


def test_omissions_are_declared_in_the_header(converted):
    out, results = converted
    for name, result in results.items():
        if not result.omissions:
            continue
        root = etree.parse(str(out / f"{Path(name).stem}.xml")).getroot()
        declared = root.xpath("string(//t:normalization)", namespaces=TEI)
        assert f"Removed {len(result.omissions)}" in declared
        assert str(result.omissions[0].line) in declared


def test_converting_twice_gives_identical_bytes(tmp_path):
    seed = smallest_seed()
    first = convert_files([seed], tmp_path / "a", personography=tmp_path / "a.xml")
    second = convert_files([seed], tmp_path / "b", personography=tmp_path / "b.xml")
    assert first[0].status == second[0].status == "written"
    data = (tmp_path / "a" / f"{seed.stem}.xml").read_bytes()
    assert data == (tmp_path / "b" / f"{seed.stem}.xml").read_bytes()
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()


def test_a_hand_edited_edition_is_not_overwritten_without_force(tmp_path):
    seed = smallest_seed()
    convert_files([seed], tmp_path, personography=tmp_path / "p.xml")
    edition = tmp_path / f"{seed.stem}.xml"
    edited = edition.read_bytes().replace(b"<p>", b"<p>Editor's note. ", 1)
    edition.write_bytes(edited)
    refused = convert_files([seed], tmp_path, personography=tmp_path / "p.xml")[0]
    assert refused.status == "refused" and str(edition) in refused.message
    assert edition.read_bytes() == edited
    forced = convert_files([seed], tmp_path, personography=tmp_path / "p.xml", force=True)[0]
    assert forced.status == "written" and edition.read_bytes() != edited


def test_an_untouched_edition_is_recognised_by_its_digest(converted):
    out, _ = converted
    data = next(p for p in sorted(out.glob("*.xml")) if p.name != "persons.xml").read_bytes()
    assert serialize.is_untouched(data) is True
    assert serialize.is_untouched(data.replace(b"</p>", b" </p>", 1)) is False
    assert serialize.is_untouched(b"<TEI/>") is None


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"  \n\n \n", "is empty"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    ("Caf\u00e9 cr\u00e8me".encode("latin-1"), "not valid utf-8"),
])
def test_unusable_sources_fail_with_one_line_and_no_output(tmp_path, content, expected):
    source = tmp_path / "bad.txt"
    if content is not None:
        source.write_bytes(content)
    good = smallest_seed()
    results = convert_files([source, good], tmp_path / "out", personography=tmp_path / "p.xml")
    assert results[0].status == "failed"
    assert expected in results[0].message and "\n" not in results[0].message
    assert not (tmp_path / "out" / "bad.xml").exists()
    assert results[1].status == "written"  # the rest of the batch still converts


def test_a_legacy_encoding_can_be_read(tmp_path):
    source = tmp_path / "legacy.txt"
    source.write_bytes("Caf\u00e9 society met in 1913.\n\nIt was cr\u00e8me.".encode("cp1252"))
    with pytest.raises(SourceError):
        read_source(source)
    assert "Café" in read_source(source, "cp1252")


def test_a_sidecar_supplies_what_the_text_cannot(tmp_path):
    source = tmp_path / "piece.txt"
    source.write_text("A short piece of prose about nothing in 1913.\n\nAnother paragraph.\n", encoding="utf-8")
    source.with_suffix(".json").write_text(
        '{"title": "A Piece", "authors": ["Ann Writer"], "source_url": "https://example.org/piece", '
        '"licence": "CC BY 4.0", "language": "en"}', encoding="utf-8")
    convert_files([source], tmp_path / "out", personography=tmp_path / "p.xml")
    root = etree.parse(str(tmp_path / "out" / "piece.xml")).getroot()
    assert root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=TEI) == "A Piece"
    assert root.xpath("string(//t:titleStmt/t:author)", namespaces=TEI) == "Ann Writer"
    assert root.xpath("string(//t:sourceDesc//t:ref/@target)", namespaces=TEI) == "https://example.org/piece"
    assert root.xpath("string(//t:licence)", namespaces=TEI) == "CC BY 4.0"


def test_an_unknown_sidecar_key_is_an_error(tmp_path):
    source = tmp_path / "piece.txt"
    source.write_text("Some prose.\n", encoding="utf-8")
    source.with_suffix(".json").write_text('{"titel": "typo"}', encoding="utf-8")
    result = convert_files([source], tmp_path / "out", personography=tmp_path / "p.xml")[0]
    assert result.status == "failed" and "titel" in result.message


def test_the_committed_editions_equal_a_fresh_build(monkeypatch):
    committed = sorted(EDITIONS.glob("*.xml"))
    if not committed:
        pytest.skip("no committed editions yet")
    _generate_on_the_committed_day(monkeypatch, committed)
    # Beside editions/, so that the xml-model PIs (relative to schema/) come out the same.
    with tempfile.TemporaryDirectory(dir=EDITIONS.parent, prefix=".fresh-build-") as fresh:
        _compare_fresh_build(Path(fresh), committed)


def _generate_on_the_committed_day(monkeypatch, committed: list[Path]) -> None:
    """Editions record the day they were generated: rebuild them as on that day."""
    import datetime

    day = next(filter(None, (serialize.recorded_generation_date(p.read_bytes()) for p in committed)), None)
    if day:
        moment = datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.timezone.utc)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def _compare_fresh_build(out: Path, committed: list[Path]) -> None:
    (out / "persons.xml").write_bytes((EDITIONS / "persons.xml").read_bytes())
    convert_files(seed_paths(), out)
    for edition in committed:
        regenerated = out / edition.name
        assert regenerated.read_bytes() == edition.read_bytes(), f"{edition.name} differs from a fresh build"


# ------------------------------------------------------------------ property: no word is ever lost

WORDS = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=10)
NAMES = st.sampled_from(["Anna Petrova", "Mr. Kowalski", "J. R. Smith", "Ivan", "de Gaulle", "O'Brien"])
DATES = st.sampled_from(["1907", "May 17, 1917", "the 1920s", "winter of 1918", "(1930)", "7th November, 1879"])
PUNCT = st.sampled_from([",", ".", ";", ":", "?", "!", "—", " -", "'s"])
TOKEN = st.one_of(WORDS, NAMES, DATES, PUNCT,
                  WORDS.map(lambda w: f"“{w}”"), WORDS.map(lambda w: f'"{w} and more"'), st.just("(12)"))
PARAGRAPH = st.lists(TOKEN, min_size=1, max_size=40).map(" ".join)
BLOCK = st.one_of(PARAGRAPH, PARAGRAPH, PARAGRAPH, WORDS.map(str.title), st.just("*"),
                  st.just("Article continues after advertisement"),
                  st.lists(WORDS, min_size=2, max_size=3).map("\n".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(BLOCK, min_size=1, max_size=12), kind=st.sampled_from([None, "book", "biography", "transcript"]))
def test_no_word_is_lost_or_reordered_whatever_the_text(blocks, kind):
    source = "\n\n".join(blocks) + "\n"
    try:
        doc, data, _ = convert_text(source, "generated.txt", Personography.empty(), kind=kind)
    except SourceError as error:  # nothing for a body (only breaks or advertisements): refused, not faked
        assert str(error).startswith("generated.txt: has no text to encode")
        return
    root = parse_bytes(data).getroot()
    expected = source_words_kept(source, doc.omissions)
    assert fidelity.compare(expected, fidelity.tei_text_words(root)) == []
    assert all(o.reason == "advertisement" for o in doc.omissions)
