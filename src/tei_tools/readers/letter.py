"""Letters, as published in a collection or transcribed: one letter or several in a file.

Shape of a letter (every part but the body may be missing):
- an address line at the head ("To Sir W. Elford--") or a heading ("Letter II", "To his sister");
- the dateline: place and date ("Bertram House Sunday. [10 Jan. 1819]", "London, 3rd May 1905");
- the salutation ("My dear Sir", "Dear Mary,");
- the body's paragraphs;
- the closing: a complimentary close and the signature, on one line or two ("Ever my very dear
  Friend most faithfully yours M.R. Mitford.", "most affectionately yours / M. R. Mitford"),
  sometimes followed by a place and date;
- postscripts ("P.S. ..."), an endorsement, and the address panel ("To Miss Webb", or lines of
  name, place and postmark).

Encoded as TEI does (Guidelines 4.2.2): `div type="letter"` with `opener` (`dateline` with
`placeName`, `salute`), `p`, `closer` (`salute`, `signed`, `dateline`), `postscript`, `address`
(`addrLine`). What the text says of sender, addressee, place and date goes to the header's
`correspDesc` (CMIF) by way of `Document.correspondence`; a salutation is not a name.
A file holds several letters when a new dateline, address line or letter heading follows a letter
that has closed; each becomes a `div type="letter"` of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_tools.model import Block, Container, Correspondence, Document, Mention, Node, Span
from tei_tools.readers.common import (RawBlock, dates_in, drop_furniture, is_heading_like, is_section_break,
                                      place_before_date, split_blocks, title_page, verse, TIME_OF_DAY)

KIND = "letter"

SALUTE = re.compile(
    r"(?i)^(?:(?:my\s+)?(?:very\s+|most\s+)?(?:dear(?:est)?|honou?red|respected|esteemed|beloved)\b[^\n]{0,60}"
    r"|(?:dear|sir|madam|madame|gentlemen|ladies)\b[^\n]{0,40}"
    # the forms of address of older letters: "My Lord,", "Reverend Sir", "Your Grace,"
    r"|my\s+(?:lord|lady|liege)\b[^\n]{0,30}|(?:reverend|rev(?:d)?\.?|worthy|good|kind)\s+(?:sir|madam|friend)\b"
    r"|your\s+(?:grace|excellency|lordship|ladyship|majesty|highness|honou?r))[,:;.!—–-]*$")
CLOSING_START = re.compile(
    r"(?i)^[-—–\s]*(?:(?:&|and)\s+)?(?:ever|yours|your|believe\s+me|i\s+am|i\s+remain|i\s+rest|"
    r"we\s+are|we\s+remain|(?:we|i)\s+beg\s+to\s+remain|"  # a firm's: "We are, Gentlemen, / Yours faithfully,"
    r"i\s+have\s+the\s+hono(?:u)?r\s+to\s+(?:be|remain)|most|very|affectionately|"
    r"faithfully|sincerely|truly|cordially|respectfully|with\s+(?:best|kind|much|all\s+my|love)|adieu|farewell|"
    r"good-?\s?bye|always|till\s+then|until\s+then)\b")
# the complimentary close ends at "yours" (glued or not: "faithfullyyours"), "your ... friend", or,
# as older letters leave the noun out, at the adjective: "Ever your obliged and affectionate"
CLOSING_ADJECTIVES = (r"(?:affectionate|obliged|faithful|sincere|grateful|devoted|dutiful|obedient|humble|loving|"
                      r"attached|true|constant)")
CLOSING_PHRASE = re.compile(
    r"(?is)^(?P<close>.*(?:yours|thine|your\s+(?:[\w'’-]+\s+){0,6}(?:friend|servant|son|daughter|brother|sister|"
    r"wife|husband|mother|father|cousin|niece|nephew|admirer|correspondent|child)s?"
    # the close as clerks abbreviated it: "Yr. obt. servt.", "your most obedt. hble. Servt."
    r"|y(?:ou)?r\.?\s+(?:[\w.]+\s+){0,3}(?:serv(?:an)?t|servt|svt|serv)\.?s?"
    r"|your\s+(?:(?:most|very|ever|much|truly|sincerely|faithfully|gratefully|always)\s+)*" + CLOSING_ADJECTIVES +
    # (the adjective ends the close's line: "Ever your affectionate / E. Fenwick")
    r"(?:\s*(?:,|and|&)\s*(?:(?:most|very|ever|much)\s+)*" + CLOSING_ADJECTIVES + r")*(?=[ \t,.!;:]*(?:\n|$)))"
    r"(?:[ \t,]+(?:ever|truly|sincerely|faithfully|affectionately|obediently|respectfully|cordially|always|"
    r"gratefully|devotedly|(?:most|very)\s+\w+ly|(?:until|till|unto)\s+death|for\s?ever|as\s+ever|as\s+always|"
    r"in\s+haste|in\s+love|in\s+christ|in\s+the\s+lord"
    # a vocative after the close: "Yours, my dear William,"
    r"|(?:my\s+)?(?:very\s+|most\s+)?(?:dear(?:est)?|good)\s+[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2}))*"
    r"[,.!;:]*)(?P<rest>.*)$")
# the words of a close as clerks abbreviated them, whose dots end no sentence
CLOSING_ABBREVIATION = re.compile(r"(?i)\b(?:yrs?|obe?d?t|obedt|hble|humb|servts?|svts?|serv|respy|respfy|affte|"
                                  r"affly|afft|aff|mo|mst)\.")
# a name of up to five words, abbreviations with a dot or a colon ("Th: Jefferson", "Jos: Whitehouse")
SIGNATURE = re.compile(r"^[-—–\s]*(?:[A-Z][\w'’.-]*[.:]?[ \t]*){1,5}[.,]?$")
# a firm's name: "HARTLEY & SONS", "Smith, Elder & Co.", "Messrs. Bramwell & Co.", "THE MERIDEN BRITANNIA CO."
FIRM = re.compile(r"^(?:Messrs\.?[ \t]+)?[A-Z][\w'’.-]*(?:,?[ \t]+[A-Z][\w'’.-]*){0,4}[ \t]+&[ \t]+"
                  r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[.,]?$"
                  r"|^(?:Messrs\.?|MESSRS\.?)[ \t]+[A-Z][^\n]{0,60}$"
                  r"|^(?:THE[ \t]+)?[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,4}[ \t]+(?:CO|COMPANY|BROS|BROTHERS|SONS|LTD|LIMITED)\.?,?$")
# who signed for a firm, and as what: "per H. C. Wilcox, Sec'y.", "by J. Brown, Treasurer"
SIGNED_FOR = re.compile(r"^(?:per|by|pp\.?|p\.\s?p\.)[ \t]+(?:[A-Z][\w'’.-]*\.?[ \t]*){1,5}"
                        r"(?:,[ \t]*[A-Z][\w'’.-]*\.?(?:[ \t]+[A-Z][\w'’.-]*\.?)?)?[.,]?$")
# the titles an addressee's name begins with (TITLE_NAME, below, for a whole line)
ADDRESS_TITLES = r"(?:Sr|Sir|Mr|Mrs|Miss|Ms|Mme|Dr|Rev|Revd|Lady|Lord|Capt|Col|Madame|Mons)"
TITLE_NAME_START = rf"{ADDRESS_TITLES}\.?\s+[A-Z]"
# "To Sir W. Elford--", "TO JOSEPH HILL, ESQ.": the name, and the honours after it
_ADDRESSED_NAME = (r"(?:To|TO)\s+(?:(?:THE|The)\s+(?=(?:REV|Rev|RIGHT|Right|HON|Hon)))?(?P<name>(?:[A-Z][\w'’.]*\.?[ \t]*){1,6}"
                   r"(?:,[ \t]*(?:Esq|ESQ|Esquire|ESQUIRE|Jr|Jun|Sr|Sen|M\.[ \t]?P|D\.[ \t]?D|F\.[ \t]?R\.[ \t]?S)\.?)*)")
ADDRESS_TO = re.compile(rf"^{_ADDRESSED_NAME}[\s,.;:—–-]*$")
# "To Miss Mary Musgrove, Uppercross.": a titled name, then the place the letter goes to (a
# few capitalised words, no street number: those are an address's lines, not a place's name)
ADDRESS_TO_PLACE = re.compile(rf"^{_ADDRESSED_NAME.replace('(?P<name>', '(?P<name>(?=' + TITLE_NAME_START + ')')}"
                              r",[ \t]*(?P<place>[A-Z][\w'’-]+(?:,?[ \t]+[A-Z][\w'’-]+){0,3})[.,]?[ \t]*$")
# a collection's heading for a letter to the previous letter's addressee
TO_THE_SAME = re.compile(r"(?i)^To\s+the\s+same\b[\s.,;:—–-]*$")
# an address line after the signature that is more than a name: "To the Right Honourable the
# Earl of Sandwich, at Madrid."
ADDRESS_LINE = re.compile(r"^To\s+(?:the\s+)?[A-Z][^\n]{0,120}$")
# an older letter's superscription: "For my honoured friend Mr. John Evelyn, at Says Court, Deptford."
SUPERSCRIPTION = re.compile(r"^(?:For|To)\s+(?:the\s+)?(?:my\s+)?(?:(?:much|very|most|ever|right)\s+)?"
                            r"(?:honou?red|worthy|esteemed|respected|loving|worshipful|honourable|honorable)\b[^\n]{0,150}$")
# the titled name inside such a line, and the place after its "at"
TITLED_NAME_IN_LINE = re.compile(rf"\b{ADDRESS_TITLES}\.?[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{0,4}}")
AT_PLACE = re.compile(r",?[ \t]+at[ \t]+(?P<place>[A-Z][\w'’-]*(?:,?[ \t]+[A-Z][\w'’-]*){0,4})[.,]?[ \t]*$")
# a peer named by the title alone, as formal letters name the addressee at the foot: "The Earl of Moira."
PEER = re.compile(r"^(?:The\s+)?(?:(?:Most|Right)\s+Hon(?:ou?rable|\.)\s+(?:the\s+)?)?(?:Earl|Duke|Marquess|Marquis|"
                  r"Viscount|Baron|Lord|Lady|Countess|Duchess|Bishop|Archbishop)\s+(?:of\s+)?[A-Z][\w'’-]+"
                  r"(?:\s+[A-Z][\w'’-]+){0,3}[.,]?$")
TITLE_NAME = re.compile(rf"^(?:{ADDRESS_TITLES}|Messrs|Mess)\.?\s+[A-Z]"
                        r"|^(?:The\s+)?(?:Right\s+)?Hon(?:ou?rable|\.)\s+(?:the\s+)?[A-Z]")  # "The Honorable John G. Winant"
POSTSCRIPT = re.compile(r"^(?:P\.\s?P\.\s?S\.|P\.\s?S\.|PS\b|Post-?script\b|N\.\s?B\.)")
ENDORSEMENT = re.compile(r"(?i)^\[?\s*(?:endorsed|docketed|endorsement|docket)\b")
# a collection's title, though it gives a year: "Letters of Private Arthur Hale, 1916",
# "The Correspondence of J. Kessler (1841-1850)"; a dateline never opens so
COLLECTION_TITLE = re.compile(r"(?i)^(?:the\s+|some\s+|selected\s+|family\s+|war\s+)*(?:letters|correspondence)\b")
LETTER_HEADING = re.compile(r"(?i)^letter\s+(?:\d{1,4}|[ivxlc]{1,7}|no\.?\s*\d{1,4}|the\s+\w+)\b[^\n]{0,80}$")
# a collection's number alone over a letter ("II." over "To the same." or its dateline)
NUMBER_HEADING = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,3})\.?$")
# a dateline without a date: "Tuesday night", "Bath, Sunday morning"
WEEKDAY_DATELINE = re.compile(r"^(?:[A-Z][\w'’.-]*[ ,]+){0,4}(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                              rf"(?:[ ,]+(?i:{TIME_OF_DAY}))?[.,]?$")
DATELINE_MAX = 120
PANEL_LINE_MAX = 60


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND)
    blocks = drop_furniture(split_blocks(source), doc.omissions)
    if len(blocks) > 1 and _is_title(blocks[0]):  # a title needs a text after it
        doc.meta.title = blocks[0].text
        doc.front = [title_page(blocks[0])]
        blocks = blocks[1:]
    letters = _letters(blocks)
    for number, letter in enumerate(letters, start=1):
        letter.facts.letter_id = f"letter{number}"
        doc.body.append(letter.div(number))
        doc.correspondence.append(letter.facts)
    return doc


def _is_title(block: RawBlock) -> bool:
    text = block.text
    return (is_heading_like(text) and (not _is_dateline(block) or bool(COLLECTION_TITLE.match(text)))
            and not SALUTE.match(text) and not ADDRESS_TO.match(text) and not LETTER_HEADING.match(text))


# ---------------------------------------------------------------- one letter


@dataclass
class Letter:
    head: list[Node] = field(default_factory=list)
    top_address: list[Node] = field(default_factory=list)
    opener: list[Node] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    closer: list[Node] = field(default_factory=list)
    after: list[Node] = field(default_factory=list)  # postscripts, endorsements, address panels
    closing_blocks: list[RawBlock] = field(default_factory=list)  # the source of the closer
    facts: Correspondence = field(default_factory=Correspondence)

    @property
    def closed(self) -> bool:
        return bool(self.closer)

    @property
    def started(self) -> bool:
        return bool(self.body or self.closer)

    @property
    def empty(self) -> bool:
        return not (self.head or self.top_address or self.opener or self.body or self.closer or self.after)

    def div(self, number: int) -> Container:
        body, closer, after = list(self.body), list(self.closer), list(self.after)
        if not body and (closer or any(n.tag in ("postscript", "trailer") for n in after)):
            # what ends a letter needs a letter before it: without a body it is read as the body
            body = [raw.block("p") for raw in self.closing_blocks]
            closer, self.facts.sender = [], None
            while not body and after and after[0].tag in ("postscript", "trailer"):
                first = after.pop(0)
                body = list(first.children) if isinstance(first, Container) else [Block("p", first.text, first.offset)]
        children: list[Node] = [*self.head, *self.top_address]
        if self.opener:
            children.append(Container("opener", self.opener))
        children.extend(body)
        if closer:
            children.append(Container("closer", closer))
        children.extend(after)
        return Container("div", children, {"type": "letter", "xml_id": f"letter{number}", "n": str(number)})


def _letters(blocks: list[RawBlock]) -> list[Letter]:
    letters = [Letter()]
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        letter = letters[-1]
        if letter.closed and _starts_a_letter(block, following):
            letters.append(Letter())
            letter = letters[-1]
        if is_section_break(block.text) and letter.started:
            # an ornament between two letters closes the first (its text kept, as a trailer)
            letter.after.append(block.block("trailer"))
            letters.append(Letter())
            continue
        before = letters[-2].facts.addressee if len(letters) > 1 else None  # for "To the same."
        _place(letter, block, following, before)
    for letter in letters:
        if not letter.closed and letter.body and isinstance(letter.body[-1], Block):
            _split_trailing_closing(letter)
    return [letter for letter in letters if not letter.empty]  # every block is in some letter


def _split_trailing_closing(letter: Letter) -> None:
    """A letter that closes at the end of its last paragraph ("Kiss the baby for me. Ever thine
    most lovingly Jane."): the last sentence is the closer."""
    last = letter.body[-1]
    window = max(0, len(last.text) - 242)  # a closing is short: only the paragraph's end can be one
    for match in re.compile(r"(?<=[.!?])\s+(?=[A-Z])").finditer(last.text, window):
        tail = RawBlock(last.text[match.end():], last.offset + match.end(), 0)
        if _is_closing(tail) and CLOSING_PHRASE.match(tail.text)["rest"].strip():
            head = RawBlock(last.text[:match.start()], last.offset, 0)
            letter.body[-1] = head.block("p")
            letter.closer = _closing(tail, letter)
            return


def _is_letter_heading(block: RawBlock, following: RawBlock | None) -> bool:
    """"LETTER IV.", or a number alone ("II.") when the letter's address, dateline or salutation
    follows it."""
    if LETTER_HEADING.match(block.text):
        return True
    return (bool(NUMBER_HEADING.match(block.text.strip())) and following is not None
            and (bool(ADDRESS_TO.match(following.text) or TO_THE_SAME.match(following.text)
                      or ADDRESS_LINE.match(following.text) or SALUTE.match(following.text))
                 or _is_dateline(following)))


def _starts_a_letter(block: RawBlock, following: RawBlock | None) -> bool:
    """After a closed letter: a heading, or an address line or dateline that a salutation or the
    body follows (else it is the closed letter's address panel or closing dateline)."""
    if _is_letter_heading(block, following):
        return True
    if ADDRESS_TO.match(block.text) or TO_THE_SAME.match(block.text) or _is_dateline(block):
        # a postscript is the closed letter's, however long ("Windsor, Monday. / P.S. Tell him ...")
        return (following is not None and not POSTSCRIPT.match(following.text)
                and (_is_dateline(following) or bool(SALUTE.match(following.text)) or _is_body(following)))
    return False


def _place(letter: Letter, block: RawBlock, following: RawBlock | None,
           previous_addressee: Mention | None = None) -> None:
    text = block.text
    if not letter.started:
        if _is_letter_heading(block, following) and not letter.opener:
            letter.head.append(block.block("head"))
        elif (match := ADDRESS_TO.match(text)) and not letter.opener:
            letter.top_address.append(_address(block, letter, match))  # "TO THE REV. WILLIAM UNWIN."
        elif letter.empty and _is_letterhead(block, following):
            letter.head.append(block.block("head", type="letterhead"))
        elif TO_THE_SAME.match(text) and not letter.opener:
            letter.top_address.append(_address(block, letter, None))
            letter.facts.addressee = previous_addressee
        elif _is_dateline(block) and (not (dated := any(n.tag == "dateline" for n in letter.opener))
                                      or WEEKDAY_DATELINE.match(text) and len(letter.opener) == 1):
            # a second dateline that only names the day and time ("9th June, 1819 / Wednesday Evening."):
            # the same day, so no frame for the days after it (a weekday alone there counts on)
            dateline = _dateline(block, letter)
            dateline.frames_dates = not dated
            letter.opener.append(dateline)
        elif _is_inside_address(block, following):  # a business letter's: after the dateline, before "Dear Sir:"
            (letter.opener if letter.opener else letter.top_address).append(_address(block, letter, None))
        elif SALUTE.match(text) and "\n" not in text:
            letter.opener.append(salute := block.block("salute"))
            letter.facts.salutation = letter.facts.salutation or salute
        elif _is_closing(block) and letter.opener:
            letter.closer.extend(_closing(block, letter))
        else:
            letter.body.append(_paragraph(block))
        return
    if not letter.closed:
        if _is_closing(block):
            letter.closer.extend(_closing(block, letter))
        else:
            letter.body.append(_paragraph(block))
        return
    _place_after_closing(letter, block)


def _place_after_closing(letter: Letter, block: RawBlock) -> None:
    text = block.text
    has = {node.tag for node in letter.closer}
    if POSTSCRIPT.match(text):
        letter.after.append(Container("postscript", [block.block("p")]))
    elif letter.after and letter.after[-1].tag == "postscript" and _is_body(block):
        letter.after[-1].children.append(block.block("p"))
    elif "signed" not in has and not letter.after and _is_signature(text):
        letter.closing_blocks.append(block)
        letter.closer.append(_signed(block, letter))
    elif "dateline" not in has and not letter.after and _is_dateline(block) and "\n" not in text \
            and not ENDORSEMENT.match(text):  # "Endorsed: Recd. 19 Nov. 1877" is no place of writing
        letter.closing_blocks.append(block)
        letter.closer.append(_dateline(block, letter))
    elif ENDORSEMENT.match(text):
        letter.after.append(Container("note", [block.block("p")], {"type": "endorsement"}))
    elif (match := ADDRESS_TO.match(text)) or _is_panel(block):
        letter.after.append(_address(block, letter, match))
    elif (ADDRESS_LINE.match(text) or PEER.match(text)) and not _is_body(block) or SUPERSCRIPTION.match(text):
        letter.after.append(_address(block, letter, None))
    elif letter.after or "signed" in has:
        # written after the close and the signature (and what followed them): a postscript
        # unmarked ("Write soon", or a paragraph more)
        letter.after.append(Container("postscript", [block.block("p")]))
    else:  # the letter goes on: what looked like its closing was a paragraph of it
        letter.body.extend(raw.block("p") for raw in letter.closing_blocks)
        letter.closer, letter.closing_blocks = [], []
        letter.facts.sender = None
        letter.body.append(_paragraph(block))


# ---------------------------------------------------------------- the parts


def _is_dateline(block: RawBlock) -> bool:
    text = block.text
    if len(text) > DATELINE_MAX or text.count("\n") > 1 or SALUTE.match(text) or _is_closing(block):
        return False
    if WEEKDAY_DATELINE.match(text):
        return True
    if len(re.findall(r"\b[a-z]{2,}\b", text)) > 3:
        return False  # a sentence that mentions a date
    return bool(dates_in(text))


def _dateline(block: RawBlock, letter: Letter) -> Block:
    dateline = block.block("dateline")
    dateline.frames_dates = True
    place = place_before_date(block.text)
    if place:
        start, end = place
        dateline.spans.append(Span.make(start, end, "placeName"))
        if letter.facts.place is None:
            letter.facts.place = Mention(dateline, start, end)
    if letter.facts.dateline is None:
        letter.facts.dateline = dateline
    return dateline


def _is_salute(text: str) -> bool:
    return bool(SALUTE.match(text))


def _is_closing(block: RawBlock) -> bool:
    text = block.text
    if len(text) > 240 or not CLOSING_START.match(text) or not (match := CLOSING_PHRASE.match(text)):
        return False
    rest = match["rest"].strip()
    close = CLOSING_ABBREVIATION.sub(lambda found: found.group()[:-1], match["close"])  # "Yr. obt. servt."
    return (len(re.findall(r"[.!?](?:\s|$)", close.rstrip(".!?,;: "))) == 0
            and (not rest or _is_signature(rest)))


def _closing(block: RawBlock, letter: Letter) -> list[Node]:
    """The complimentary close as `salute`, the signature after it (same line or next) as `signed`."""
    letter.closing_blocks.append(block)
    match = CLOSING_PHRASE.match(block.text)
    close_end = match.end("close")
    rest = block.part(close_end, len(block.text))
    salute = block.part(0, close_end)
    nodes: list[Node] = [salute.block("salute")] if salute else []
    if rest and _is_signature(rest.text):
        nodes.append(_signed(rest, letter))
    elif rest:
        nodes.append(rest.block("salute"))
    return nodes


def _is_inside_address(block: RawBlock, following: RawBlock | None) -> bool:
    """The addressee's name and address set above the salutation ("Mr. George W. Hale, / 142
    State Street, / Boston, Mass." over "Dear Sir:"), as business letters have them."""
    return (following is not None and bool(SALUTE.match(following.text)) and "\n" in block.text
            and bool(TITLE_NAME.match(block.text)) and _is_panel(block) and not SALUTE.match(block.text))


def _is_signature(text: str) -> bool:
    text = text.strip()
    if "\n" in text:  # a firm's: "THE MERIDEN BRITANNIA CO. / per H. C. Wilcox, Sec'y."
        lines = [line.strip() for line in text.splitlines()]
        return len(lines) <= 3 and all(len(line) <= 50 and (SIGNATURE.match(line) or SIGNED_FOR.match(line)
                                                            or FIRM.match(line)) for line in lines)
    return len(text) <= 40 and bool(SIGNATURE.match(text)) and not SALUTE.match(text)


def _signed(block: RawBlock, letter: Letter) -> Block:
    signed = block.block("signed")
    if "\n" in block.text.strip():  # a firm and who signed for it: the firm is the sender, no one person
        first = block.text.strip().splitlines()[0].strip()
        if FIRM.match(first):
            start = block.text.index(first)
            letter.facts.sender = Mention(signed, start, start + len(first.rstrip(",")), is_firm=True)
        return signed
    name = block.text.strip("-—– \t")
    start = block.text.index(name)
    end = start + len(name.rstrip(".,"))
    letter.facts.sender = Mention(signed, start, end)
    return signed


def _is_panel(block: RawBlock) -> bool:
    """An address panel: short lines of names, places, postmarks."""
    lines = block.lines
    # the last line may end with a full stop ("London, England."), as typed addresses do
    return len(lines) >= 2 and all(0 < len(line.strip()) <= PANEL_LINE_MAX
                                   and not line.rstrip().endswith(("?", "!") if n == len(lines) - 1 else (".", "?", "!"))
                                   or TITLE_NAME.match(line.strip()) for n, line in enumerate(lines))


def _address(block: RawBlock, letter: Letter, to: re.Match[str] | None) -> Container:
    lines = [Block("addrLine", part.text, part.offset) for part in block.line_parts()]
    to = to or ADDRESS_TO.match(lines[0].text)  # "To Mr. Edmund Mallory" over the lines of an address
    if to is None and len(lines) == 1 and (to := ADDRESS_TO_PLACE.match(lines[0].text)):
        lines[0].spans.append(Span.make(to.start("place"), to.end("place"), "placeName"))
    if letter.facts.addressee is None:
        if to:
            name = to["name"].strip()
            # the line the name is on ("To" may stand on a line of its own above it)
            line = next(line for line in lines if name in line.text)
            start = line.text.index(name)
            letter.facts.addressee = Mention(line, start, start + len(name.rstrip(",. ")))
        else:
            named = next((line for line in lines if TITLE_NAME.match(line.text) or PEER.match(line.text)
                          or FIRM.match(line.text.strip())), None)
            if named is None and SUPERSCRIPTION.match(lines[0].text) and (
                    inside := TITLED_NAME_IN_LINE.search(lines[0].text)):
                letter.facts.addressee = Mention(lines[0], inside.start(), inside.end())
                if place := AT_PLACE.search(lines[0].text, inside.end()):
                    lines[0].spans.append(Span.make(place.start("place"), place.end("place"), "placeName"))
            elif named is not None:
                firm = bool(FIRM.match(named.text.strip()))  # keeps its "Co.": an abbreviation's dot
                letter.facts.addressee = Mention(named, 0, len(named.text.rstrip(", " if firm else ",. ")), is_firm=firm)
    return Container("address", lines)


def _is_letterhead(block: RawBlock, following: RawBlock | None) -> bool:
    """A printed letterhead at the top ("THE WHITE HOUSE / WASHINGTON"): short lines in capitals,
    with the dateline or the salutation after it."""
    lines = block.lines
    return (following is not None and (_is_dateline(following) or bool(SALUTE.match(following.text)))
            and len(lines) <= 6 and all(0 < len(line.strip()) <= PANEL_LINE_MAX and line.upper() == line
                                        and any(c.isalpha() for c in line) for line in lines))


def _paragraph(block: RawBlock) -> Node:
    """A block of the letter's body: a stanza copied into it (`lg`), else a paragraph."""
    return verse(block) or block.block("p")


def _is_body(block: RawBlock) -> bool:
    return len(block.text) > DATELINE_MAX or len(re.findall(r"\b[a-z]{2,}\b", block.text)) > 6
