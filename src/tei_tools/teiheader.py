"""The teiHeader of an edition: what it is and who made it (fileDesc), how it was made and what
was left out (encodingDesc), its languages, calendars and correspondence (profileDesc), and when
it was generated (revisionDesc). Part of the one serializer (tei_tools.serialize)."""
from __future__ import annotations

import dataclasses
import datetime
import os
import re
from collections import Counter

from lxml import etree

from tei_tools import __version__
from tei_tools.model import Block, Correspondence, Document, Mention, Responsibility, Span, iter_blocks
from tei_tools.readers.book import CHAPTER_HEADING
from tei_tools.tei_elements import DIGEST_PLACEHOLDER, DIGEST_TYPE, JULIAN_POINTER, LANGUAGES, TOOL_ID, E


def header(doc: Document, source_digest: str) -> etree._Element:
    generated = generation_date()
    actions = [_actions(facts) for facts in doc.correspondence]  # read once: the title may use them
    doc = _with_writer_from_title(_with_letter_facts(doc, actions))
    return E("teiHeader", _file_desc(doc, source_digest, generated), _encoding_desc(doc),
             _profile_desc(doc, actions), _revision_desc(doc, source_digest, generated))


def _file_desc(doc: Document, source_digest: str, generated: str) -> etree._Element:
    """What the edition is: its title, who made it (the tool; the source's own credits stay with
    the source, in sourceDesc), who publishes it and under what terms, and what it is made from."""
    meta = doc.meta
    title = meta.title or opening_heading(doc) or doc.source_name.rsplit(".", 1)[0]
    title_stmt = E("titleStmt", E("title", title, type="main"),
                   E("title", f"A TEI edition of the {_kind_label(doc.kind)}", type="sub"),
                   *[E("author", name) for name in meta.authors])
    title_stmt.append(E("respStmt", E("resp", "Conversion to TEI and automatic markup of persons, dates and quotations"),
                        E("name", f"tei-tools {__version__}"), xml_id=TOOL_ID))
    return E("fileDesc", title_stmt, _publication_stmt(doc, generated), E("sourceDesc", _source_bibl(doc, source_digest)))


# Headings that label a part of a longer work, besides the book reader's chapter headings
# ("Chapter 3", "Prologue", "II."): no title of the whole text.
OTHER_PART_LABEL = re.compile(r"(?i)^(?:(?:section|act|scene|canto|letter|entry|episode)\s+[\w.-]{1,12}\.?|contents)$")
TITLE_LINE_LIMIT = 150  # characters: a longer first line is a sentence, not a title


def opening_heading(doc: Document) -> str:
    """The line the text opens with when the reader made it a heading ("Summers at Larkfield",
    "Margaret Ellen Howard, 1931–2019"): the title the text gives itself, for an edition whose
    source names none otherwise (its metadata, a credit line, a sidecar); "" when the text opens
    otherwise or with a part's label ("Chapter 3"), which is no title of the whole."""
    first = next((block for part in (doc.front, doc.body, doc.back) for block in iter_blocks(part)), None)
    if first is None or first.tag != "head" or doc.source_text[:first.offset].strip():
        return ""
    line = " ".join(first.text.split())
    if "\n" in first.text.strip() or not line or len(line) > TITLE_LINE_LIMIT \
            or CHAPTER_HEADING.match(line) or OTHER_PART_LABEL.match(line):
        return ""
    return line


def _publication_stmt(doc: Document, generated: str) -> etree._Element:
    """The publisher of the edition is whoever the sidecar names (edition_authority): never the
    software. The date is the day the edition was generated; the licence, when one is known."""
    meta = doc.meta
    authority = meta.extra.get("edition_authority", "").strip()
    publication = E("publicationStmt",
                    E("authority", authority or "No publisher or authority was named for this edition"),
                    E("idno", DIGEST_PLACEHOLDER, type=DIGEST_TYPE))
    publication.append(E("date", generated, when=generated))
    if meta.licence:
        availability = E("availability", E("licence", meta.licence, target=licence_url(meta.licence)))
    else:
        availability = E("availability", E("p", "No licence was given for this edition. The source text's rights "
                                                "remain with its rights holders; see the source description."),
                         status="unknown")
    publication.append(availability)
    return publication


# Licences whose names are unambiguous, and where their text is (a claim of the edition: only
# the well-known Creative Commons names, as written in a sidecar's "licence").
_CC_LICENCE = re.compile(r"(?i)^\s*(?:CC[ -]?)?(BY(?:[ -](?:NC|SA|ND)){0,2})[ -](\d\.\d)(?:[ -]international)?\s*$")


