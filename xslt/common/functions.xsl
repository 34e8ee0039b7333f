<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions and parameters shared by every tei-tools stylesheet (HTML and plain text).

  What a document's "reading text" is, how notes, sections and person mentions are numbered,
  how a persName finds its person in the personography, how dates and languages are labelled.
  The HTML edition, the plain-text edition and the register of persons all number things with
  these functions, so that a link written by one stylesheet lands on an id written by another.

  Functions live in the namespace urn:tei-tools:xslt (prefix f).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- PARAMETER personography: the personography (a TEI document with a listPerson), as a
       document node. tei-tools passes the file given with (dash-dash)personography, or the
       persons.xml beside the editions. Persons found here get a link to the register, their
       full name and dates on hover. Default: none. -->
  <xsl:param name="personography" as="document-node()?" select="()"/>

  <!-- PARAMETER personography-file: the file name persName/@ref points to for the
       personography ("persons.xml#trotsky"). Default: persons.xml. -->
  <xsl:param name="personography-file" as="xs:string" select="'persons.xml'"/>

  <!-- PARAMETER add-quotation-marks: whether q, quote and said that carry no quotation marks
       of their own get marks from the renderer. "auto" (default): never in tei-tools editions
       (their marks are part of the text), otherwise only where neither the element's text nor
       the text around it has a quotation mark. "yes": always in that case. "no": never. -->
  <xsl:param name="add-quotation-marks" as="xs:string" select="'auto'"/>

  <xsl:key name="f:id" match="*[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="f:application" match="appInfo/application" use="string(@ident)"/>

  <!-- ===================================================================================
       Site pages in parts (see html/site-parts.xsl and tei_tools.render.site_parts)
       =================================================================================== -->

  <!-- PARAMETER summary: what a site page's frame needs to know of all the editions (how many,
       who is mentioned how often, the years of the chronology), as an s:summary document (set
       by tei-tools, not from the command line). -->
  <xsl:param name="summary" as="document-node()?" select="()"/>

  <!-- PARAMETER part-marker: the marker (chosen afresh by tei-tools for each run) that a page's
       frame writes where the parts made with each edition go (set by tei-tools). -->
  <xsl:param name="part-marker" as="xs:string" select="''"/>

  <!-- Where the parts named `key` go: "MARKER:key;" (tei_tools.render.site_parts puts them in). -->
  <xsl:function name="f:part" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$part-marker || ':' || $key || ';'"/>
  </xsl:function>

  <!-- A count of the site's summary (s:summary/@editions, @dates, ...), 0 without one. -->
  <xsl:function name="f:summary-count" as="xs:integer">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="xs:integer(($summary/*/@*[local-name() = $name], 0)[1])"/>
  </xsl:function>

  <!-- ===================================================================================
       What is read: reading units (one per TEI document) and their reading roots
       =================================================================================== -->

  <!-- One unit per TEI document; a teiCorpus gives one per member; any other root (a
       facsimile surface, a bare text) is one unit itself. -->
  <xsl:function name="f:reading-units" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="root" select="root($doc)/*" as="element()?"/>
    <xsl:sequence select="
        if ($root/self::teiCorpus) then $root//TEI
        else $root"/>
  </xsl:function>

  <!-- The parts of a unit whose words are the edition's text: a TEI's <text> elements, or
       (for a TEI without <text>, such as a genetic edition with only sourceDoc) everything
       but the header; any other unit is read whole. -->
  <xsl:function name="f:reading-roots" as="element()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="
        if ($unit/self::TEI) then
          (if ($unit/text) then $unit/text else $unit/*[not(self::teiHeader)])
        else $unit"/>
  </xsl:function>

  <!-- Every element of the reading text of a document, in document order. -->
  <xsl:function name="f:reading-elements" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="f:reading-units($doc) ! f:reading-roots(.) ! descendant-or-self::*"/>
  </xsl:function>

  <!-- ===================================================================================
       Numbering: deterministic ids shared by the edition pages and the register
       =================================================================================== -->

  <!-- Elements that mention a person: persName, and rs or name typed as a person. -->
  <xsl:function name="f:is-mention" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/self::persName) or exists($e/self::rs[@type = 'person']) or exists($e/self::name[@type = 'person'])"/>
  </xsl:function>

  <xsl:function name="f:mentions" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="f:reading-elements($doc)[f:is-mention(.)]"/>
  </xsl:function>

  <!-- Notes that become footnotes / endnotes: every note of the reading text that is not
       itself inside a note (a note in a note is rendered in place, inside its footnote). -->
  <xsl:function name="f:footnotes" as="element()*">
    <xsl:param name="scope" as="element()*"/>
    <xsl:sequence select="($scope ! descendant-or-self::note)[empty(ancestor::note)][not(f:is-endnote(.))]"/>
  </xsl:function>

  <!-- A note the text itself collects at the end (note place="end" standing in a division, as
       the source's own numbered notes in a div type="notes"): it stays where it is, and the
       markers that point at it (ref/@target) link to it. -->
  <xsl:function name="f:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/@place = 'end' and f:stands-alone($note)"/>
  </xsl:function>

  <!-- A line the source repeats (a title under itself, a caption twice): tei-tools marks the
       second one type="repeated"; pages show it once more only as a marked repetition. -->
  <xsl:function name="f:is-repetition" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/@type = 'repeated'"/>
  </xsl:function>

  <!-- A map from generate-id() to position (1-based) for a sequence of nodes. -->
  <xsl:function name="f:numbering" as="map(xs:string, xs:integer)">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($nodes) return map:entry(generate-id($nodes[$i]), $i))"/>
  </xsl:function>

  <!-- The HTML id of an element: its own xml:id when that is unique in the document (so
       that links into the TEI by id keep working), else a prefix and its number. -->
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="numbers" as="map(xs:string, xs:integer)"/>
    <xsl:sequence select="
        if (f:own-id($e)) then f:own-id($e)
        else $prefix || $numbers(generate-id($e))"/>
  </xsl:function>

  <!-- The element's xml:id if it is the first element carrying that id (a duplicate id in a
       broken document must not become a duplicate id in HTML), else the empty string. Ids
       starting with "tt-" are the stylesheets' own and are not taken from the TEI. -->
  <xsl:function name="f:own-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/@xml:id and normalize-space($e/@xml:id) = string($e/@xml:id)
            and not(starts-with($e/@xml:id, 'tt-'))
            and key('f:id', string($e/@xml:id), root($e))[1] is $e)
        then string($e/@xml:id) else ''"/>
  </xsl:function>

  <!-- Mention ids: the register (persons.xsl) computes them for each edition exactly as the
       edition page does. -->
  <xsl:function name="f:mention-ids" as="map(xs:string, xs:string)">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="f:mention-ids-of(f:mentions($doc))"/>
  </xsl:function>

  <!-- The same, from the document's mentions (f:mentions) where a stylesheet has them. -->
  <xsl:function name="f:mention-ids-of" as="map(xs:string, xs:string)">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="numbers" select="f:numbering($mentions)"/>
    <xsl:sequence select="map:merge($mentions ! map:entry(generate-id(.), f:id(., 'tt-m-', $numbers)))"/>
  </xsl:function>

  <!-- ===================================================================================
       Persons
       =================================================================================== -->

  <!-- The person a mention points to (first token of @ref): "#id" is a listPerson of the same
       document (or, failing that, of the personography); "FILE#id" with FILE named like the
       personography (or persons.xml, the tei-tools convention) is an entry of the
       personography. Anything else: none. -->
  <xsl:function name="f:person" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="ref" select="tokenize(normalize-space($mention/@ref))[1]"/>
    <xsl:variable name="file" select="if (contains($ref, '#')) then substring-before($ref, '#') else ()"/>
    <xsl:variable name="id" select="substring-after($ref, '#')"/>
    <xsl:choose>
      <xsl:when test="empty($file) or $id = ''"/>
      <xsl:when test="$file = ''">
        <xsl:sequence select="(key('f:id', $id, root($mention))[self::person],
                               f:registered-person($id))[1]"/>
      </xsl:when>
      <xsl:when test="tokenize($file, '[/\\]')[last()] = ($personography-file, 'persons.xml')">
        <xsl:sequence select="f:registered-person($id)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- Set by tei-tools with the personography (not from the command line): its persons by
       xml:id (common/person-index.xsl), made once per run instead of a key index built again
       in every transformation. Without it, the key. -->
  <xsl:param name="person-index" as="map(xs:string, element())?" select="()"/>

  <xsl:function name="f:registered-person" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists($person-index)) then $person-index($id)
        else if (exists($personography)) then key('f:id', $id, $personography)[self::person][1] else ()"/>
  </xsl:function>

  <xsl:function name="f:in-register" as="xs:boolean">
    <xsl:param name="person" as="element()?"/>
    <xsl:sequence select="exists($person) and exists($personography) and root($person) is $personography"/>
  </xsl:function>

  <!-- The display name: persName type="main", else the first persName. -->
  <xsl:function name="f:person-name" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="name" select="($person/persName[@type = 'main'], $person/persName)[1]"/>
    <xsl:sequence select="normalize-space(string-join($name//text(), ' '))"/>
  </xsl:function>

  <!-- "1879–1940", "b. 1805/1806", "d. 1940" or "" -->
  <xsl:function name="f:life-dates" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="born" select="f:year-label($person/birth[1])"/>
    <xsl:variable name="died" select="f:year-label($person/death[1])"/>
    <xsl:sequence select="
        if ($born and $died) then $born || '–' || $died
        else if ($born) then 'b. ' || $born
        else if ($died) then 'd. ' || $died
        else ''"/>
  </xsl:function>

  <!-- "Leon Trotsky (1879–1940)": what a mention shows on hover. -->
  <xsl:function name="f:person-label" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="dates" select="f:life-dates($person)"/>
    <xsl:sequence select="f:person-name($person) || (if ($dates) then ' (' || $dates || ')' else '')"/>
  </xsl:function>

  <!-- The year(s) of a dated element: @when, or @notBefore/@notAfter, @from/@to. -->
  <xsl:function name="f:year-label" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="years" select="distinct-values(
        subsequence(($e/@when, $e/@from, $e/@notBefore, $e/@to, $e/@notAfter), 1, 2) ! f:year(.))"/>
    <xsl:sequence select="
        if (empty($e)) then ''
        else if (exists($years)) then string-join($years, '/')
        else normalize-space($e)"/>
  </xsl:function>

  <xsl:function name="f:year" as="xs:string?">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="year" select="replace($iso, '^\s*(-?\d{4,}).*$', '$1', 's')"/>
    <xsl:sequence select="
        if (not(matches($iso, '^\s*-?\d{4,}'))) then ()
        else if (starts-with($year, '-')) then string(abs(xs:integer($year))) || ' BCE'
        else string(xs:integer($year))"/>
  </xsl:function>

  <!-- ===================================================================================
       Dates
       =================================================================================== -->

  <!-- The machine-readable value of a date: @when, else the start of its range. -->
  <xsl:function name="f:date-value" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- Whether a value may go into HTML's time/@datetime: a year (AD, 4+ digits), a month, a
       day, a time or a local date and time. (Yearless dates, month and day without a year, are left out:
       the Nu checker rejects them in time/@datetime.) -->
  <xsl:function name="f:is-html-datetime" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="string($value)"/>
    <xsl:sequence select="
        if (matches($v, '^0+(-|$)')) then false()
        else if (matches($v, '^\d{4,}$')) then true()
        else if (matches($v, '^\d{4,}-\d\d$')) then $v castable as xs:gYearMonth
        else if (matches($v, '^\d{4,}-\d\d-\d\d$')) then $v castable as xs:date
        else if (matches($v, '^\d{4,}-\d\d-\d\dT\d\d:\d\d$')) then ($v || ':00') castable as xs:dateTime
        else if (matches($v, '^\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?$')) then $v castable as xs:dateTime
        else if (matches($v, '^\d\d:\d\d$')) then ($v || ':00') castable as xs:time
        else if (matches($v, '^\d\d:\d\d:\d\d(\.\d{1,3})?$')) then $v castable as xs:time
        else false()"/>
  </xsl:function>

  <!-- A readable statement of a date's normalised values, for hover text: "1854-10 to 1856-07". -->
  <xsl:function name="f:date-description" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string-join((
        $date/@when ! string(.),
        $date/@from ! ('from ' || .), $date/@to ! ('to ' || .),
        $date/@notBefore ! ('not before ' || .), $date/@notAfter ! ('not after ' || .)), ' ')"/>
  </xsl:function>

  <!-- ===================================================================================
       Languages and writing direction
       =================================================================================== -->

  <!-- ISO 639-2 codes that have a two-letter ISO 639-1 equivalent are not valid BCP 47 tags
       (HTML wants "la", not "lat"); the common ones are mapped, others pass unchanged. -->
  <xsl:variable name="f:two-letter-codes" as="map(xs:string, xs:string)" select="map {
      'ara': 'ar', 'ces': 'cs', 'cze': 'cs', 'chi': 'zh', 'zho': 'zh', 'dan': 'da', 'deu': 'de',
      'ger': 'de', 'dut': 'nl', 'nld': 'nl', 'ell': 'el', 'gre': 'el', 'eng': 'en', 'fas': 'fa',
      'per': 'fa', 'fin': 'fi', 'fra': 'fr', 'fre': 'fr', 'heb': 'he', 'hun': 'hu', 'ita': 'it',
      'jpn': 'ja', 'lat': 'la', 'nor': 'no', 'pol': 'pl', 'por': 'pt', 'rus': 'ru', 'san': 'sa',
      'spa': 'es', 'swe': 'sv', 'tur': 'tr', 'ukr': 'uk', 'cym': 'cy', 'wel': 'cy', 'gle': 'ga',
      'isl': 'is', 'ice': 'is', 'ron': 'ro', 'rum': 'ro', 'slk': 'sk', 'slo': 'sk', 'hrv': 'hr',
      'srp': 'sr', 'bul': 'bg', 'cat': 'ca', 'eus': 'eu', 'baq': 'eu', 'yid': 'yi', 'urd': 'ur',
      'hin': 'hi', 'kor': 'ko', 'arm': 'hy', 'hye': 'hy', 'geo': 'ka', 'kat': 'ka' }"/>

  <!-- The two-letter language codes (ISO 639-1): a two-letter subtag outside this list is
       not a language, and HTML validators reject it. -->
  <xsl:variable name="f:iso639-1" as="xs:string" select="'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm
      bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy
      ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka
      kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms
      mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc
      sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
      ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'"/>

  <!-- Script subtags in common use in TEI (ISO 15924); others are dropped from the tag. -->
  <xsl:variable name="f:scripts" as="xs:string*" select="('Arab', 'Armn', 'Beng', 'Brai', 'Copt', 'Cyrl',
      'Cyrs', 'Deva', 'Ethi', 'Geor', 'Glag', 'Goth', 'Grek', 'Gujr', 'Hang', 'Hani', 'Hans', 'Hant',
      'Hebr', 'Hira', 'Jpan', 'Kana', 'Khmr', 'Kore', 'Latf', 'Latg', 'Latn', 'Mong', 'Ogam', 'Runr',
      'Sinh', 'Syrc', 'Syre', 'Syrj', 'Syrn', 'Taml', 'Telu', 'Thaa', 'Thai', 'Tibt', 'Zxxx', 'Zyyy')"/>

  <!-- A BCP 47 tag for an xml:lang value; "" (language unknown) when its language subtag
       cannot be one; () when there is no value. ISO 639-2 codes with a two-letter equivalent are
       mapped ("lat" to "la"); unknown script subtags and extended-language subtags are dropped,
       region, variant and private-use subtags kept. -->
  <xsl:function name="f:html-lang" as="xs:string?">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="tag" select="translate(normalize-space($code), '_', '-')"/>
    <xsl:variable name="subtags" select="tokenize($tag, '-')"/>
    <xsl:variable name="primary" select="lower-case($subtags[1])"/>
    <xsl:variable name="language" select="($f:two-letter-codes($primary), $primary)[1]"/>
    <xsl:variable name="private" select="index-of($subtags ! lower-case(.), 'x')[1]"/>
    <xsl:variable name="rest" select="if (exists($private)) then subsequence($subtags, 2, $private - 2) else subsequence($subtags, 2)"/>
    <xsl:variable name="kept" select="$rest[
        (string-length(.) = 4 and . = $f:scripts)
        or matches(., '^([A-Za-z]{2}|\d{3})$')
        or matches(., '^([A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3})$')]"/>
    <xsl:sequence select="
        if (empty($code)) then ()
        else if ($primary = 'x' or $primary = 'i') then (if (matches($tag, '^[A-Za-z]-[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$')) then $tag else '')
        else if (not(matches($primary, '^[a-z]{2,3}$'))) then ''
        else if (string-length($language) = 2 and not($language = tokenize($f:iso639-1))) then ''
        else string-join(($language, $kept, if (exists($private)) then subsequence($subtags, $private) else ()), '-')"/>
  </xsl:function>

  <xsl:variable name="f:rtl-languages" as="xs:string*"
      select="('ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku-arab', 'mid', 'ps', 'sam', 'sd', 'syc', 'syr', 'ug', 'ur', 'yi')"/>

  <xsl:function name="f:is-rtl" as="xs:boolean">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="subtags" select="tokenize(lower-case($tag), '-')"/>
    <xsl:sequence select="$subtags[1] = $f:rtl-languages
        or $subtags[position() gt 1] = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand')"/>
  </xsl:function>

  <!-- ===================================================================================
       Titles and plain text
       =================================================================================== -->

  <!-- The title of a unit (TEI, teiCorpus): the main title of its titleStmt. -->
  <xsl:function name="f:title" as="xs:string">
    <xsl:param name="unit" as="element()?"/>
    <xsl:variable name="titles" select="$unit/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:variable name="title" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <xsl:sequence select="f:plain($title)"/>
  </xsl:function>

  <xsl:function name="f:subtitles" as="xs:string*">
    <xsl:param name="unit" as="element()?"/>
    <xsl:variable name="titles" select="$unit/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <xsl:sequence select="($titles except $main)[@type = ('sub', 'alt', 'desc') or not(@type)] ! f:plain(.)"/>
  </xsl:function>

  <xsl:function name="f:authors" as="xs:string*">
    <xsl:param name="unit" as="element()?"/>
    <!-- identifiers inside author (a Wikidata idno) are not part of the name -->
    <xsl:sequence select="$unit/teiHeader/fileDesc/titleStmt/author ! f:plain(node() except idno)[. != '']"/>
  </xsl:function>

  <!-- The words of an element as one line: notes left out, whitespace normalised. -->
  <xsl:function name="f:plain" as="xs:string">
    <xsl:param name="e" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e" mode="f:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:template match="note | teiHeader | comment() | processing-instruction()" mode="f:plain"/>
  <xsl:template match="lb | cb | pb" mode="f:plain"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="text()" mode="f:plain"><xsl:sequence select="string(.)"/></xsl:template>
  <xsl:template match="*" mode="f:plain">
    <xsl:if test="f:is-container(.)"><xsl:sequence select="' '"/></xsl:if>
    <xsl:apply-templates mode="f:plain"/>
    <xsl:if test="f:is-container(.)"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>

  <!-- ===================================================================================
       Structure: which elements are blocks
       =================================================================================== -->

  <!-- Elements that always form a block of their own (a paragraph, a verse line, a list...). -->
  <xsl:variable name="f:block-names" as="xs:string*" select="(
      'TEI', 'teiCorpus', 'text', 'group', 'front', 'body', 'back', 'floatingText',
      'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'head', 'p', 'ab',
      'lg', 'l', 'sp', 'spGrp', 'speaker', 'list', 'listBibl', 'listPerson', 'listPlace', 'listOrg',
      'listEvent', 'listWit', 'table', 'row', 'cell', 'figure', 'titlePage', 'docTitle', 'titlePart',
      'docAuthor', 'docEdition', 'docImprint', 'docDate', 'byline', 'argument', 'epigraph', 'trailer',
      'opener', 'closer', 'dateline', 'salute', 'signed', 'postscript', 'castList', 'castGroup',
      'castItem', 'u', 'sourceDoc', 'surface', 'surfaceGrp', 'zone', 'line', 'facsimile', 'msDesc',
      'eg', 'egXML', 'biblStruct', 'biblFull', 'person', 'place', 'event', 'org', 'item',
      'label', 'entry', 'superEntry', 'sense', 'cit', 'address', 'addrLine', 'spanGrp', 'standOff')"/>

  <!-- Division-like parents: an element directly inside one of these stands as a block
       (a quote, bibl, stage direction or note between paragraphs). -->
  <xsl:variable name="f:division-names" as="xs:string*" select="(
      'TEI', 'text', 'group', 'front', 'body', 'back', 'floatingText', 'div', 'div1', 'div2',
      'div3', 'div4', 'div5', 'div6', 'div7', 'sp', 'spGrp', 'lg', 'cit', 'listBibl', 'figure',
      'argument', 'epigraph', 'titlePage', 'castList', 'opener', 'closer', 'postscript', 'sourceDoc',
      'surface', 'zone')"/>

  <!-- The same names as maps, for constant-time lookups (a tokenised novel has 10^5 elements). -->
  <xsl:variable name="f:division-set" as="map(xs:string, xs:boolean)"
      select="map:merge($f:division-names ! map:entry(., true()))"/>

  <!-- What f:is-container asks of an element, by its TEI name, in one look-up (it is asked of
       every element, several times): 'no' never a block, 'list' when in a list, 'table' when in
       a table, 'alone' when it stands alone between blocks, 'quote' (see below), 'yes' always;
       other names are not blocks. -->
  <xsl:variable name="f:container-rules" as="map(xs:string, xs:string)" select="map:merge((
      ('w', 'pc', 's', 'c', 'hi', 'persName', 'date', 'lb', 'pb') ! map:entry(., 'no'),
      ('item', 'label') ! map:entry(., 'list'),
      ('row', 'cell') ! map:entry(., 'table'),
      map:entry('cit', 'alone'),
      $f:block-names ! map:entry(., 'yes'),
      ('quote', 'q', 'said') ! map:entry(., 'quote'),
      ('bibl', 'stage', 'milestone', 'gap', 'graphic', 'figDesc', 'fw') ! map:entry(., 'alone')),
      map {'duplicates': 'use-first'})"/>

  <xsl:function name="f:is-container" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="rule" select="if (namespace-uri($e) eq 'http://www.tei-c.org/ns/1.0')
        then $f:container-rules(local-name($e)) else ()"/>
    <xsl:sequence select="
        if (empty($rule) or $rule eq 'no') then false()
        else if ($rule eq 'yes') then true()
        else if ($rule eq 'alone') then f:stands-alone($e)
        else if ($rule eq 'list') then exists($e/parent::list)
        else if ($rule eq 'table') then exists($e/ancestor::table)
        else $e/@type = 'block' or f:stands-alone($e)
             or exists($e/(p | ab | lg | l | list | sp | table | floatingText))"/>
  </xsl:function>

  <xsl:function name="f:stands-alone" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[f:is-tei(.) and map:contains($f:division-set, local-name())])"/>
  </xsl:function>

  <xsl:function name="f:is-tei" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'"/>
  </xsl:function>

  <!-- Elements that must be rendered as blocks because a block sits inside them (a q holding
       verse lines, a p holding a list): every ancestor of a block up to the nearest note
       (a note's content goes to the footnotes, so it does not make its ancestors blocks).
       A block whose parent is a block itself only marks that parent: the parent's own entry
       marks the rest, which keeps this linear in the size of the document. -->
  <xsl:function name="f:block-holders" as="map(xs:string, xs:boolean)">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="map:merge(
        for $block in $elements[f:is-container(.)]
        return
          if ($block/parent::note) then ()
          else if ($block/parent::*[f:is-container(.)]) then map:entry(generate-id($block/..), true())
          else
            let $note := $block/ancestor::note[1]
            return (if (empty($note)) then $block/ancestor::* else $block/ancestor::*[. >> $note])
                   ! map:entry(generate-id(.), true()),
        map {'duplicates': 'use-first'})"/>
  </xsl:function>

  <!-- The depth of a heading: how many headed divisions enclose it (its own included), so
       that levels never skip (h2 then h5) when divisions without heads sit in between. -->
  <xsl:function name="f:heading-depth" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="max((1, count($head/ancestor::*[self::div or self::div1 or self::div2 or self::div3
        or self::div4 or self::div5 or self::div6 or self::div7 or self::group or self::floatingText][head])))"/>
  </xsl:function>

  <!-- ===================================================================================
       Quotation marks
       =================================================================================== -->

  <xsl:variable name="f:quote-marks" as="xs:string">"“”„‟«»‹›'‘’‚‛「」『』〝〞〟＂</xsl:variable>

  <xsl:function name="f:starts-with-mark" as="xs:boolean">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:sequence select="$t != '' and contains($f:quote-marks, substring($t, 1, 1))"/>
  </xsl:function>

  <xsl:function name="f:ends-with-mark" as="xs:boolean">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($s)"/>
    <xsl:sequence select="$t != '' and contains($f:quote-marks, substring($t, string-length($t), 1))"/>
  </xsl:function>

  <!-- Whether the renderer adds quotation marks to this q/quote/said (see the parameter
       add-quotation-marks). A tei-tools edition keeps its marks in the text; elsewhere marks
       are added only when neither the quotation nor the text right around it has one. -->
  <xsl:function name="f:adds-marks" as="xs:boolean">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="mode" select="
        if ($add-quotation-marks = 'auto')
        then (if (key('f:application', 'tei-tools', root($q))) then 'no' else 'auto')
        else $add-quotation-marks"/>
    <!-- Only the first and last character of its words matter: without notes (or a header)
         inside, they are those of its string value, which costs far less than f:plain. -->
    <xsl:variable name="own" select="if ($q//(note | teiHeader)) then f:plain($q) else normalize-space($q)"/>
    <xsl:sequence select="$mode != 'no'
        and not($q/@rend = ('none', 'inline', 'noquotes', 'plain', 'display', 'block'))
        and $own != ''
        and not(f:starts-with-mark($own) or f:ends-with-mark($own)
                or f:ends-with-mark($q/preceding::text()[normalize-space()][1])
                or f:starts-with-mark($q/following::text()[normalize-space()][1]))"/>
  </xsl:function>

  <!-- ===================================================================================
       What kind of text, of which year: the site's facets
       =================================================================================== -->

  <!-- The kind of source: what a tei-tools edition says (sourceDesc/bibl/@type), else what the
       TEI shows (letters, drama, verse, spoken, manuscript), else "Prose". -->
  <xsl:function name="f:kind" as="xs:string">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="header" select="($top/teiHeader, $top//teiHeader)[1]"/>
    <xsl:variable name="declared" select="lower-case(normalize-space(($header/fileDesc/sourceDesc/bibl/@type)[1]))"/>
    <xsl:variable name="known" select="map {
        'book': 'Book excerpt', 'biography': 'Biography', 'transcript': 'Podcast transcript', 'letter': 'Letter',
        'letters': 'Letters', 'journal': 'Journal', 'diary': 'Diary'}"/>
    <xsl:variable name="text" select="$top/descendant-or-self::text[1]"/>
    <xsl:sequence select="
        if ($declared != '' and map:contains($known, $declared)) then $known($declared)
        else if ($declared != '') then upper-case(substring($declared, 1, 1)) || substring($declared, 2)
        else if ($header/profileDesc/correspDesc or $text//div[@type = 'letter'] or $text//opener/salute) then 'Letter'
        else if ($text//sp) then 'Drama'
        else if ($text//u) then 'Spoken'
        else if ($header/fileDesc/sourceDesc/msDesc or $top/self::surface or $top//sourceDoc) then 'Manuscript'
        else if (count(($text//l)[position() le 50]) ge 50 or (exists($text//l) and empty($text//p))) then 'Verse'
        else 'Prose'"/>
  </xsl:function>

  <!-- The year of the source (not of this edition): when it was written or published. -->
  <xsl:function name="f:source-year" as="xs:string?">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="header" select="($top/teiHeader, $top//teiHeader)[1]"/>
    <xsl:variable name="dates" select="(
        $header/profileDesc/creation//date, $header/profileDesc/correspDesc//date,
        $header/fileDesc/sourceDesc/bibl/date, $header/fileDesc/sourceDesc//imprint/date,
        $header/fileDesc/sourceDesc//date, $top/descendant-or-self::text[1]//docDate)"/>
    <xsl:sequence select="($dates ! (@when, @notBefore, @from, @when-iso)[1] ! f:year(string(.)))[1]"/>
  </xsl:function>

  <!-- ===================================================================================
       Small helpers
       =================================================================================== -->

  <!-- A yes/no parameter: "yes", "true" or "1" mean yes. -->
  <xsl:function name="f:yes" as="xs:boolean">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="lower-case(normalize-space($value)) = ('yes', 'true', '1')"/>
  </xsl:function>

  <!-- @rend and @type tokens as CSS class names (letters, digits, - and _ only). -->
  <xsl:function name="f:classes" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="extra" as="xs:string*"/>
    <xsl:sequence select="if (empty($e/@rend) and empty($e/@type)) then string-join(distinct-values($extra), ' ')
        else string-join(distinct-values((
        $extra,
        tokenize(normalize-space($e/@rend)) ! replace(., '[^A-Za-z0-9_-]', '') [. != ''] ! ('r-' || .),
        tokenize(normalize-space($e/@type)) ! replace(., '[^A-Za-z0-9_-]', '') [. != ''] ! ('t-' || .))), ' ')"/>
  </xsl:function>

  <!-- A usable href from a TEI pointer: spaces and other IRI characters escaped; a
       javascript: URL is never passed on. -->
  <xsl:function name="f:href" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="t" select="tokenize(normalize-space($target))[1]"/>
    <xsl:sequence select="if (empty($t) or matches($t, '^\s*(javascript|vbscript|data):', 'i')) then ()
                          else replace(replace(iri-to-uri(replace($t, '\\', '/')), '\[', '%5B'), '\]', '%5D')"/>
  </xsl:function>

</xsl:stylesheet>
