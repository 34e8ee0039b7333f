"""The cues in the words around a segment: a title, a speech verb or a role for a person; a
determiner, a place preposition, a thing for something else (keys of `candidate.POSITIVE` and
`candidate.NEGATIVE`)."""
from __future__ import annotations

from tei_tools.annotate.names import Lexicon, zipf
from tei_tools.annotate.persons.judge.classes import COMMON_WORD
from tei_tools.annotate.persons.words import SHIP_PREFIXES, STEAMSHIP, Word

FOND_ADJECTIVES = frozenset({"poor", "dear", "old", "young", "little", "good", "honest", "worthy", "excellent"})
AUXILIARIES = frozenset("has had have was is were are would will could did does also later then never "
                        "always once soon finally now only often still had just".split())
# What is read is a work, or an author standing for the works ("reading Jane Eyre", "reading Byron").
READING_VERBS = frozenset({"read", "reading", "reread", "re-read", "rereading", "re-reading", "perused", "perusing"})
# "Published by Dutton": the name after these and "by" is a firm.
PUBLISHING = frozenset({"published", "printed", "issued", "distributed", "imprint"})
GLOSS_OPENERS = frozenset({"means", "meaning", "(", ",", "which"})  # the first words of a gloss after a word
# What a life's places are told with: "born in Jedburgh", "died at Naples", "buried at Kensal Green"
LIFE_EVENTS = frozenset({"born", "died", "buried", "lived", "settled", "raised", "educated", "baptised", "baptized",
                         "christened", "grew"})
BIRTH_AND_DEATH = frozenset({"born", "died", "buried", "baptised", "baptized", "christened"})
QUOTE_MARKS = frozenset("\"“”‘’'«»„")
# "of X origin": the word names a people or a land, not a person
DESCENT = frozenset({"origin", "descent", "extraction", "ancestry", "parentage", "stock", "heritage", "lineage"})


class Context:
    """The words around a segment, lower-cased, for the cue tests."""

    def __init__(self, text: str, words: list[Word], first: int, last: int):
        self.text, self.words = text, words
        while first > 0 and words[first - 1].kind == "punct" and words[first - 1].text in QUOTE_MARKS:
            first -= 1  # the drama “Boris Godunov”: the context is outside the quotation marks
        while last + 1 < len(words) and words[last + 1].kind == "punct" and words[last + 1].text in QUOTE_MARKS:
            last += 1
        self.first, self.last = first, last

    def before(self, k: int) -> str:
        """The k-th word before the segment (1 = just before), '' at the block's start."""
        n = self.first - k
        return self.words[n].text.lower() if n >= 0 else ""

    def after(self, k: int) -> str:
        n = self.last + k
        return self.words[n].text.lower() if n < len(self.words) else ""

    def lowercase_before(self, k: int) -> str:
        """The k-th word before the segment if it is written in lower case, else ''."""
        word = self.word_before(k)
        return word.text if word is not None and word.text[:1].islower() else ""

    def word_before(self, k: int) -> Word | None:
        n = self.first - k
        return self.words[n] if n >= 0 else None

    def word_after(self, k: int) -> Word | None:
        n = self.last + k
        return self.words[n] if n < len(self.words) else None


# Nouns after which "of" leads to a title: one has a copy of a book, not of its author.
COPY_NOUNS = frozenset({"copy", "copies", "reprint", "reprints"})


# Capitalised after a possessive name, words that make the two a place's name ("Jefferson's River",
# "Lewis's Fork", "Gray's Harbor"); "Dryden's Virgil" or "Mrs. Dickinson's singing" are not places.
LANDMARKS = frozenset({"river", "creek", "fork", "forks", "island", "islands", "lake", "mountain", "mountains", "falls",
                       "bay", "point", "valley", "hill", "hills", "springs", "landing", "ferry", "inlet", "harbor",
                       "harbour", "sound", "cove", "rapids", "prairie", "bluff", "bluffs", "gap", "pass"})


