"""Block quotations in narratives at their thresholds: the shortest paragraph that can be one,
the least narration around it, narratives told in the present or with one "I" a paragraph, and
what an ellipsis or a colon does. Each case is what a reader sees: a passage set off as `quote`
or left as narration.

Black-box: `find_block_quotations` and `quoted_stretches`.
"""
from __future__ import annotations

from tei_tools.annotate.quotes import find_block_quotations, paragraph_cues, quoted_stretches

NARRATION = [
    "The general arrived in the capital in the spring. He was tired, and his staff had not slept for days.",
    "For a week he was everywhere: at the ministry, at the barracks, at the station. Nobody could keep up with him.",
    "His rivals watched and waited. They had seen men like him rise before, and they had seen them fall.",
]
PROPHECY = ("Every city will be a garden and every worker will be a scholar. The machine will serve the hand "
            "that built it, and the hunger of the past is nothing but a memory.")


def test_the_shortest_first_person_paragraph_that_can_be_a_block_quotation():
    eight = "I packed my bag and I left early."
    seven = "I packed my bag and I left."
    assert paragraph_cues(eight).words == 8 and paragraph_cues(seven).words == 7
    assert find_block_quotations(NARRATION[:2] + [eight] + NARRATION[2:]) == [False, False, True, False]
    assert find_block_quotations(NARRATION[:2] + [seven] + NARRATION[2:]) == [False] * 4


def test_two_paragraphs_of_narration_are_enough_to_tell_a_quotation_from_them():
    memoir = "At dawn I packed my bag and left the house. I walked to the station and I did not look back."
    assert find_block_quotations(NARRATION[:2] + [memoir]) == [False, False, True]
    assert find_block_quotations(NARRATION[:1] + [memoir]) == [False, False]


def test_short_paragraphs_do_not_count_as_narration():
    memoir = "At dawn I packed my bag and left the house. I walked to the station and I did not look back."
    headings = ["Chapter Two", "The Station", "Spring, 1917"]
    assert find_block_quotations(headings + [NARRATION[0], memoir]) == [False] * 5


PRESENT_NARRATION = [
    "The general arrives in the capital in the spring. He is tired, and his staff have not slept for days.",
    "For a week he is everywhere: at the ministry, at the barracks, at the station. Nobody keeps up with him.",
    "His rivals watch and wait. They have seen men like him rise before, and they know how it ends.",
]


def test_in_a_narrative_told_in_the_present_a_present_passage_is_narration():
    announce = "In one famous speech, he describes the world that the war will leave behind."
    assert find_block_quotations(PRESENT_NARRATION[:2] + [announce, PROPHECY] + PRESENT_NARRATION[2:]) == [False] * 5


def test_a_present_passage_after_an_announcement_stands_out_from_a_mostly_past_narration():
    # Narration in the past with some present ("is", "are"): still a past narrative.
    mixed = [
        "The general arrived in the spring, and the capital is still proud of it. He was tired and he slept.",
        "For a week he went everywhere. The ministry is still there, and the station stood where it stands now.",
        "His rivals watched and waited, and they were patient men who had seen many others come and go.",
    ]
    announce = "In one famous speech, he described the world that the war would leave behind."
    assert find_block_quotations(mixed[:2] + [announce, PROPHECY] + mixed[2:]) == [False, False, False, True, False]


def test_a_memoir_with_one_i_a_paragraph_is_a_first_person_narrative():
    memoir = [
        "In the spring I went to the capital, where the streets were full of soldiers and rumours.",
        "The general had arrived a week before, and everyone I met spoke of nothing but his plans.",
        "His rivals watched and waited, and I wrote down what they said in the cafes at night.",
        "At dawn I packed my bag and left the house. I walked to the station and I did not look back.",
    ]
    assert [paragraph_cues(p).first_singular for p in memoir[:3]] == [1, 1, 1]
    assert find_block_quotations(memoir) == [False] * 4


def test_a_colon_at_the_end_of_the_last_paragraph_does_not_introduce_the_first():
    ending = "The last lines of the manifesto, which nobody read, ran as follows:"
    assert find_block_quotations([PROPHECY] + NARRATION + [ending]) == [False] * 5


def test_narration_with_an_ellipsis_after_a_block_quotation_is_narration():
    memoir = "At dawn I packed my bag and left the house. I walked to the station and I did not look back."
    after = "The general read the letter twice\u2026 then he folded it and put it away in the drawer of his desk."
    assert find_block_quotations(NARRATION[:2] + [memoir, after] + NARRATION[2:]) == [False, False, True, False, False]


def test_an_ellipsis_in_an_introduced_passage_marks_it_as_quoted():
    announce = "The last lines of the manifesto ran:"
    cut = "The general read the letter twice\u2026 then he folded it and put it away in the drawer of his desk."
    assert find_block_quotations(NARRATION[:2] + [announce, cut] + NARRATION[2:])[3] is True


# ---------------------------------------------------------------- a mistyped closing mark


def test_a_single_closing_mark_after_punctuation_ends_an_unclosed_quotation_despite_apostrophes_before():
    text = "Trotsky's men said: \u201cwe will not retreat.\u2019 In March they did."
    start = text.index("\u201c")
    assert quoted_stretches(text) == [(start, text.index("\u2019 In") + 1)]


def test_an_apostrophe_inside_the_quotation_is_not_its_end():
    text = "He wrote: \u201cthe sparrows\u2019 nests were empty.\u2019 In March they came back."
    start = text.index("\u201c")
    assert quoted_stretches(text) == [(start, text.index("\u2019 In") + 1)]
