"""Podcast transcripts, as daily history podcasts publish them.

Shape: a date line (the episode's release date), the episode title (often twice), a one-paragraph
summary, a "Cold Open" section, the host's introduction ("From X, I'm HOST and this is SHOW."),
acts with headings ("Act One: ...", "Act 2"), a teaser for the next episode ("Next on SHOW ...")
and credit lines ("Audio editing by NAME.", "Our senior producer is NAME.") that also become
respStmts in the header. The cold open, the repeated title and the teaser may be missing.

A sponsor's message read on air ("This episode is brought to you by ...") is kept, since it is
part of what was broadcast and every word of a source is kept unless it is website furniture; it
becomes a note of type "advertisement" so that readers and renderers can tell it from the story.
"""
from __future__ import annotations

import re

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Container, Document, Metadata, Node, Responsibility
from tei_tools.readers.common import RawBlock, drop_furniture, is_heading_like, split_blocks
from tei_tools.readers.speakers import recurring_labels, speaker_label

KIND = "transcript"

ACT_HEADING = re.compile(r"(?i)^(act|part|chapter|episode)\s+(?P<n>[\w-]+)\b")
INTRO = re.compile(r"(?i)^from (?P<publisher>.+?), I[’']m (?P<host>.+?),? and (?:this is|you[’']re listening to) (?P<show>.+?)\.?$")
NEXT_EPISODE = re.compile(r"^(?:[Cc]oming up )?[Nn]ext (?:[Tt]ime )?on(?:\b|(?=[A-Z]))")  # "Next onHistory" too
CREDIT = re.compile(
    r"(?i)^(?:this (?:episode|show|series) (?:is|was) )?(?P<what>[\w ,&-]+?)\s+(?:is |are )?by (?P<who>.+?)\.?$")
CREDIT_ARE = re.compile(
    r"(?i)^(?:our |the )?(?P<what>(?:(?:executive|associate|senior|supervising|lead|managing|assistant|story|"
    r"sound|audio|mix|theme) )*(?:producers?|hosts?|editors?|engineers?|writers?|researchers?|composers?|"
    r"designers?|music|theme music|showrunners?|fact[- ]checkers?)) (?:are|is|was|were) (?!by\b)(?P<who>.+?)\.?$")
# The first word of a sentence of the story, never of a credit ("It was designed by ...").
NOT_A_ROLE = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "the", "a", "an",
              "his", "her", "their", "its", "there", "then", "but", "and", "when", "now", "so", "as"}
SPONSOR = re.compile(
    r"(?i)^(?:this|today[’']s) (?:episode|podcast|show|program(?:me)?) (?:is|was) (?:brought to you|sponsored|"
    r"supported|presented|made possible) by\b|^support for (?:this|the|today[’']s) (?:podcast|episode|show) "
    r"comes from\b|^thanks to .{1,80}? for (?:sponsoring|supporting) (?:this|today[’']s)\b")
SPONSOR_CONTINUED = re.compile(  # the rest of a sponsor's message: an address, an offer, a code
    r"(?i)\bpromo(?:tional)? code\b|\boffer code\b|\buse (?:the )?code\b|\b(?:visit|go to)\s+\S+\."
    r"(?:com|org|net|co|io)\b|\bfree trial\b|\b\d+ ?(?:%|percent) off\b")
SHOW_CREDIT = re.compile(r"(?i)^from (?P<publisher>.+?), this is (?P<show>[^,]+), (?P<what>.+?) by (?:me, )?(?P<who>.+?)\.?$")
THANKS = re.compile(r"(?i)^(?:special |and )?thanks (?:to|also)\b|^.{0,80}\bis a production of\b")
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND, Metadata())
    blocks = drop_furniture(split_blocks(source), doc.omissions)
    speakers = recurring_labels(blocks)
    front, rest = _front(doc, blocks, speakers)
    for block in rest[:2]:  # an interview's particulars, before or after its summary
        _record_particulars(doc.meta, block.text)
    doc.front = front
    body, back = _split_back(rest)
    doc.body = _divisions(body, speakers)
    for block in body:
        _record_intro(doc.meta, block.text)
    doc.back = _back(doc, back)
    return doc


def _record_intro(meta: Metadata, text: str) -> None:
    match = INTRO.match(" ".join(text.split()))
    if match:
        meta.publisher = meta.publisher or match["publisher"]
        meta.series = meta.series or match["show"]
        meta.authors = meta.authors or [match["host"]]