def context_cues(ctx: Context, lexicon: Lexicon, possessive: bool) -> set[str]:
    """Names of the cues found around a segment (keys of POSITIVE and NEGATIVE)."""
    cues: set[str] = set()
    before1, before2 = ctx.before(1), ctx.before(2)
    after1, after2 = ctx.after(1), ctx.after(2)
    if possessive:
        cues.add("possessive")
    if before1 in lexicon.determiners or _count_before(ctx, possessive):
        cues.add("determiner")  # "the Mint", "two Elk", "6 Indians": a thing or a kind, counted
        if before1 in ("the", "a", "an") and not possessive and ctx.last > ctx.first \
                and all(w.key in lexicon.given for w in ctx.words[ctx.first:ctx.last + 1]):
            cues.add("article-given-names")  # "the Mary Ellen, out of Gloucester": a ship, an inn
        if before1 == "the" and possessive:
            cues.add("the-possessive")  # "the Bronstein's success": a family, a firm
    if (before1 == "of" and before2 == "author") or before1 in ("biography", "novel", "book"):
        if after1 == "(" and ctx.after(2).isdigit() or after1 == ":" and ctx.word_after(2) is not None \
                and ctx.word_after(2).is_capitalised:
            cues.add("work-title")  # "the author of Stalin (1949)", "Stalin: A Biography"
    elif after1 == ":" and ctx.after(2) in ("a", "the") and ctx.after(3) in ("biography", "life", "study", "portrait") \
            and before1 not in ("of", "and", "to", "for", "on", "with"):
        cues.add("work-title")  # "Stalin: A Biography", not "The Death of Kessler: A Life"
    if before1 == "of" and before2 in COPY_NOUNS and not possessive:
        cues.add("work-title")  # "a copy of Jane Eyre": a book; an author's works are "a copy of his poems"
    if before1 in ("the", "a") and after1 in ("works", "mill", "mills", "plant", "shipyard", "yards", "foundry"):
        cues.add("thing-after")  # "the Putilov works"
    if before1 in lexicon.place_prepositions or before1 == "of" and before2 == "out":
        cues.add("place-preposition")  # "born in Lund"; "a schooner out of Gloucester"
    of_what = ctx.word_before(2)
    if before1 == "of" and of_what is not None and of_what.is_capitalised and not of_what.possessive \
            and zipf(of_what.key) < COMMON_WORD and of_what.key not in lexicon.titles:
        cues.add("of-capitalised")  # "Mr. Dickinson of Farley Hill", "the Votary of Vulcan"
    if possessive and after1 in LANDMARKS and ctx.word_after(1) is not None and ctx.word_after(1).is_capitalised:
        cues.add("possessive-landmark")  # "the forks of Jefferson's River", "Clark's Fork": a place named so
    previous = ctx.word_before(1)
    if previous is not None and previous.possessive and previous.is_capitalised \
            and previous.end + 2 >= ctx.words[ctx.first].start - 1:
        cues.add("after-possessive")  # "Dante's Inferno", "Swedenborg's Arcana": a work or a thing
    if before1 in ("to", "from", "into", "towards") and any(ctx.before(k) in lexicon.motion for k in range(2, 6)) \
            or _journey_stage(ctx):
        cues.add("motion-to")
    elif before1 == "from":
        cues.add("from")  # "a mill worker from Oldham", though also "a letter from Lenin"
    if ctx.lowercase_before(1) in lexicon.place_verbs:
        cues.add("place-verb")  # "captured Gatchina", "reached Okhotny Ryad"
    elif before1 in lexicon.place_prepositions and ctx.lowercase_before(2) in LIFE_EVENTS:
        cues.add("place-verb")  # "born in Jedburgh", "died at Naples"
    glossed = [after1] + ([ctx.after(k) for k in (2, 3, 4)] if after1 in GLOSS_OPENERS else ["", "", ""])
    if glossed[0] in ("means", "meaning") or (glossed[0] in ("(", ",") and (
            glossed[1] in ("means", "meaning") or glossed[1] == "which" and (
                glossed[2] in ("means", "meant", "translates", "translated")
                or glossed[2] == "literally" and glossed[3] in ("means", "meant", "translated")))) \
            or (glossed[0] == "which" and glossed[1] in ("means", "meant", "literally", "translates", "translated")):
        cues.add("gloss")  # "Tovarisch (which means Comrade)": a word explained, not a name
    place_before = ctx.word_before(2)
    if before1 in ("to", "and", "or", "-", "–") and place_before is not None and place_before.key in lexicon.places:
        cues.add("beside-place")  # "from Pskov to Luga"
    if before1 == "of" and before2 in lexicon.place_nouns:
        cues.add("place-noun-of")
    if before1 == "of" and after1 in DESCENT and not possessive:
        cues.add("descent")  # "a family of Berber origin", "of Huguenot descent": a people
    lower1, lower2 = ctx.lowercase_before(1), ctx.lowercase_before(2)
    if before1 in lexicon.things or (before1 == "," and before2 in lexicon.things) or _ship_prefix(ctx) \
            or (before1 == "by" and before2 in PUBLISHING):
        cues.add("thing-before")
    if not possessive and after1 in lexicon.things:
        cues.add("thing-after")
    if after1 == "," and _place_follows(ctx, lexicon) or not possessive and _after_a_life_place(ctx):
        cues.add("place-apposition")  # "Yanovka, Russia", "Lakehurst, New Jersey"; "born at Llanidloes, Montgomeryshire"
    if lower1 in FOND_ADJECTIVES and before2 not in ("a", "an"):
        cues.add("fond-before")  # "poor Sancho", "old Chaucer"; but "a little Alehouse" is a thing
    elif lower1 and before2 in ("a", "an", "the") and "determiner" not in cues:
        cues.add("determiner-adjective")  # "an ungrateful Dandy", "the new Mint"
    if lower1 in lexicon.roles or (before1 == "," and lower2 in lexicon.roles):
        cues.add("role-before")
    if lower1 in lexicon.kinship or (before1 == "," and lower2 in lexicon.kinship):
        cues.add("kin-before")  # "their son Lev": not the Lev named earlier in the sentence
    elif before1 == "of" and lower2 in lexicon.kinship:
        cues.add("kin-of")  # "the only son of Patrick Brontë": the father, not the son named before
    if not possessive:
        verb = after2 if after1 in AUXILIARIES else after1
        if verb in lexicon.verbs:
            cues.add("verb-after")
    if before1 in READING_VERBS and not possessive:
        cues.add("read-before")  # "reading Jane Eyre", "reading Byron": a work, or its author for it
    if _firm_name_after(ctx):
        cues.add("firm-after")  # "Pryor, Wells & Co.", "Hargreaves & Sons": a firm's name
    if after1 == "who" or (after1 == "," and after2 == "who"):
        cues.add("who-after")
    if after1 == "," and after2 in lexicon.determiners:  # "Max Eastman, the American writer"
        for k in (3, 4, 5):
            noun = ctx.word_after(k)
            if noun is None or noun.kind != "word" or noun.text[0].isupper():
                continue
            if noun.possessive:
                continue  # "Thomas Andrews, the ship's designer": whose, not what the name is
            if noun.key in lexicon.roles:
                cues.add("role-after")
                break
            if noun.key in lexicon.things:  # "Anmer, the King's horse"
                cues.add("thing-apposition")
                break
    return cues


