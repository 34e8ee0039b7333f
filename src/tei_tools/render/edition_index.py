"""The compact index of one rendered edition: what the site-wide pages need from it.

Rendering an edition yields its page and this index, read back from the page itself: every
person mentioned (with a few words of context either side), every normalised date (with its
sentence), the facts the front page shows (title, kind, year, the teiHeader). The register,
the chronology, the person cards and the front page are made from the merged indexes, never by
loading every edition into one transformation, so that editions can be rendered one at a time
(in parallel worker processes) with memory flat in the size of the corpus.

An index is plain data: it pickles and turns into JSON (`as_dict`/`from_dict`) for workers, and
into XML (`to_element`) for the stylesheets of the site pages.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from lxml import etree

SITE_NS = "urn:tei-tools:site"
CONTEXT_WORDS = 8
SENTENCE_LIMIT = 320

# Elements whose text is one passage: the context of a mention or a date never crosses them.
_PASSAGE_TAGS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "td", "th", "dd", "pre",
                           "blockquote"))
_PASSAGE_CLASSES = frozenset(("l", "endnote", "ab", "speaker", "stage", "head", "docDate", "titlePart"))
_SENTENCE_END = re.compile(r"[.!?…]['’\"”)\]]*\s+")
_ISO = re.compile(r"^(-?\d{4,})(?:-(\d\d))?(?:-(\d\d))?")
_YEARLESS = re.compile(r"^--(\d\d)(?:-(\d\d))?")


@dataclass
class Mention:
    person: str
    id: str
    cert: str
    before: str
    text: str
    after: str
    section: str


@dataclass
class DatedPassage:
    id: str
    values: dict[str, str]  # when / from / to / not-before / not-after, as the TEI has them
    cert: str
    text: str
    sentence: str
    section: str
    start: str  # sortable: "101905-10-26" (era digit, five digits of year, month, day; see sort_key)
    end: str
    has_year: bool


@dataclass
class EditionIndex:
    stem: str
    page: str
    title: str
    kind: str
    year: str
    authors: list[str] = field(default_factory=list)
    header: str = ""  # the teiHeader, serialized, for the front page
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DatedPassage] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "EditionIndex":
        data = dict(data)
        data["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
        data["dates"] = [DatedPassage(**d) for d in data.get("dates", [])]
        return cls(**data)

    def to_element(self) -> etree._Element:
        """<s:edition> for the site stylesheets (namespace urn:tei-tools:site)."""
        edition = _element("edition", stem=self.stem, page=self.page, title=self.title, kind=self.kind,
                           year=self.year)
        for author in self.authors:
            _element("author", parent=edition, text=author)
        if self.header:
            edition.append(etree.fromstring(self.header))
        for mention in self.mentions:
            item = _element("mention", parent=edition, person=mention.person, id=mention.id, cert=mention.cert,
                            section=mention.section)
            for part in ("before", "text", "after"):
                _element(part, parent=item, text=getattr(mention, part))
        for date in self.dates:
            item = _element("date", parent=edition, id=date.id, cert=date.cert, section=date.section,
                            start=date.start, end=date.end, dated="yes" if date.has_year else "no",
                            **{key: value for key, value in sorted(date.values.items())})
            _element("text", parent=item, text=date.text)
            _element("sentence", parent=item, text=date.sentence)
        return edition


    def to_xml(self) -> str:
        """The same <s:edition> as to_element, written as text at once (no tree built): what a
        worker hands Saxon for each edition."""
        out = [_start("edition", stem=self.stem, page=self.page, title=self.title, kind=self.kind, year=self.year), ">"]
        out += [_child("author", author) for author in self.authors]
        out.append(self.header.rstrip())  # without the tail the serialized header carries
        for mention in self.mentions:
            out += [_start("mention", person=mention.person, id=mention.id, cert=mention.cert, section=mention.section),
                    ">", _child("before", mention.before), _child("text", mention.text), _child("after", mention.after),
                    "</s:mention>"]
        for date in self.dates:
            out += [_start("date", id=date.id, cert=date.cert, section=date.section, start=date.start, end=date.end,
                           dated="yes" if date.has_year else "no",
                           **{key: value for key, value in sorted(date.values.items())}),
                    ">", _child("text", date.text), _child("sentence", date.sentence), "</s:date>"]
        out.append("</s:edition>")
        return "".join(out)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attribute(text: str) -> str:
    return (_escape_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


def _start(name: str, **attributes: str) -> str:
    """The start of a site element, its attributes in the order given, the empty ones left out
    (as _element does); without the closing ">"."""
    return f"<s:{name}" + "".join(f' {key}="{_escape_attribute(value)}"' for key, value in attributes.items() if value)


def _child(name: str, text: str) -> str:
    return f"<s:{name}>{_escape_text(text)}</s:{name}>" if text else f"<s:{name}/>"


def _element(name: str, parent: etree._Element | None = None, text: str | None = None, **attributes: str):
    tag = f"{{{SITE_NS}}}{name}"
    element = etree.SubElement(parent, tag, nsmap={"s": SITE_NS}) if parent is not None \
        else etree.Element(tag, nsmap={"s": SITE_NS})
    for key, value in attributes.items():
        if value:
            element.set(key, value)
    if text:
        element.text = text
    return element


def site_document(indexes: list[EditionIndex]) -> bytes:
    """The merged indexes as one XML document, in the order given (the order of the site)."""
    return (f'<s:site xmlns:s="{SITE_NS}">' + "".join(index.to_xml() for index in indexes) + "</s:site>").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Reading the index back from a rendered page
# ---------------------------------------------------------------------------------------------

# lxml.html's parser with its options, without its element classes: a Python object looked up
# for every element the index touches (a fifth of gather's time) for methods it never calls
_HTML_OPTIONS = dict(remove_blank_text=False, remove_comments=False, remove_pis=False, no_network=True,
                     recover=True, compact=True, default_doctype=True, collect_ids=True)
_HTML_PARSER = etree.HTMLParser(**_HTML_OPTIONS)
# the page as the bytes written to disk (UTF-8, as the stylesheets write it): libxml2 reads them
# as they are, a third faster than a str, which lxml first turns into bytes
_HTML_BYTES_PARSER = etree.HTMLParser(encoding="utf-8", **_HTML_OPTIONS)
# what normalize-space() takes for white space (XPath's, not Python's wider str.split())
_XML_SPACE = str.maketrans("\t\r\n", "   ")


def gather(page_html: str | bytes, stem: str, page: str, header: str = "") -> EditionIndex:
    """The index of one edition page written by xslt/html/edition.xsl (its text, or its bytes
    in UTF-8 as written)."""
    if isinstance(page_html, (bytes, bytearray)):
        reading_start, person, date_id, parser = b'<div class="tt-reading">', b'data-person="', b'id="tt-t-', \
            _HTML_BYTES_PARSER
    else:
        reading_start, person, date_id, parser = '<div class="tt-reading">', 'data-person="', 'id="tt-t-', \
            _HTML_PARSER
    start = page_html.find(reading_start)
    has_targets = start >= 0 and (page_html.find(person, start) >= 0 or page_html.find(date_id, start) >= 0)
    # A page without mentions or dates (a novel of 3 MB) is not parsed whole: its head says it all.
    document = etree.fromstring(page_html if has_targets or start < 0 else page_html[:start], parser)
    kind = year = None
    # the first span of each class in the facets, in document order: one pass for both
    for span in document.xpath("//p[@class='facets']/span[@class='kind' or @class='year']"):
        if span.get("class") == "kind":
            kind = kind if kind is not None else span
        elif year is None:
            year = span
    index = EditionIndex(stem=stem, page=page, title=_text(document.find(".//h1")), kind=_text(kind),
                         year=_text(year), authors=document.xpath("//meta[@name='citation_author']/@content"),
                         header=header)
    reading = document.xpath("//div[@class='tt-reading']")
    if not has_targets or not reading:
        return index
    # one descendant step with one predicate: libxml2 evaluates ".//*[...]" (and a union of two)
    # child step by child step, merging node sets with a scan per node: 31,534 targets of a
    # one-paragraph 4 MB edition took 29 s, against 0.16 s so (the same nodes, in document order)
    targets = reading[0].xpath("descendant::*[(@data-person and @id) or starts-with(@id, 'tt-t-') or @data-when "
                               "or @data-from or @data-not-before or @data-to or @data-not-after]")
    by_passage: dict[etree._Element, list[etree._Element]] = {}
    for target in targets:
        by_passage.setdefault(_passage(target), []).append(target)
    # the elements of class "gen" (as contains(concat(' ', normalize-space(@class), ' '), ' gen ')
    # finds them): libxml2 only picks those whose class holds the letters, this keeps the token
    generated = {element for element in reading[0].xpath("descendant::*[contains(@class, 'gen')]")
                 if "gen" in element.get("class").translate(_XML_SPACE).split(" ")}
    found: dict[etree._Element, tuple[str, int, int]] = {}
    for passage, members in by_passage.items():
        found.update(_contexts(passage, members, generated))
    sections: dict = {}  # division -> its label: asked once per division, not once per mention
    for target in targets:
        whole, start, end = found.get(target) or (_text(target), 0, len(_text(target)))
        section = _section_label(target, sections)
        attributes = target.attrib
        person = attributes.get("data-person")
        if person:
            before, after = _context_words(whole, start, end)
            index.mentions.append(Mention(person=person, id=attributes.get("id"), cert=attributes.get("data-cert") or "",
                                          before=before, text=whole[start:end], after=after, section=section))
        if attributes.get("id", "").startswith("tt-t-") or any(attributes.get(key) for key in _DATA_DATE_KEYS):
            dated = _dated(target, whole, start, end, section)
            if dated is not None:
                index.dates.append(dated)
    return index


_DATE_KEYS = ("when", "from", "to", "not-before", "not-after")
_DATA_DATE_KEYS = tuple(f"data-{key}" for key in _DATE_KEYS)


def _dated(target, whole: str, start: int, end: int, section: str) -> DatedPassage | None:
    values = {key: target.get(f"data-{key}") for key in _DATE_KEYS if target.get(f"data-{key}")}
    start_value = values.get("when") or values.get("from") or values.get("not-before")
    end_value = values.get("when") or values.get("to") or values.get("not-after") or start_value
    if not start_value and end_value:
        start_value = end_value
    if not start_value or not target.get("id"):
        return None
    first, has_year = sort_key(start_value, end=False)
    last, _ = sort_key(end_value, end=True)
    return DatedPassage(id=target.get("id"), values=values, cert=target.get("data-cert") or "",
                        text=whole[start:end], sentence=_sentence_around(whole, start, end), section=section,
                        start=first, end=last, has_year=has_year)


def sort_key(value: str, *, end: bool) -> tuple[str, bool]:
    """("101905-10-26", True) for "1905-10-26": an era digit (1 for years from 0 on, 0 before),
    five digits of year, month, day, so that the keys sort as strings. A missing month or day
    sorts first for a start and last for an end ("1905" runs from "101905-00-00" to
    "101905-99-99"); -0044 is "099955-…", before -0001 ("099998-…"). A yearless date ("--10-26")
    gets its month and day under year 0 and has_year False."""
    value = value.strip()
    fill = "99" if end else "00"
    match = _ISO.match(value)
    if match:
        year = int(match.group(1))
        era, magnitude = ("1", year) if year >= 0 else ("0", 99999 + year)
        return f"{era}{magnitude:05d}-{match.group(2) or fill}-{match.group(3) or fill}", True
    match = _YEARLESS.match(value)
    if match:
        return f"100000-{match.group(1)}-{match.group(2) or fill}", False
    return f"100000-{fill}-{fill}", False


def _passage(element):
    for ancestor in element.iterancestors():
        if ancestor.tag in _PASSAGE_TAGS or (ancestor.tag in ("div", "span") and _PASSAGE_CLASSES
                                             & set((ancestor.get("class") or "").split())):
            return ancestor
        if ancestor.get("class") == "tt-reading":
            break
    return element.getparent()


def _contexts(passage, members: list, generated: set) -> dict:
    """(the passage's text, where the member's own text starts and ends in it), for each member;
    text the stylesheet generated (`generated`: the elements of class "gen", permalinks, note
    numbers) left out. One string per passage, shared: a paragraph of a megabyte with thousands
    of names is walked once, and no member copies the text around it (that was quadratic in
    time and memory). One loop over the passage's elements (a stack of their children), not a
    call per element."""
    wanted = set(members)
    parts: list[str] = []
    length = 0
    starts: dict = {}
    ends: dict = {}

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    add(passage.text)
    children = [iter(passage)]
    open_elements = [None]  # whose end is recorded, and tail added, when their children are done
    while children:
        for child in children[-1]:
            if child.tag.__class__ is str and child not in generated:
                if child in wanted:
                    starts[child] = length
                add(child.text)
                children.append(iter(child))
                open_elements.append(child)
                break
            add(child.tail)  # of a generated element, a comment or a processing instruction
        else:
            children.pop()
            element = open_elements.pop()
            if element is not None:
                if element in wanted:
                    ends[element] = length
                add(element.tail)
    whole = "".join(parts)
    return {m: (whole, starts[m], ends[m]) for m in members if m in starts}


# The words and the sentence around a mention need only a little of the text on either side: a
# window is read, widened until what is taken from it is what the whole passage would give.
_WINDOW = 128  # characters: eight words and more, mostly
_ENOUGH_WORDS = CONTEXT_WORDS + 2  # the first word of a window may be cut; one more says "…"


def _windows(whole: str, start: int, end: int):
    """(text before, text after, before reaches the passage's start, after reaches its end) of
    ever wider windows around whole[start:end], the last one the whole passage."""
    size = _WINDOW
    while True:
        low, high = max(0, start - size), min(len(whole), end + size)
        yield whole[low:start], whole[end:high], low == 0, high == len(whole)
        if low == 0 and high == len(whole):
            return
        size *= 4


def _context_words(whole: str, start: int, end: int) -> tuple[str, str]:
    """_words_before(whole[:start]) and _words_after(whole[end:]), reading only what they need."""
    for before, after, at_start, at_end in _windows(whole, start, end):
        if (at_start or len(before.split()) >= _ENOUGH_WORDS) and (at_end or len(after.split()) >= _ENOUGH_WORDS):
            return _words_before(before), _words_after(after)
    raise AssertionError("the last window is the whole passage")


def _sentence_around(whole: str, start: int, end: int) -> str:
    """_sentence(whole[:start], whole[start:end], whole[end:]), reading only what it needs: a
    sentence end found in the window is the one the whole text gives (a match of _SENTENCE_END
    opens with punctuation no earlier match can hold); without one the window must reach the
    passage's edge, or the sentence be too long to show anyway with enough words on that side."""
    text = whole[start:end]
    for before, after, at_start, at_end in _windows(whole, start, end):
        head_ends = [m.end() for m in _SENTENCE_END.finditer(before)]
        head = before[head_ends[-1]:] if head_ends else before
        tail_end = _SENTENCE_END.search(after)
        tail = after[:tail_end.start() + 1] if tail_end else after
        head_whole, tail_whole = at_start or bool(head_ends), at_end or tail_end is not None
        too_long = len(" ".join((head + text + tail).split())) > SENTENCE_LIMIT
        if (head_whole and tail_whole) or (too_long and (head_whole or len(head.split()) >= _ENOUGH_WORDS)
                                           and (tail_whole or len(tail.split()) >= _ENOUGH_WORDS)):
            return _sentence(before, text, after)
    raise AssertionError("the last window is the whole passage")


def _words_before(text: str) -> str:
    words = text.split()
    kept = " ".join(words[-CONTEXT_WORDS:])
    return ("… " if len(words) > CONTEXT_WORDS else "") + kept + (" " if kept and text[-1:].isspace() else "")


def _words_after(text: str) -> str:
    words = text.split()
    kept = " ".join(words[:CONTEXT_WORDS])
    return (" " if kept and text[:1].isspace() else "") + kept + (" …" if len(words) > CONTEXT_WORDS else "")


def _sentence(before: str, text: str, after: str) -> str:
    """The sentence the date stands in (within its passage), shortened around it if very long."""
    starts = [m.end() for m in _SENTENCE_END.finditer(before)]
    head = before[starts[-1]:] if starts else before
    tail_end = _SENTENCE_END.search(after)
    tail = after[:tail_end.start() + 1] if tail_end else after
    sentence = " ".join((head + text + tail).split())
    if len(sentence) <= SENTENCE_LIMIT:
        return sentence
    return (_words_before(head) + text + _words_after(tail)).strip()


def _section_label(element, known: dict | None = None) -> str:
    """The heading of the section the element is in, or the label the contents give it
    (`known`: the labels of divisions already asked about)."""
    for ancestor in element.iterancestors():
        if known is not None and ancestor in known:
            label = known[ancestor]
        else:
            label = _division_label(ancestor)
            if known is not None:
                known[ancestor] = label
        if label is not None:
            return label
    return ""


def _division_label(ancestor) -> str | None:
    """The label of a section (a division: "div" among its classes), None for other elements."""
    classes = (ancestor.get("class") or "").split()
    if "div" in classes and ancestor.tag in ("section", "div"):
        heading = next((c for c in ancestor if c.tag in ("h2", "h3", "h4", "h5", "h6")), None)
        if heading is not None:
            return " ".join(_text(heading).split())
        link = next((c for c in ancestor if c.tag == "a" and "permalink" in (c.get("class") or "")), None)
        if link is not None:
            return (link.get("aria-label") or "").removeprefix("Section: ").strip()
    return None


def _first(items: list):
    return items[0] if items else None


def _text(element) -> str:
    if element is None:
        return ""
    return " ".join("".join(t for t in element.itertext()).split())
