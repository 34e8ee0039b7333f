"""One person as a document names them (`Entity`), and the document's persons (`Clustering`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tei_tools.annotate.names import name_key


@dataclass
class Entity:
    """One person as this document names them."""

    index: int
    forms: list[str] = field(default_factory=list)  # names of more than one word, as written, in order
    form_keys: set[str] = field(default_factory=set)  # their name keys
    first_text: str = ""  # the first mention as written (with its title)
    first_block: int = 0
    birth_surnames: set[str] = field(default_factory=set)  # "née Byron": her family's name, not hers alone
    married_surnames: set[str] = field(default_factory=set)  # "he married Margaret Ellison": "Lady Ashcombe" after
    in_title: bool = False  # named in full in the document's title ("Letters of Arthur Hale, 1916")
    in_address: bool = False  # named in full in a letter's address ("To Mary Hays."): an addressee
    words: set[str] = field(default_factory=set)  # words of the names used
    givens: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    alone: Counter = field(default_factory=Counter)  # word -> times used alone
    alone_as_woman: Counter = field(default_factory=Counter)  # ... of which after a woman's title ("Mrs. Hardie")
    kin_alone: Counter = field(default_factory=Counter)  # ... of which after a kinship title ("Aunt Mary")
    genders: set[str] = field(default_factory=set)  # from titles: "m", "f"
    kin_titles: set[str] = field(default_factory=set)  # "aunt" for "Aunt Mary": not the Mary of the letter
    initials: set[str] = field(default_factory=set)  # first letters of given names written as initials
    kin_owner: str | None = None  # for "Papa": whose ("my", "your", "his" ...)
    kin_word: str = ""  # "son" for "their son Lev": what they are to the persons of kin_of
    kin_of: list[int] = field(default_factory=list)  # the persons named before the kinship word
    titles: set[str] = field(default_factory=set)
    titled_initials: set[tuple[str, str]] = field(default_factory=set)  # ("mr", "h") for "Mr. H."
    ages: set[str] = field(default_factory=set)  # "old", "young": what the document calls them before a name alone
    aliases: list[str] = field(default_factory=list)  # names the text declares to be theirs
    mentions: int = 0
    merged_into: int | None = None  # set when an alias statement merged this person into another
    known_id: str | None = None  # a personography person one of its full names is a form of
    last_seen: int = -1  # index of the latest mention
    last_end: tuple[int, int] = (-1, -1)  # block and end offset of the latest mention
    last_full_end: tuple[int, int] = (-1, -1)  # the same for the latest mention by a full name
    last_full_as_kin: bool = False  # that mention introduced them as a relative ("her father, X")
    # The Zipf frequency of each word used alone, worked out where the document was recognised
    # (`recognise` fills it) so that reconciling, in the batch's one serial process, need not
    # load the word-frequency table; `identify` asks wordfreq for any word missing here.
    frequencies: dict[str, float] = field(default_factory=dict)

    def only_with_kin_title(self, word: str) -> bool:
        """Called by `word` alone only as "Aunt Mary", "Uncle John": the relative, not the Mary
        the letter is written to."""
        return 0 < self.kin_alone[word] == self.alone[word]

    def surname_words(self) -> set[str]:
        """The surnames and each half of a double-barrelled one."""
        return {half for surname in self.surnames for half in (surname, *surname.split("-"))}

    def absorb(self, other: "Entity") -> None:
        for form in other.forms:
            if name_key(form) not in self.form_keys:
                self.forms.append(form)
                self.form_keys.add(name_key(form))
        self.words |= other.words
        self.givens |= other.givens
        self.surnames |= other.surnames
        self.alone.update(other.alone)
        self.alone_as_woman.update(other.alone_as_woman)
        self.kin_alone.update(other.kin_alone)
        self.genders |= other.genders
        self.kin_titles |= other.kin_titles
        self.in_title = self.in_title or other.in_title
        self.in_address = self.in_address or other.in_address
        self.birth_surnames |= other.birth_surnames
        self.married_surnames |= other.married_surnames
        self.initials |= other.initials
        self.titles |= other.titles
        self.titled_initials |= other.titled_initials
        self.ages |= other.ages
        self.mentions += other.mentions
        for alias in other.aliases:
            if alias not in self.aliases:
                self.aliases.append(alias)
        if other.last_seen > self.last_seen:
            self.last_seen, self.last_end = other.last_seen, other.last_end


@dataclass
class Clustering:
    """The document's persons and, for each mention, its person and how it was joined."""

    entities: list[Entity]
    person_of: list[int]  # mention index -> entity index
    how: list[str]  # mention index -> "new", "form", "fits", "similar", "word", "ahead", "misspelt", "alias", ...