# Counts before a capitalised word ("returned with two Elk"); not "one", which introduces a person too
# ("one Rivet, a trader"), nor a year ("in 1905 Trotsky returned")
COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty "
                   "thirty forty fifty hundred dozen".split())


def _count_before(ctx: Context, possessive: bool) -> bool:
    word = ctx.word_before(1)
    return word is not None and not possessive and ctx.last == ctx.first \
        and (word.key in COUNTS and word.text.islower() or word.kind == "number" and len(word.text) <= 3)


# The words after "&" that end a firm's name: "& Co.", "& Sons", "& Bros."
FIRM_ENDINGS = frozenset({"co", "co.", "coy", "company", "son", "sons", "bros", "bros.", "brothers"})
FIRM_REACH = 4  # capitalised words of partners' names between the name and the ending ("X, Wells & Co.")


def _firm_name_after(ctx: Context) -> bool:
    """The name opens or stands in a firm's name: "&" and a firm's ending follow it, with only
    other capitalised names and commas between ("Rathbone, Pryce & Co."), or, after "Messrs.",
    "&" and another name. Not "Mary & I": in letters "&" is often "and", and only the ending
    (or the partners' "Messrs.") makes a firm."""
    # "Messrs. Hargreaves & Dunn": the partners' firm (the title opens the context of a titled name)
    partners = ctx.words[ctx.first].key in ("messrs", "messrs.") or ctx.before(1) in ("messrs", "messrs.")
    if ctx.before(1) == "&" and _after_messrs(ctx):
        return True  # the partner after "&": "Messrs. Hargreaves & Dunn"
    for k in range(1, 2 * FIRM_REACH + 1):
        word = ctx.word_after(k)
        if word is None:
            return False
        if word.text == "&":
            following = ctx.word_after(k + 1)
            return following is not None and (following.text.lower() in FIRM_ENDINGS
                                              or partners and following.is_capitalised)
        if not (word.text == "," or word.is_capitalised):
            return False
    return False


SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _journey_stage(ctx: Context) -> bool:
    """A journal's stage, a sentence of its own: "To Callander." (travelled to): "To" opens the
    sentence and a full stop or semicolon ends it right after the name."""
    to = ctx.word_before(1)
    if to is None or to.text != "To" or ctx.after(1) not in (".", ";"):
        return False
    opener = ctx.word_before(2)
    return opener is None or opener.text in SENTENCE_ENDS


def _after_messrs(ctx: Context) -> bool:
    """"Messrs." opens the names and commas before the "&" just before the segment."""
    for k in range(2, 2 * FIRM_REACH + 2):
        word = ctx.word_before(k)
        if word is None or not (word.text == "," or word.is_capitalised):
            return False
        if word.key in ("messrs", "messrs."):
            return True
    return False


def _ship_prefix(ctx: Context) -> bool:
    """Right after "H.M.S.", "HMS", "SS" and the like, written in capitals: a ship's name; and
    "S.S. Lusitania" after "the", "per" or "aboard" ("S.S. Van Dine" is a person)."""
    word = ctx.word_before(1)
    if word is not None and word.text.isupper() and word.text.replace(".", "").lower() in SHIP_PREFIXES:
        return word.text != STEAMSHIP
    return ctx.words[ctx.first].text == STEAMSHIP and ctx.before(1) in ("the", "per", "aboard")


def _after_a_life_place(ctx: Context) -> bool:
    """Right after the place of a life's event and a comma ("born at Llanidloes, Montgomeryshire",
    "died in Didsbury, Lancashire"): the county or country of that place."""
    place = ctx.word_before(2)
    return ctx.before(1) == "," and place is not None and place.is_capitalised and not place.possessive \
        and ctx.before(3) in ("in", "at", "near") and ctx.lowercase_before(4) in BIRTH_AND_DEATH \
        and ctx.after(1) in ("", ",", ".", ";", "(")  # not "born in Moscow, Lenin said"


def _place_follows(ctx: Context, lexicon: Lexicon) -> bool:
    """True when the words after the comma that follows the segment name a listed place."""
    following = [ctx.word_after(k) for k in range(2, 2 + lexicon.longest_place)]
    for length in range(len(following), 0, -1):
        words = following[:length]
        if any(w is None or not w.is_capitalised for w in words) or words[-1].possessive:
            continue
        if " ".join(w.key for w in words) in lexicon.places:
            return True
    return False
