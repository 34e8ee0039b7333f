"""Which stretches of a block are personal names, judged from the words and their context.

Each run of capitalised words (see `words.find_runs`) is cut into *segments*: the words that can be
part of a name, without a leading title ("Tsar", "Comrade", "Mr."), sentence-initial ordinary
words ("When", "Kill"), places, peoples or organisation words. Each segment becomes a `Candidate`
with a score: evidence for a person (a given name, initials, a title before it, a speech verb
after it, "the writer X") counts up; evidence for a place or a thing ("born in X", "the town of X",
"the journal X", "a X pipe") counts down. The caller adds what only the whole document shows
(the same word elsewhere, lists of names) and keeps candidates whose score is above zero.

The parts, in the order a block goes through them:

- `classes`: the class of each capitalised word (`classify`);
- `segments`: a run cut into name segments (`cut_run`, `segments_of`);
- `context`: the cues around a segment (`context_cues`);
- `scoring`: a candidate's own score (`score`);
- `block`: one block judged, all of the above, again as the document teaches more (`JudgedBlock`);
- `candidate`: what they share (`Candidate`, `Knowledge`, the weights of the evidence).
"""
from __future__ import annotations

from tei_tools.annotate.persons.judge.block import JudgedBlock
from tei_tools.annotate.persons.judge.candidate import (DECISIVE_NEGATIVE, DECISIVE_POSITIVE, NEGATIVE, POSITIVE,
                                                        Candidate, Knowledge, coordinated)
from tei_tools.annotate.persons.judge.classes import (AMBIGUOUS_WORD, COMMON_WORD, classify, is_demonym,
                                                      is_ordinary_word, words_a_class_depends_on)
from tei_tools.annotate.persons.judge.context import Context, context_cues
from tei_tools.annotate.persons.judge.scoring import score
from tei_tools.annotate.persons.judge.segments import NAME_CLASSES, clear_cuts, cut_run, segments_of

__all__ = ["AMBIGUOUS_WORD", "COMMON_WORD", "DECISIVE_NEGATIVE", "DECISIVE_POSITIVE", "NAME_CLASSES", "NEGATIVE",
           "POSITIVE", "Candidate", "Context", "JudgedBlock", "Knowledge", "classify", "clear_cuts", "context_cues",
           "coordinated", "cut_run", "is_demonym", "is_ordinary_word", "score", "segments_of",
           "words_a_class_depends_on"]
