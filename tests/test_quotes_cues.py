"""What makes a paragraph read as first person (and so, in a third-person narrative, as a block
quotation): an "I" after a capitalised word counts when that word starts a sentence ("Then I
left"), not when it is a name with a numeral ("Nicholas I", "World War I")."""
from __future__ import annotations

import pytest

from tei_tools.annotate.quotes import paragraph_cues


@pytest.mark.parametrize("text, count", [
    ("Then I left.", 1),
    ("He laughed. Then I left.", 1),
    ("He laughed! Then I left.", 1),
    ("Was it late? Then I left.", 1),
    ("He said it plainly: Then I left.", 1),
    ("He waited\u2026 Then I left.", 1),
    ("He laughed. \u201cThen I left.", 1),  # an opening mark left unclosed: the sentence starts after it
    ("Said he. \"Then I left.", 1),
    ("He laughed. (Then I left.)", 1),
    ("He laughed.\nThen I left.", 1),
    ("He laughed. \u2018Then I left.", 1),
    ("The army of Nicholas I grew.", 0),
    ("By World War I it was the largest.", 0),
    ("It was the reign of Tsar Nicholas I and of nobody else.", 0),
    ("\u201cThen I left,\u201d she said.", 0),  # quoted speech is not the paragraph's own voice
])
def test_an_i_after_a_capitalised_word_counts_only_at_the_start_of_a_sentence(text, count):
    assert paragraph_cues(text).first_singular == count