def licence_url(licence: str) -> str | None:
    """The address of a Creative Commons licence named like "CC BY 4.0" or "CC0 1.0", else None."""
    if re.fullmatch(r"(?i)\s*CC0(?:[ -]1\.0)?\s*", licence):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = _CC_LICENCE.match(licence)
    if not match:
        return None
    kind = "-".join(match.group(1).lower().replace(" ", "-").split("-"))
    return f"https://creativecommons.org/licenses/{kind}/{match.group(2)}/"


def _kind_label(kind: str) -> str:
    return {"book": "book excerpt", "biography": "biography", "transcript": "podcast transcript"}.get(kind, kind)


def _source_bibl(doc: Document, source_digest: str) -> etree._Element:
    """The source as far as it (or its sidecar) tells: title, authors, its own credits as clean
    respStmts (names only; an affiliation in a note), publisher, date, address, credit line,
    and a plain statement of what was not given."""
    meta = doc.meta
    level = {"book": "m", "transcript": "a"}.get(doc.kind, "a")
    bibl = E("bibl", E("title", meta.title, level=level) if meta.title else None,
             *[E("author", name) for name in meta.authors], type=doc.kind)
    if meta.series:
        bibl.append(E("title", meta.series, level="s" if doc.kind == "transcript" else "j"))
    for roles, name, affiliation in _grouped_credits(meta.responsibilities):
        statement = E("respStmt", *[E("resp", role) for role in roles], E("name", name))
        if affiliation:
            statement.append(E("note", E("orgName", affiliation), type="affiliation"))
        bibl.append(statement)
    if meta.publisher:
        bibl.append(E("publisher", meta.publisher))
    if meta.pub_place:
        bibl.append(E("pubPlace", meta.pub_place))
    if meta.date:
        bibl.append(E("date", meta.date_text or meta.date, when=meta.date))
    if meta.source_url:
        bibl.append(E("ref", meta.source_url, target=meta.source_url))
    if meta.source_statement:
        bibl.append(E("note", meta.source_statement, type="credit"))
    missing = [label for label, value in (("author", meta.authors), ("publisher", meta.publisher),
                                          ("date", meta.date), ("address (URL)", meta.source_url)) if not value]
    if missing:
        bibl.append(E("note", f"Not given by the source text or a sidecar file: {', '.join(missing)}.",
                      type="not-given"))
    bibl.append(E("note", f"Plain-text file {doc.source_name}, {source_digest}.", type="file"))
    return bibl


def _grouped_credits(credits: list[Responsibility]) -> list[tuple[list[str], str, str]]:
    """[(roles, name, affiliation)]: one entry per person (and affiliation), in the order of
    first credit, with every role they are credited for ("Host", "Editor", ...)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for credit in credits:
        roles = grouped.setdefault((credit.name, credit.affiliation), [])
        if credit.resp not in roles:
            roles.append(credit.resp)
    return [(roles, name, affiliation) for (name, affiliation), roles in grouped.items()]


def _encoding_desc(doc: Document) -> etree._Element:
    app = E("application", E("label", "tei-tools"), ident="tei-tools", version=__version__)
    paragraphs = [
        f"Converted automatically from a plain-text {_kind_label(doc.kind)} by tei-tools {__version__}. "
        "Blocks of text separated by blank lines became headings, paragraphs, captions (figure/head), "
        "bibliographic lines and block quotations; the words of the source are kept unchanged and in order.",
        "Persons (persName) were recognised and linked to the personography persons.xml by the tool: "
        "each @cert says how sure the identification is and @resp names the tool, for an editor to review.",
        _dates_paragraph(doc),
        "Lines that the source repeats (titles, captions) are kept and marked type=\"repeated\".",
    ]
    paragraphs += _note_marker_statement(doc)
    editorial = E("editorialDecl", *[E("p", text) for text in paragraphs])
    normalization = _normalization(doc)
    if normalization is not None:
        editorial.append(normalization)
    return E("encodingDesc", E("appInfo", app), editorial)


def _note_marker_statement(doc: Document) -> list[str]:
    """What the source's note markers ("(12)") are in this edition, and whether their notes are."""
    markers = [(span.attr("n"), span.attr("target")) for block in doc.blocks() for span in block.spans
               if span.tag == "ref" and span.attr("type") == "noteref"]
    if not markers:
        return []
    unlinked = [n for n, target in markers if not target]
    numbers = sorted({int(n) for n, _ in markers if n and n.isdigit()})
    extent = f"({numbers[0]})–({numbers[-1]})" if len(numbers) > 1 else f"({numbers[0]})" if numbers else ""
    if unlinked:
        return [f"The source's note markers {extent} are kept as ref type=\"noteref\" without a target: they refer "
                "to the source's own list of notes or references, which was not part of the text converted and is "
                "not included in this edition. They are not linked to any passage of this edition (the numbered "
                "Primary Sources, where the source has them, have a numbering of their own)."]
    return [f"The source's note markers {extent} are ref type=\"noteref\" elements pointing at the source's own "
            "notes, kept at the end of the text (div type=\"notes\", note place=\"end\")."]


