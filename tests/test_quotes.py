"""Tests for tei_tools.annotate.quotes: inline quotations (q) and block quotations."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tei_tools.annotate.quotes import (annotate_quotes, find_block_quotations, paragraph_cues,
                                       quoted_stretches, vocabulary)
from tei_tools.model import Block, Span

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (gold/corpus/schemas) is not beside this clone")


def quoted(text: str, **options: bool) -> list[str]:
    return [text[start:end] for start, end in quoted_stretches(text, **options)]


def spans_text(blocks: list[Block]) -> list[list[str]]:
    return [[span.text_in(block.text) for span in spans] for block, spans in zip(blocks, annotate_quotes(blocks))]


# ---------------------------------------------------------------- inline quotations


def test_curly_quotes_are_q_spans_including_the_marks() -> None:
    block = Block("p", "She had a “quiet voice,” and a “sharp tongue.”", 120)
    [spans] = annotate_quotes([block])
    assert spans == [Span.make(10, 24, "q"), Span.make(31, 46, "q")]
    assert [s.text_in(block.text) for s in spans] == ["“quiet voice,”", "“sharp tongue.”"]


def test_straight_quotes_open_after_a_space_and_close_before_one() -> None:
    text = 'He wrote "the end is near" and then "nothing more." (4)'
    assert quoted(text) == ['"the end is near"', '"nothing more."']


def test_consecutive_straight_quotes_pair_in_order() -> None:
    text = 'They called him a "traitor," a "coward," and a "fool."'
    assert quoted(text) == ['"traitor,"', '"coward,"', '"fool."']


def test_quote_interrupted_by_a_speech_verb_is_two_spans() -> None:
    text = '"We will win," she said, "whatever it costs."'
    assert quoted(text) == ['"We will win,"', '"whatever it costs."']


def test_double_quotes_inside_double_quotes_nest() -> None:
    text = 'She recalled: "A war was fought against the "Moderates" and their allies." (9)'
    assert quoted(text) == ['"A war was fought against the "Moderates" and their allies."', '"Moderates"']
    curly = "“We sang “The Red Flag” all night,” he said."
    assert quoted(curly) == ["“We sang “The Red Flag” all night,”", "“The Red Flag”"]


def test_single_quotes_are_not_annotated_even_inside_double_ones() -> None:
    assert quoted("He was one of the 'softs' then.") == []
    text = "\"Why was I with the 'softs' at the meeting?\" he asked."
    assert quoted(text) == ["\"Why was I with the 'softs' at the meeting?\""]


@pytest.mark.parametrize("text, expected", [
    ("\"Don't go,\" he said, \"it's the mill's night.\"", ['"Don\'t go,"', "\"it's the mill's night.\""]),
    ("The roof held sparrows' nests. \"Hush,\" said the boys' mother.", ['"Hush,"']),
    ("Ivan’s letter said “don’t wait for the workers’ vote.”", ["“don’t wait for the workers’ vote.”"]),
    ("It was the '90s. \"Everything changed,\" he said.", ['"Everything changed,"']),
])
def test_apostrophes_are_not_quotation_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quotes_at_the_start_and_end_of_a_block() -> None:
    assert quoted('"The whole paragraph is a quotation."') == ['"The whole paragraph is a quotation."']
    assert quoted("“Who goes there?” came the reply.") == ["“Who goes there?”"]
    assert quoted('At the end he called it "a farce"') == ['"a farce"']


def test_ellipsis_after_an_opening_mark_still_opens() -> None:
    assert quoted('He said that "...the state will wither away" in time.') == ['"...the state will wither away"']


def test_curly_mark_typed_the_wrong_way_round_after_a_dash() -> None:
    text = "He began, “Style is what we neglect—“; but she had stopped listening."
    assert quoted(text) == ["“Style is what we neglect—“"]


def test_spans_are_offsets_into_the_block_text_not_the_source() -> None:
    blocks = [Block("p", 'A "b" c.', 0), Block("p", 'D "e" f.', 5000)]
    assert annotate_quotes(blocks) == [[Span.make(2, 5, "q")], [Span.make(2, 5, "q")]]


def test_one_list_per_block_and_nothing_for_blocks_without_quotes() -> None:
    blocks = [Block("head", "Chapter One", 0), Block("p", "No quotations here, don't worry.", 20)]
    assert annotate_quotes(blocks) == [[], []]
    assert annotate_quotes([]) == []


def test_quotation_over_several_paragraphs_gives_one_span_per_paragraph() -> None:
    texts = ['He read the letter aloud: "My dear friend, the spring has come.',
             '"The river is high and the roads are mud.',
             '"Write soon. Yours ever." Then he folded it.',
             'Nobody spoke.']
    blocks = [Block("p", text, 100 * k) for k, text in enumerate(texts)]
    assert spans_text(blocks) == [['"My dear friend, the spring has come.'],
                                  ['"The river is high and the roads are mud.'],
                                  ['"Write soon. Yours ever."'],
                                  []]


def test_unclosed_quote_does_not_swallow_the_following_blocks() -> None:
    texts = ['He shouted "stop and then ran off into the night.',
             'The next morning was calm. "Good," said the captain.',
             'Later they sailed.']
    blocks = [Block("p", text, 100 * k) for k, text in enumerate(texts)]
    assert spans_text(blocks) == [[], ['"Good,"'], []]


def test_stray_closing_mark_is_dropped_and_later_quotes_still_pair() -> None:
    text = 'destroying the old machinery." (98) Then he wrote "on to victory" again.'
    assert quoted(text) == ['"on to victory"']


def test_unclosed_quote_introduced_by_a_colon_runs_to_the_paragraph_end_before_the_note() -> None:
    text = 'He pointed out: "Only a handful were found who would sign. Each had signed before. (213)'
    assert quoted(text) == ['"Only a handful were found who would sign. Each had signed before.']


def test_closing_mark_mistyped_as_a_single_one_ends_the_quote() -> None:
    text = "\"He sat there,\" said Ross, \"watching everyone, like a sentry.' In March he was promoted."
    assert quoted(text) == ['"He sat there,"', "\"watching everyone, like a sentry.'"]


def test_unclosed_quote_nested_single_quotes_keep_their_own_closing_marks() -> None:
    text = "He said: \"They called it 'the plan.' It failed."
    assert quoted(text) == ["\"They called it 'the plan.' It failed."]


def test_inch_mark_after_a_number_is_not_an_opening_mark() -> None:
    assert quoted('The board was 12" wide and "well made."') == ['"well made."']


def test_annotation_is_deterministic_and_sorted() -> None:
    text = '"A "b" c" and "d"'
    first = quoted_stretches(text)
    assert first == quoted_stretches(text) == sorted(first, key=lambda s: (s[0], -s[1]))


# ---------------------------------------------------------------- block quotations

NARRATION = [
    "The general arrived in the capital in the spring. He was tired, and his staff had not slept for days.",
    "For a week he was everywhere: at the ministry, at the barracks, at the station. Nobody could keep up with him.",
    "His rivals watched and waited. They had seen men like him rise before, and they had seen them fall.",
    "By the summer his name was on every front page. He did not seem to notice the danger he was in.",
]
MEMOIR = ("At dawn I packed my bag and left the house without a word to anyone. I walked to the station, "
          "where I bought a ticket with the last of my money, and I did not look back.")
PROPHECY = ("Every city will be a garden and every worker will be a scholar. The machine will serve the hand "
            "that built it, and the hunger of the past is nothing but a memory.")


def test_first_person_paragraph_in_a_third_person_narrative_is_a_block_quotation() -> None:
    paragraphs = NARRATION[:2] + [MEMOIR] + NARRATION[2:]
    assert find_block_quotations(paragraphs) == [False, False, True, False, False]


def test_paragraph_announced_as_a_passage_in_another_register_is_a_block_quotation() -> None:
    announce = "In one famous speech, he described the world that the war would leave behind."
    paragraphs = NARRATION[:2] + [announce, PROPHECY] + NARRATION[2:]
    assert find_block_quotations(paragraphs) == [False, False, False, True, False, False]


def test_paragraph_after_a_colon_in_another_register_is_a_block_quotation() -> None:
    paragraphs = NARRATION[:2] + ["The last lines of the manifesto ran:", PROPHECY] + NARRATION[2:]
    assert find_block_quotations(paragraphs)[3] is True


def test_a_passage_of_two_paragraphs_is_two_block_quotations() -> None:
    # Two first-person words in a long paragraph are too few on their own (an author's aside has
    # as many), but right after a block quotation they continue it.
    second = ("The train was slow and crowded, and the carriage smelt of tobacco, wet wool and the oranges "
              "that a family of five were sharing by the window. Outside, the fields were grey and flat, and "
              "the villages passed one after another without a name, each with its church, its pond and its "
              "line of bare poplars along the road. I slept a little, and when I woke the light had changed "
              "and the city was near.")
    paragraphs = NARRATION[:2] + [MEMOIR, second] + NARRATION[2:]
    assert find_block_quotations(paragraphs) == [False, False, True, True, False, False]
    assert find_block_quotations(NARRATION[:2] + [second] + NARRATION[2:]) == [False] * 5


def test_present_tense_paragraph_without_an_announcement_is_narration() -> None:
    paragraphs = NARRATION[:2] + [PROPHECY] + NARRATION[2:]
    assert find_block_quotations(paragraphs) == [False] * 5


def test_first_person_narrative_has_no_block_quotations_from_the_first_person() -> None:
    memoir = [MEMOIR,
              "I had been told that my uncle lived near the harbour. I found his house by the smell of tar.",
              "He was a small man, and I liked him at once. He gave me soup and asked me nothing.",
              MEMOIR.replace("dawn", "dusk")]
    assert find_block_quotations(memoir) == [False] * 4


def test_first_person_inside_quotation_marks_is_not_a_cue() -> None:
    speech = ('"I am not afraid of them, and I never was," he told the crowd. "My place is here, '
              'and I will stay."')
    paragraphs = NARRATION[:2] + [speech] + NARRATION[2:]
    assert find_block_quotations(paragraphs) == [False] * 5
    single = ("He laughed at the charge. 'I did nothing, I saw nothing, and my conscience is clear,' "
              "was all he would say.")
    assert find_block_quotations(NARRATION[:2] + [single] + NARRATION[2:]) == [False] * 5


def test_paragraph_that_opens_with_a_quotation_mark_is_left_to_inline_quotes() -> None:
    quoted_memoir = "“" + MEMOIR + "”"
    assert find_block_quotations(NARRATION[:2] + [quoted_memoir] + NARRATION[2:]) == [False] * 5


def test_an_authors_aside_in_the_first_person_is_narration() -> None:
    aside = ("As I have argued elsewhere, the general was less a strategist than a showman. His orders were "
             "vague, his plans changed daily, and his officers learned to wait before they obeyed anything "
             "he said in the heat of the moment.")
    assert find_block_quotations(NARRATION[:2] + [aside] + NARRATION[2:]) == [False] * 5


def test_roman_numerals_and_forms_of_address_are_not_the_first_person() -> None:
    text = ("Under Nicholas I the army grew, and by World War I it was the largest in Europe. "
            "My Lady was informed, and my Lord was not.")
    assert paragraph_cues(text).first_singular == 0
    assert paragraph_cues("Then I left, and I took my coat.").first_singular == 3


def test_part_of_a_dialogue_is_not_a_block_quotation() -> None:
    ending = 'and I told them I would come back, and I did come back, my friends." He sat down.'
    assert find_block_quotations(NARRATION[:2] + [ending] + NARRATION[2:]) == [False] * 5


def test_too_little_narration_around_gives_no_block_quotation() -> None:
    assert find_block_quotations([MEMOIR]) == [False]
    assert find_block_quotations([NARRATION[0], MEMOIR]) == [False, False]
    assert find_block_quotations([]) == []


def test_vocabulary_comes_from_the_data_file() -> None:
    vocab = vocabulary()
    assert "I" in vocab.first_person_singular and "my" in vocab.first_person_singular
    assert "passage" in vocab.announcement_words and "as follows" in vocab.announcement_phrases
    assert "will" in vocab.present_tense and "was" in vocab.past_tense


# ---------------------------------------------------------------- against the gold


def _benchmark():
    spec = importlib.util.spec_from_file_location("score_quotes", REPO / "benchmarks" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_quotes"] = module
    spec.loader.exec_module(module)
    return module


def _f1(figures: dict) -> float:
    return _benchmark().prf(figures["matched"], figures["predicted"], figures["gold"])[2]


@needs_shared
@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_gold_inline_quotes_strict_f1(seed: str) -> None:
    bench = _benchmark()
    source = (REPO / "seeds" / seed).read_bytes().decode("utf-8")
    gold = json.loads((SHARED / "eval" / "gold" / seed.replace(".txt", ".json")).read_text(encoding="utf-8"))
    scorer = bench.load_scorer(SHARED / "eval" / "score.py")
    figures = bench.score_inline(scorer, source, gold, bench.split_blocks(source))
    assert figures["gold"] > 0
    assert _f1(figures) >= 0.95, (figures["missed"], figures["spurious"])


@needs_shared
@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_gold_block_quotations_of_book_excerpts(seed: str) -> None:
    bench = _benchmark()
    source = (REPO / "seeds" / seed).read_bytes().decode("utf-8")
    if not bench.is_book_excerpt(source):
        pytest.skip("not a book excerpt: its reader finds its block quotations")
    gold = json.loads((SHARED / "eval" / "gold" / seed.replace(".txt", ".json")).read_text(encoding="utf-8"))
    figures = bench.score_blocks(source, gold, bench.split_blocks(source))
    assert figures["gold"] > 0
    assert _f1(figures) >= 0.95, (figures["missed"], figures["spurious"])
