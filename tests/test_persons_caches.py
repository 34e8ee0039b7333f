"""What the recogniser keeps per process (word facts, tokenised pieces, cut runs, the collector
paused) never carries one document's state into another: a document is recognised in a process
that has recognised others exactly as in a fresh process that has recognised nothing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tei_tools import readers
from tei_tools.annotate.persons import recognise
from tei_tools.model import Block
from tei_tools.personography import Personography

REPO = Path(__file__).resolve().parents[1]
BLOCKS = 25  # blocks of a document: the biography seed gives two, which share many words but not what they know
PERSONOGRAPHIES = {"empty": None, "shipped": REPO / "editions" / "persons.xml"}

# One document makes "Zorbulin" a name it knows (a word of a full name, class "known"); the
# other never names the person, and "the Zorbulin Kreml road" must stay a road there, as its own
# words make it: a class kept from the first document would make it a person.
TEACHING = {"names.txt": ["Ivan Zorbulin was a printer in Kazan.", "Later Zorbulin wrote to his wife."],
            "road.txt": ["They took the Zorbulin Kreml road north.", "It was closed."]}

FRESH = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from test_persons_caches import PERSONOGRAPHIES, found
name, texts = json.loads(sys.stdin.read())
print(json.dumps({label: found(name, texts, path) for label, path in PERSONOGRAPHIES.items()}))
"""


def found(name: str, texts: list[str], personography: Path | None) -> list[list]:
    """What `recognise` finds in the document, as plain lists (they go through JSON)."""
    known = (Personography.load(personography) if personography else Personography.empty()).baseline
    recognition = recognise([Block("p", text, 0) for text in texts], known, name)
    return [[m.block, m.start, m.end, m.cert, m.title_end, recognition.persons[m.person].main_name,
             recognition.persons[m.person].known_id, recognition.persons[m.person].evidence]
            for m in recognition.mentions]


def _in_a_fresh_process(name: str, texts: list[str]) -> dict[str, list[list]]:
    """`found` with each personography, in a new interpreter that has recognised nothing else."""
    result = subprocess.run([sys.executable, "-c", FRESH, str(Path(__file__).parent)], capture_output=True, text=True,
                            input=json.dumps([name, texts]), check=True)
    return json.loads(result.stdout)


@pytest.mark.slow  # four new interpreters, each loading the word lists and frequencies
def test_a_document_is_recognised_alike_whatever_was_recognised_before_it():
    biography = REPO / "seeds" / "001_025703152d1661b8.txt"
    blocks = [b.text for b in readers.read(biography.read_text(encoding="utf-8"), biography.name).blocks()]
    documents = {f"biography-{part}.txt": blocks[part * BLOCKS:(part + 1) * BLOCKS] for part in (0, 1)} | TEACHING
    fresh_in_both = {name: _in_a_fresh_process(name, texts) for name, texts in documents.items()}
    for label, personography in PERSONOGRAPHIES.items():
        fresh = {name: by_personography[label] for name, by_personography in fresh_in_both.items()}
        assert fresh["biography-0.txt"] and fresh["biography-1.txt"] and fresh["names.txt"], "they name persons"
        names = list(documents)
        for order in (names, names[::-1]):
            for name in order:
                assert found(name, documents[name], personography) == fresh[name], (label, name)