def _normalization(doc: Document) -> etree._Element | None:
    if not doc.omissions:
        return None
    counts = Counter(o.reason for o in doc.omissions)
    element = E("normalization")
    for reason in sorted(counts):
        found = [o for o in doc.omissions if o.reason == reason]
        lines = ", ".join(str(o.line) for o in found)
        examples = list(dict.fromkeys(example for _, example in sorted({o.text: o.example for o in found}.items())))
        element.append(E("p", f"{found[0].description} {found[0].action} {counts[reason]} "
                              f"({reason}: {'; '.join(examples[:3])}) at source lines {lines}.",
                         n=reason))
    return element


def _profile_desc(doc: Document, actions: list["LetterActions"]) -> etree._Element:
    code = doc.meta.language or "en"
    return E("profileDesc", E("langUsage", E("language", LANGUAGES.get(code, code), ident=code)),
             _calendar_desc(doc), *_corresp_descs(doc, actions))


# ---------------------------------------------------------------- dates and correspondence (header)


def _old_style_dates(doc: Document) -> list[Span]:
    return [span for block in doc.blocks() for span in block.spans
            if span.tag == "date" and span.attr("datingMethod") == JULIAN_POINTER]


def _dates_paragraph(doc: Document) -> str:
    """What the date values mean, and what was converted from which calendar."""
    text = ("Dates carry normalised ISO 8601 values in @when, @from/@to or @notBefore/@notAfter, always in the "
            "proleptic Gregorian calendar. A value taken from the context (a dateline, an entry or month heading, "
            "or the narrative) rather than from the date's own words carries @cert and @resp; where nothing fixes "
            "the year, the value has none (--MM-DD).")
    old_style = _old_style_dates(doc)
    if old_style:
        text += (f" {len(old_style)} date(s) given in the Julian calendar (Old Style) were converted by Julian day "
                 "numbers: the Julian reading is kept in @when-custom (@from-custom, @to-custom) with "
                 "@datingMethod=\"#julian\" (see calendarDesc).")
        if doc.meta.julian_until:
            text += f" Days up to {doc.meta.julian_until} are read as Old Style unless the text marks them New Style."
    else:
        text += " The text gives no Old Style dates: no calendar conversion was made."
    return text + " Quotation marks are kept in the text inside q and quote."


def _calendar_desc(doc: Document) -> etree._Element | None:
    """The calendars the dates use, declared exactly when a date is in a calendar besides the Gregorian."""
    if not _old_style_dates(doc):
        return None
    return E("calendarDesc",
             E("calendar", E("p", "Gregorian calendar (New Style), proleptic before 1582: the values of @when, "
                                  "@from, @to, @notBefore and @notAfter."), xml_id="gregorian"),
             E("calendar", E("p", "Julian calendar (Old Style): the values of @when-custom, @from-custom and "
                                  "@to-custom on dates with @datingMethod=\"#julian\", as the text writes them."),
               xml_id="julian"))


# "The Diary of Samuel Ware", "Letters of Private Arthur Hale, 1916": whose diary or letters the title says
# (two words or more, capitalised: "Journal of Commerce" names no writer)
WRITER_IN_TITLE = re.compile(r"^(?:The\s+|A\s+)?(?:Diary|Diaries|Journal|Journals|Letters|Correspondence|Notebook|"
                             r"Notebooks|Memoirs?)\s+of\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+)"
                             r"\s*(?:[,:(]|\d|$)")


def _with_writer_from_title(doc: Document) -> Document:
    """A diary's or letters' writer, where the title names them and nothing else gives an author."""
    found = WRITER_IN_TITLE.match(doc.meta.title) if doc.kind in ("journal", "letter") else None
    if found is None or doc.meta.authors:
        return doc
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, authors=[found["name"]]))