def _front(doc: Document, blocks: list[RawBlock], speakers: frozenset[str]) -> tuple[list[Node], list[RawBlock]]:
    """Date line, title line(s) and the summary before the first heading make the title page."""
    index = 0
    page: list[Node] = []
    if blocks and _is_date_line(blocks[0]):
        page.append(blocks[0].block("docDate"))  # the date annotator marks the date inside
        doc.meta.date_text = blocks[0].text
        index = 1
    titles: list[str] = []
    while index < len(blocks) and is_heading_like(blocks[index].text) and not _starts_section(blocks[index]):
        attrs = {"type": "repeated"} if blocks[index].text in titles else {"type": "main"}
        page.append(Container("docTitle", [blocks[index].block("titlePart", **attrs)]))
        titles.append(blocks[index].text)
        index += 1
    doc.meta.title = titles[0] if titles else ""
    front: list[Node] = [Container("titlePage", page)] if page else []
    # The summary is one paragraph; more text before the first heading or the introduction is a
    # cold open whose heading is missing, and belongs to the body.
    if index < len(blocks) and not _ends_summary(blocks[index]) and not _opens_with_speech(blocks[index:], speakers):
        front.append(Container("argument", [blocks[index].block("p")]))
        index += 1
    return front, blocks[index:]


def _is_date_line(block: RawBlock) -> bool:
    if "\n" in block.text or len(block.text) > 40:
        return False
    spans = annotate_dates([block.block("p")])[0]
    return len(spans) == 1 and spans[0].end - spans[0].start >= len(block.text.strip(" .")) - 1


def _ends_summary(block: RawBlock) -> bool:
    """No summary where the first heading, the host's introduction or a sponsor's message stands."""
    return (_starts_section(block) or is_heading_like(block.text) or bool(INTRO.match(" ".join(block.text.split())))
            or bool(SPONSOR.match(block.text)))


def _starts_section(block: RawBlock) -> bool:
    return is_heading_like(block.text) and (bool(ACT_HEADING.match(block.text))
                                            or block.text.strip().lower() in {"cold open", "prologue", "introduction"})


