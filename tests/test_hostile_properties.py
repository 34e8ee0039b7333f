"""Properties over arbitrary Unicode text (hypothesis):

- the converter either fails cleanly (SourceError, one line) or writes an edition that is valid
  against the project schema and whose words are the source's words (less what it declared it
  left out);
- every such edition renders to HTML and to plain text, each keeping every word in order.
"""
from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tei_tools import fidelity
from tei_tools.convert import SourceError, convert_text
from tei_tools.model import Repair
from tei_tools.personography import Personography
from tei_tools.render import (GENERATED_END, GENERATED_START, Renderer, html_reading_words, reading_words,
                              text_reading_words)
from tei_tools.validate import Validator
from tei_tools.xml import parse_bytes, parse_file

# Any code point, lone surrogates included (a Python string may hold them), and text that looks
# like what the annotators look for, so that persons, dates and quotations are made too.
ANY = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
CUES = st.sampled_from(["Anna Petrova", "Лев Толстой", "Σωκράτης", "Mr. O'Brien", "May 17, 1917", "the 1920s",
                        "“", "”", '"', "'", "—", "(12)", "*", "Advertisement", "\f", "\x00", "\r\n", "\r", "\t",
                        "\u2028", "\ufeff", "\ufffe", "\U0001d49c", "e\u0301", "\u200b"])
LINE = st.lists(st.one_of(ANY, CUES, CUES), max_size=12).map(" ".join)
SOURCE = st.lists(LINE, min_size=1, max_size=8).map("\n\n".join)
MARKS = {"generated-start": GENERATED_START, "generated-end": GENERATED_END}


def expected_words(source: str, omissions) -> list[str]:
    """The source's words, less the passages declared left out; repairs change no word."""
    kept, position = [], 0
    for omitted in sorted((o for o in omissions if not isinstance(o, Repair)), key=lambda o: o.offset):
        kept.append(source[position:omitted.offset])
        position = omitted.offset + len(omitted.text)
    kept.append(source[position:])
    return fidelity.words(" ".join(kept).replace("\r\n", "\n").replace("\r", "\n"))


@pytest.fixture(scope="module")
def tools():
    return Validator("project"), Renderer(), Renderer(params=MARKS)


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as read_source gives it


@pytest.mark.slow
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(source=SOURCE, kind=st.sampled_from([None, "book", "biography", "transcript"]))
def test_any_text_becomes_a_valid_faithful_edition_that_renders_or_fails_cleanly(source, kind, tools, tmp_path):
    validator, renderer, marked_renderer = tools
    text = normalised(source)
    persons = Personography.empty()
    try:
        doc, data, _ = convert_text(text, "any.txt", persons, kind=kind)
    except SourceError as error:  # a clean failure: one line
        assert "\n" not in str(error)
        event("refused")
        return
    event("converted")
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    edition = folder / "any.xml"
    edition.write_bytes(data)
    (folder / "persons.xml").write_bytes(persons.to_bytes())
    root = parse_bytes(data).getroot()
    assert fidelity.compare(expected_words(text, doc.omissions), fidelity.tei_text_words(root)) == []
    messages = [m for m in validator.validate_files([edition, folder / "persons.xml"]) if m.severity == "error"]
    assert messages == [], [str(m) for m in messages]

    expected = letters(reading_words(parse_file(edition)))
    site = renderer.render_site([edition], folder / "site", folder / "persons.xml")
    assert folder / "site" / "any.html" in site
    assert letters(html_reading_words((folder / "site" / "any.html").read_text("utf-8"))) == expected
    plain = renderer.render_text(edition, folder / "text")
    marked = marked_renderer.render_text(edition, folder / "marked")
    assert plain.read_text("utf-8").strip() or not expected
    assert letters(text_reading_words(marked.read_text("utf-8"))) == expected


def letters(words: list[str]) -> str:
    """The run of base letters and digits of some words, compared between the edition and a rendering.

    The rendering helpers split a word where an annotation starts inside it ("0Þ") or ends before
    its combining accent ("Ea" + U+0300), which the edition itself does not (the exact check
    above): compared this way, a lost, added or moved letter still shows.
    """
    decomposed = unicodedata.normalize("NFD", "".join(words))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