def _with_letter_facts(doc: Document, actions: list["LetterActions"]) -> Document:
    """A single letter's own facts where neither the text's title nor a sidecar gives them: its
    writer (the signature) is its author, its dateline's day its date, and a title made of them
    as editions title letters ("Letter from C. Darwin to Hooker, April 7th 1871")."""
    if doc.kind != "letter" or len(doc.correspondence) != 1:
        return doc
    facts, meta, (sent, received) = doc.correspondence[0], doc.meta, actions[0]
    # (a firm keeps the dot of its "Co.")
    sender = facts.sender.text.strip(" ," if facts.sender.is_firm else " ,.") if facts.sender is not None else ""
    addressees = [name.text for name in received if name.text]
    date = next((child for child in sent if etree.QName(child).localname == "date"), None)
    when = date.get("when") if date is not None else None
    title = meta.title
    if not title and (sender or addressees or when):
        title = "Letter" + (f" from {sender}" if sender else "") + (f" to {' and '.join(addressees)}" if addressees else "") \
            + (f", {date.text}" if when else "")
    authors = meta.authors or ([sender] if sender else [])
    date_value, date_text = (meta.date, meta.date_text) if meta.date or not when else (when, date.text)
    if (title, authors, date_value) == (meta.title, meta.authors, meta.date):
        return doc
    return dataclasses.replace(doc, meta=dataclasses.replace(meta, title=title, authors=authors, date=date_value,
                                                             date_text=date_text))


LetterActions = tuple[list[etree._Element], list[etree._Element]]  # (what was sent, who received it)


def _actions(facts: Correspondence) -> LetterActions:
    """A letter's correspAction children, as the text gives them: sender, place and date of
    writing; the addressee (an address's, else the persons the salutation names)."""
    sent = [child for child in (_mention_name(facts.sender), _mention_place(facts.place),
                                _dateline_date(facts.dateline)) if child is not None]
    addressee = _mention_name(facts.addressee)
    return sent, [addressee] if addressee is not None else _saluted(facts.salutation)


def _corresp_descs(doc: Document, actions: list[LetterActions]) -> list[etree._Element]:
    """One correspDesc per letter (CMIF): sender, place and date of writing, addressee, as the text
    gives them; nothing where the text names nothing."""
    descriptions = []
    for facts, (sent, received) in zip(doc.correspondence, actions):
        if not sent and not received:
            continue
        description = E("correspDesc", ref=f"#{facts.letter_id}" if facts.letter_id else None)
        if sent:
            description.append(E("correspAction", *sent, type="sent"))
        if received:
            description.append(E("correspAction", *received, type="received"))
        descriptions.append(description)
    return descriptions


def _mention_name(mention: Mention | None) -> etree._Element | None:
    """The name as the text writes it, with the @ref (and @cert) of the person marked there."""
    if mention is None or not mention.text.strip():
        return None
    if mention.is_firm:  # CMIF names a firm that writes or is written to by orgName
        return E("orgName", mention.text.strip())
    end = len(mention.block.text) if mention.end is None else mention.end
    span = next((span for span in mention.block.spans
                 if span.tag == "persName" and span.attr("ref") and span.start < end and mention.start < span.end), None)
    return E("persName", mention.text.strip(), ref=span and span.attr("ref"), cert=span and span.attr("cert"))


def _saluted(salutation: Block | None) -> list[etree._Element]:
    """The persons a salutation names ("My dear Hooker,", "Dear Tom and Mary,"), each once, as
    the body marks them; none for "My dear Sir"."""
    if salutation is None:
        return []
    names, refs = [], set()
    for span in sorted(salutation.spans):
        if span.tag == "persName" and span.attr("ref") and span.attr("ref") not in refs:
            refs.add(span.attr("ref"))
            names.append(_mention_name(Mention(salutation, span.start, span.end)))
    return names


def _mention_place(mention: Mention | None) -> etree._Element | None:
    return None if mention is None or not mention.text.strip() else E("placeName", mention.text.strip())


def _dateline_date(dateline: Block | None) -> etree._Element | None:
    if dateline is None:
        return None
    span = next((s for s in sorted(dateline.spans) if s.tag == "date" and
                 (s.attr("when") or s.attr("from") or s.attr("notBefore"))), None)
    if span is None:
        return None
    return E("date", span.text_in(dateline.text), **{name.replace(":", "_"): value for name, value in span.attrs})


def _revision_desc(doc: Document, source_digest: str, generated: str) -> etree._Element:
    return E("revisionDesc", E("change", f"Generated by tei-tools {__version__} from {doc.source_name} "
                                         f"({source_digest}).", when=generated,
                               who=f"#{TOOL_ID}", type="generated"))


# ---------------------------------------------------------------- the generation date


def generation_date() -> str:
    """The day the edition is generated (UTC), or the day SOURCE_DATE_EPOCH names: the
    reproducible-builds convention, for byte-identical rebuilds on another day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()