def _split_back(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """The back is the run of credit lines that ends the transcript, or else (when it comes first)
    the teaser for the next episode after the last act; never anything before the last heading."""
    last_heading = max((i for i, b in enumerate(blocks) if is_heading_like(b.text)), default=-1)
    start = len(blocks)
    while start - 1 > last_heading and _is_credit_line(blocks[start - 1].text):
        start -= 1
    teaser = next((i for i in range(last_heading + 1, start) if NEXT_EPISODE.match(blocks[i].text)), start)
    return blocks[:teaser], blocks[teaser:]


def _is_credit_line(text: str) -> bool:
    return bool(NEXT_EPISODE.match(text) or _credit(text) or SHOW_CREDIT.match(" ".join(text.split()))
                or THANKS.match(text))


def _opens_with_speech(blocks: list[RawBlock], speakers: frozenset[str]) -> bool:
    """A paragraph that is a turn, or stands just before one ("[Intro music]"), is no summary."""
    return any(speaker_label(block, speakers) for block in blocks[:2])


def _divisions(blocks: list[RawBlock], speakers: frozenset[str] = frozenset()) -> list[Node]:
    divs: list[Container] = []
    current: Container | None = None
    advert: Container | None = None  # the sponsor's message being read, if any
    turn: Container | None = None  # the speaker's turn being read, if any
    for block in blocks:
        if label := speaker_label(block, speakers):
            advert = None
            if current is None:
                current = Container("div", [], {"type": "section"})
                divs.append(current)
            turn = _turn(block, label)
            current.children.append(turn)
            continue
        if turn is not None and not (is_heading_like(block.text) or _is_aside(block.text) or SPONSOR.match(block.text)):
            turn.children.append(block.block("p"))  # the speaker goes on, in a paragraph of its own
            continue
        turn = None
        if SPONSOR.match(block.text) or (advert is not None and SPONSOR_CONTINUED.search(block.text)):
            if advert is None:
                advert = Container("note", [], {"type": "advertisement"})
                (current.children if current is not None else divs).append(advert)
            advert.children.append(block.block("p"))
            continue
        advert = None
        if is_heading_like(block.text):
            current = Container("div", [block.block("head")], _section_attrs(block.text))
            divs.append(current)
        elif INTRO.match(block.text) or current is None:
            current = Container("div", [block.block("p")], {"type": "intro" if INTRO.match(block.text) else "section"})
            divs.append(current)
        else:
            current.children.append(block.block("p"))
    return list(divs)


def _turn(block: RawBlock, label: re.Match[str]) -> Container:
    """One turn: the label (colon included) as `speaker`, the words after it as `p`."""
    speaker = block.part(0, label.end("label"))
    speech = block.part(label.end(), len(block.text))
    return Container("sp", [speaker.block("speaker"), speech.block("p")])


def _is_aside(text: str) -> bool:
    """"[Intro music]", "(laughter)": a note of the transcriber's, not the speaker's words."""
    text = text.strip()
    return len(text) <= 80 and "\n" not in text and (text[:1], text[-1:]) in (("[", "]"), ("(", ")"))


def _section_attrs(heading: str) -> dict[str, str]:
    match = ACT_HEADING.match(heading)
    if not match:
        return {"type": "section"}
    number = match["n"].lower()
    return {"type": match.group(1).lower(), "n": NUMBER_WORDS.get(number) or _roman(number) or number}


def _roman(numeral: str) -> str | None:
    """'iv' -> '4'; None when the text is not a roman numeral."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    if not numeral or any(c not in values for c in numeral):
        return None
    total = sum(-values[c] if values.get(n, 0) > values[c] else values[c] for c, n in zip(numeral, numeral[1:] + " "))
    return str(total)


def _back(doc: Document, blocks: list[RawBlock]) -> list[Node]:
    if not blocks:
        return []
    nodes: list[Node] = []
    credits: list[Node] = []
    for block in blocks:
        if NEXT_EPISODE.match(block.text):
            nodes.append(Container("div", [block.block("p")], {"type": "next-episode"}))
        elif nodes and not credits and not _is_credit_line(block.text):  # the teaser goes on
            nodes[-1].children.append(block.block("p"))
        else:
            credits.append(block.block("p"))
            _record_credit(doc.meta, block.text)
    if credits:
        nodes.append(Container("div", credits, {"type": "credits"}))
    return nodes


def _credit(text: str) -> list[Responsibility]:
    text = " ".join(text.split())
    match = SHOW_CREDIT.match(text)
    if match:
        return [Responsibility(role, match["who"]) for role in _roles(match["what"])]
    match = CREDIT_ARE.match(text) or CREDIT.match(text)
    if not match or len(match["what"].split()) > 6 or match["what"].split()[0].lower() in NOT_A_ROLE:
        return []
    return [Responsibility(role, name, affiliation) for role in _roles(match["what"])
            for name, affiliation in _names(match["who"])]


# An oral history's particulars, a line each: "Interviewer: Susan Mayhew", "Date: 9 June 1987"
PARTICULAR = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{2,30}?):[ \t]+(?P<value>\S[^\n]{0,120}?)[ \t]*$")
PARTICULAR_ROLES = {"interviewer": "Interviewer", "interviewed by": "Interviewer", "transcriber": "Transcriber",
                    "transcribed by": "Transcriber", "transcription": "Transcriber"}
PARTICULAR_DATES = ("date", "date of interview", "interview date", "recorded", "date recorded")
PARTICULAR_LABELS = set(PARTICULAR_ROLES) | set(PARTICULAR_DATES) | {
    "location", "place", "interviewee", "narrator", "subject", "duration", "length", "project", "collection"}


def _record_particulars(meta: Metadata, text: str) -> None:
    """The interview's date and who interviewed or transcribed, from a block of labelled lines
    (every line one of PARTICULAR_LABELS): the header's source description says what the text
    gives, not that it gives no date."""
    matches = [PARTICULAR.match(line.strip()) for line in text.splitlines() if line.strip()]
    if len(matches) < 2 or not all(m and m["label"].lower() in PARTICULAR_LABELS for m in matches):
        return
    for match in matches:
        label, value = match["label"].lower(), match["value"]
        if label in PARTICULAR_ROLES and (resp := Responsibility(PARTICULAR_ROLES[label], value)) not in meta.responsibilities:
            meta.responsibilities.append(resp)
        elif label in PARTICULAR_DATES and not meta.date_text:
            meta.date_text = value


def _record_credit(meta: Metadata, text: str) -> None:
    show = SHOW_CREDIT.match(" ".join(text.split()))
    if show:
        meta.publisher = meta.publisher or show["publisher"]
        meta.series = meta.series or show["show"]
        if re.search(r"(?i)\bhosted\b", show["what"]):
            meta.authors = meta.authors or [show["who"]]
    for resp in _credit(text):
        if resp not in meta.responsibilities:
            meta.responsibilities.append(resp)


AGENTS = {"hosted": "Host", "edited": "Editor", "produced": "Producer", "written": "Writer",
          "researched": "Researcher", "narrated": "Narrator", "executive produced": "Executive producer",
          "mixed": "Mixing", "composed": "Composer", "fact-checked": "Fact-checker", "directed": "Director"}


def _roles(what: str) -> list[str]:
    """'hosted, edited, and executive produced' -> ['Host', 'Editor', 'Executive producer'];
    'Sound design and mixing' -> ['Sound design', 'Mixing']; a longer phrase stays whole."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", what) if p.strip()]
    if len(parts) > 1 and any(len(p.split()) > 3 for p in parts):
        parts = [what]
    return [AGENTS.get(p.lower(), _capitalise(p)) for p in parts]


def _names(who: str) -> list[tuple[str, str]]:
    """'A for X and B for Y' -> [('A', 'X'), ('B', 'Y')]; 'A and B' -> [('A', ''), ('B', '')]:
    names only, each with the organisation it is credited for."""
    names = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", who):
        part = re.sub(r"^me,?\s*", "", part.strip())
        if not part:
            continue
        person, _, organisation = part.partition(" for ")
        names.append((person.strip(), organisation.strip()))
    return names


def _capitalise(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
