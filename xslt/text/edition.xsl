<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI document to a plain-text reading version (UTF-8, lines of at most line-width
  characters where words allow).

    TITLE block (title, subtitles, authors, source, responsibilities, publication)
    ==========  a rule
    Section heading         (underlined: = for the first level, hyphens for the second, ~ below)
    ===============

    Paragraphs, separated by blank lines.

        Block quotations indented by four spaces, with their source (cit/bibl).

    - list items
      | figure captions
    Notes                   the document's notes as numbered endnotes; markers [1] in the text
    ~~~~~                   (underlined with hyphens)

    [1] The note.

  Quotation marks are those of the source (see add-quotation-marks in
  ../common/functions.xsl for TEI whose q elements carry none). Every word of the TEI <text>
  appears, in order; the notes at the end. Whatever the stylesheet adds itself (title block,
  note numbers, the Notes heading) is enclosed in generated-start/generated-end, empty by
  default, so a check can tell text from apparatus.

  Works in two passes: TEI -> a sequence of strings (inline text) and blocks, then blocks ->
  lines (f:layout), which wraps text and adds indents and list or note prefixes. A block is a
  map (see f:b and f:group): its kind (para, line, heading, title, rule, group), its text, or
  for a group its blocks and the prefixes of its lines. Maps, not elements: a group holds its
  blocks without copying them, however deep a paragraph sits.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xmlns:t="urn:tei-tools:text"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:include href="correspondence.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- PARAMETER line-width: the longest line, in characters, for wrapping paragraphs; 0 keeps
       each paragraph on one line. Default: 72 -->
  <xsl:param name="line-width" as="xs:string" select="'72'"/>

  <!-- PARAMETER notes-heading: heading of the endnotes. Default: Notes -->
  <xsl:param name="notes-heading" as="xs:string" select="'Notes'"/>

  <!-- PARAMETER show-header: "yes" (default) shows what the teiHeader says before the text:
       title, authors, source, responsibilities, publication, licence (and, in HTML, a folded
       "About this edition" with the editorial declarations); "no" shows title and authors only. -->
  <xsl:param name="show-header" as="xs:string" select="'yes'"/>

  <!-- PARAMETER generated-start: written before everything the stylesheet adds itself (for
       checks of the text's fidelity; the tests use U+E000). Default: empty -->
  <xsl:param name="generated-start" as="xs:string" select="''"/>

  <!-- PARAMETER generated-end: written after everything the stylesheet adds itself (the tests
       use U+E001). Default: empty -->
  <xsl:param name="generated-end" as="xs:string" select="''"/>

  <xsl:variable name="f:width" as="xs:integer"
      select="if ($line-width castable as xs:integer) then xs:integer($line-width) else 72"/>
  <xsl:variable name="f:units" select="f:reading-units(/)" as="element()*"/>
  <xsl:variable name="f:note-numbers" as="map(*)"
      select="f:numbering(f:footnotes($f:units ! f:reading-roots(.)))"/>
  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>

  <xsl:function name="f:gen" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="$generated-start || $s || $generated-end"/>
  </xsl:function>

  <!-- ===================================================================================
       The document
       =================================================================================== -->

  <xsl:template match="/">
    <xsl:variable name="top" select="*" as="element()"/>
    <xsl:variable name="blocks" as="map(*)*">
      <xsl:call-template name="f:title-block">
        <xsl:with-param name="top" select="$top"/>
      </xsl:call-template>
      <xsl:for-each select="$f:units">
        <xsl:if test="parent::teiCorpus">
          <xsl:sequence select="f:b('heading', f:gen((f:title(.)[. != ''], 'Text ' || position())[1]), map {'level': '1'})"/>
        </xsl:if>
        <xsl:sequence select="f:paragraphs(f:reading-roots(.) ! f:items(.), 'para')"/>
        <xsl:call-template name="f:endnotes">
          <xsl:with-param name="notes" select="f:footnotes(f:reading-roots(.))"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-join(f:stack($blocks, $f:width, false()), $NL) || $NL"/>
  </xsl:template>

  <xsl:template name="f:title-block" as="map(*)*">
    <xsl:param name="top" as="element()"/>
    <xsl:variable name="header" select="$top/teiHeader"/>
    <xsl:variable name="title" select="(f:title($top)[. != ''],
        replace(tokenize(string(base-uri($top)), '/')[last()], '\.[^.]*$', ''))[1]"/>
    <xsl:sequence select="f:b('title', f:gen($title), ())"/>
    <xsl:variable name="byline" as="xs:string*">
      <xsl:sequence select="f:subtitles($top)[. != '']"/>
      <xsl:sequence select="string-join(f:authors($top), ', ')[. != ''] ! ('by ' || .)"/>
    </xsl:variable>
    <xsl:variable name="facts" as="xs:string*">
      <xsl:if test="f:yes($show-header)">
        <xsl:variable name="file" select="$header/fileDesc"/>
        <xsl:sequence select="$file/sourceDesc/* ! f:source-text(.)[. != ''] ! ('Source: ' || .)"/>
        <xsl:sequence select="$file/sourceDesc//note[@type = ('credit', 'copyright')] ! f:plain(.)[. != ''] ! ('Credit: ' || .)"/>
        <xsl:sequence select="$file/sourceDesc/bibl/note[@type = 'not-given'] ! f:plain(.)[. != '']"/>
        <xsl:for-each select="($file/sourceDesc/bibl | $file/titleStmt | $file/editionStmt)/(respStmt | editor | funder | sponsor | principal)">
          <xsl:variable name="role" select="
              if (self::respStmt) then string-join((resp ! f:plain(.))[. != ''], ', ')
              else if (self::editor) then (@role[normalize-space()] ! string(.), 'Editor')[1]
              else local-name()"/>
          <xsl:variable name="who" select="if (self::respStmt) then f:credited(.)[. != ''] else f:plain(.)"/>
          <xsl:if test="exists($who) and $role">
            <xsl:sequence select="upper-case(substring($role, 1, 1)) || substring($role, 2) || ': ' || string-join($who, ', ')"/>
          </xsl:if>
        </xsl:for-each>
        <xsl:variable name="publication" select="$file/publicationStmt"/>
        <xsl:sequence select="string-join(distinct-values(($publication/(publisher | distributor | authority),
            $publication/pubPlace) ! f:plain(.)[. != '']), ', ')[. != ''] ! ('Published by: ' || .)"/>
        <xsl:sequence select="$publication/date[1] ! (f:plain(.)[. != ''], normalize-space(@when))[. != ''][1] ! ('Date of this edition: ' || .)"/>
        <xsl:sequence select="$publication/availability ! (f:plain(.)[. != ''] || string-join(.//licence/@target ! (' &lt;' || normalize-space(.) || '&gt;')))[. != ''] ! ('Licence: ' || .)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:for-each select="(1, 2)[(. = 1 and exists($byline)) or (. = 2 and exists($facts))]">
      <xsl:sequence select="f:group((if (. = 1) then $byline else $facts) ! f:b('para', f:gen(.), ()), f:tight())"/>
    </xsl:for-each>
    <xsl:sequence select="f:b('rule', '', map {'char': '='})"/>
  </xsl:template>

  <!-- Who a respStmt credits: its names, each with the organisation it is credited for. -->
  <xsl:function name="f:credited" as="xs:string">
    <xsl:param name="statement" as="element()"/>
    <xsl:variable name="names" select="$statement/(name | persName | orgName) ! f:plain(.)[. != '']"/>
    <xsl:variable name="for" select="$statement/note[@type = 'affiliation'] ! f:plain(node())[. != '']"/>
    <xsl:sequence select="string-join($names, ', ') || (if (exists($for)) then ' (for ' || string-join($for, ', ') || ')' else '')"/>
  </xsl:function>

  <xsl:function name="f:source-text" as="xs:string">
    <xsl:param name="source" as="element()"/>
    <xsl:variable name="text" select="
        if ($source/self::msDesc) then f:plain($source/msIdentifier)
        else if ($source/self::biblFull) then f:plain(($source/titleStmt/title)[1])
        else if ($source[self::bibl or self::biblStruct][not(text()[normalize-space()])])
          then string-join(($source/* except ($source/note | $source/respStmt)) ! f:plain(.)[. != ''], ', ')
        else if ($source/self::bibl) then f:plain($source/node() except $source/note)
        else f:plain($source)"/>
    <xsl:sequence select="if (string-length($text) le 300) then $text
        else replace(substring($text, 1, 300), '\s+\S*$', '') || ' …'"/>
  </xsl:function>

  <xsl:template name="f:endnotes" as="map(*)*">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="exists($notes)">
      <xsl:sequence select="f:b('heading', f:gen($notes-heading), map {'level': '2'})"/>
      <xsl:for-each select="$notes">
        <xsl:variable name="marker" select="'[' || $f:note-numbers(generate-id(.)) || ']'"/>
        <xsl:sequence select="f:group(f:paragraphs(node() ! f:items(.), 'para'), map {
            'first': f:gen($marker) || ' ', 'rest': string-join(for $i in 0 to string-length($marker) return ' ')})"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================================
       Pass 1: TEI -> strings and blocks
       =================================================================================== -->

  <xsl:function name="f:items" as="item()*">
    <xsl:param name="node" as="node()"/>
    <xsl:apply-templates select="$node" mode="t"/>
  </xsl:function>

  <!-- Strings next to each other become a block of $kind; blocks stay as they are. -->
  <!-- A block: map {'kind': ..., 'text': ...} plus what $more adds ('level' of a heading,
       'char' of a rule). -->
  <xsl:function name="f:b" as="map(*)">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="more" as="map(*)?"/>
    <xsl:sequence select="if (empty($more)) then map {'kind': $kind, 'text': $text}
                          else map:merge(($more, map {'kind': $kind, 'text': $text}))"/>
  </xsl:function>

  <!-- A group of blocks: map {'kind': 'group', 'blocks': ...} plus its settings ('first' and
       'rest': the prefixes of its first and later lines; 'tight': 'yes' for no blank lines). -->
  <xsl:function name="f:group" as="map(*)">
    <xsl:param name="blocks" as="map(*)*"/>
    <xsl:param name="settings" as="map(*)*"/>
    <xsl:sequence select="map:merge(($settings, map {'kind': 'group', 'blocks': $blocks}))"/>
  </xsl:function>

  <!-- The text of a block, as string() of an element would give it: a group's is that of its
       blocks. -->
  <xsl:function name="f:text-of" as="xs:string">
    <xsl:param name="b" as="map(*)"/>
    <xsl:sequence select="if ($b?kind = 'group') then string-join($b?blocks ! f:text-of(.)) else $b?text"/>
  </xsl:function>

  <xsl:function name="f:paragraphs" as="map(*)*">
    <xsl:param name="items" as="item()*"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:for-each-group select="$items" group-adjacent=". instance of xs:string">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:variable name="text" select="string-join(current-group())"/>
          <xsl:if test="normalize-space($text)">
            <xsl:sequence select="f:b($kind, $text, ())"/>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="current-group()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A block of $kind from the element's content; a group when blocks sit inside it. -->
  <xsl:function name="f:block" as="map(*)?">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="items" as="item()*"/>
    <xsl:param name="settings" as="map(*)*"/>
    <xsl:variable name="blocks" select="f:paragraphs($items, $kind)"/>
    <xsl:choose>
      <xsl:when test="empty($blocks)"/>
      <xsl:when test="count($blocks) = 1 and $blocks?kind = $kind and empty($settings)">
        <xsl:sequence select="$blocks"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:group($blocks, $settings)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:indent" as="map(*)">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:sequence select="map {'first': $prefix, 'rest': $prefix}"/>
  </xsl:function>

  <xsl:function name="f:tight" as="map(*)">
    <xsl:sequence select="map {'tight': 'yes'}"/>
  </xsl:function>

  <!-- Line breaks and tabs of the source are spaces; runs of spaces are collapsed when the
       paragraph is wrapped (translate, because a regular expression over every text node of a
       novel costs seconds). -->
  <xsl:template match="text()" mode="t">
    <xsl:sequence select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction() | teiHeader" mode="t"/>

  <!-- Unknown elements keep their text: inline, or a paragraph when TEI makes them a block. -->
  <xsl:template match="*" mode="t">
    <xsl:choose>
      <xsl:when test="f:is-container(.)">
        <xsl:sequence select="f:block('para', f:children(.), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="t"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="f:children" as="item()*">
    <xsl:param name="e" as="element()"/>
    <xsl:apply-templates select="$e/node()" mode="t"/>
  </xsl:function>

  <!-- Structure: groups of blocks, blank lines between them. -->
  <xsl:template match="TEI | teiCorpus | text | group | front | body | back | floatingText | sourceDoc
                       | facsimile | div | div1 | div2 | div3 | div4 | div5 | div6 | div7 | titlePage
                       | docTitle | argument | epigraph | opener | closer | postscript | surface | zone
                       | surfaceGrp | listBibl | castGroup | spGrp" mode="t">
    <xsl:sequence select="f:block('para', f:children(.), ())"/>
  </xsl:template>

  <!-- A line the source repeats: shown as a marked repetition, never as a second heading. -->
  <xsl:template match="head[f:is-repetition(.)] | titlePart[f:is-repetition(.)]" mode="t" priority="2">
    <xsl:sequence select="f:block('para', (f:gen('(repeated in the source) '), f:children(.)), ())"/>
  </xsl:template>

  <xsl:template match="head" mode="t">
    <xsl:variable name="is-heading" select="exists(parent::*[self::div or self::div1 or self::div2 or self::div3
        or self::div4 or self::div5 or self::div6 or self::div7 or self::group or self::body or self::front
        or self::back or self::floatingText or self::text])"/>
    <xsl:variable name="level" select="(if (ancestor::teiCorpus) then 1 else 0) + f:heading-depth(.)"/>
    <xsl:variable name="items" select="f:children(.)"/>
    <xsl:choose>
      <xsl:when test="$is-heading and (every $i in $items satisfies $i instance of xs:string)">
        <xsl:sequence select="f:b('heading', string-join($items), map {'level': string($level)})"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:block('para', $items, ())"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="p | ab | docAuthor | docEdition | docImprint | docDate | titlePart | byline | trailer
                       | dateline | salute | signed | speaker | figDesc | addrLine | fw" mode="t">
    <xsl:choose>
      <xsl:when test="f:is-container(.) or not(parent::*)">
        <xsl:sequence select="f:block('para', f:children(.), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:children(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Verse: a line per l, stanzas separated by blank lines; speeches kept together. -->
  <xsl:template match="lg" mode="t">
    <xsl:sequence select="f:block('line', f:children(.), if (lg) then () else f:tight())"/>
  </xsl:template>

  <xsl:template match="l | line" mode="t">
    <xsl:sequence select="f:block('line', f:children(.), ())"/>
  </xsl:template>

  <xsl:template match="sp | castList | castItem | address" mode="t">
    <xsl:sequence select="f:block('para', f:children(.), f:tight())"/>
  </xsl:template>

  <xsl:template match="stage | bibl" mode="t">
    <xsl:choose>
      <xsl:when test="f:is-container(.)">
        <xsl:sequence select="f:block('para', f:children(.), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:children(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Quotations: a block quotation is indented by four spaces; within cit, its source too. -->
  <xsl:template match="q | quote | said" mode="t">
    <xsl:choose>
      <xsl:when test="f:is-container(.)">
        <xsl:sequence select="f:block('para', f:children(.), f:indent('    '))"/>
      </xsl:when>
      <xsl:when test="f:adds-marks(.)">
        <xsl:variable name="marks" select="f:marks(.)"/>
        <xsl:sequence select="$marks[1], f:children(.), $marks[2]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:children(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Marks by language and nesting: “…” and ‘…’ by default, „…“ and ‚…‘ for German, «…» and
       ‹…› for French. -->
  <xsl:function name="f:marks" as="xs:string+">
    <xsl:param name="q" as="element()"/>
    <xsl:variable name="lang" select="lower-case(substring(((($q/ancestor-or-self::*/@xml:lang)[last()]), '')[1], 1, 2))"/>
    <xsl:variable name="inner" select="count($q/ancestor::*[self::q or self::quote or self::said]
        [not(f:is-container(.))]) mod 2 = 1"/>
    <xsl:sequence select="
        if ($lang = 'de') then (if ($inner) then ('‚', '‘') else ('„', '“'))
        else if ($lang = 'fr') then (if ($inner) then ('‹', '›') else ('«', '»'))
        else if ($inner) then ('‘', '’') else ('“', '”')"/>
  </xsl:function>

  <xsl:template match="cit" mode="t">
    <xsl:choose>
      <xsl:when test="f:is-container(.)">
        <xsl:sequence select="f:block('para', f:children(.), ())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:children(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cit/bibl" mode="t">
    <xsl:sequence select="if (f:is-container(.)) then f:block('para', f:children(.), f:indent('    ')) else f:children(.)"/>
  </xsl:template>

  <!-- Lists: "- " before each item (a label goes with its item); heads first. -->
  <xsl:template match="list" mode="t">
    <xsl:variable name="heads" select="head[empty(preceding-sibling::item | preceding-sibling::label)]"/>
    <xsl:variable name="items" as="map(*)*">
      <xsl:for-each-group select="node() except $heads"
          group-starting-with="label | item[not(preceding-sibling::*[1][self::label])]">
        <xsl:variable name="content" as="item()*">
          <xsl:for-each select="current-group()">
            <xsl:sequence select="if (self::item or self::label) then f:children(.) else f:items(.)"/>
            <xsl:if test="self::label"><xsl:sequence select="' '"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="some $i in $content satisfies ($i instance of map(*) or normalize-space($i))">
          <xsl:sequence select="f:group(f:paragraphs($content, 'para'), map {'first': '- ', 'rest': '  '})"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="f:block('para', ($heads ! f:block('para', f:children(.), ()), $items), ())"/>
  </xsl:template>

  <xsl:template match="table" mode="t">
    <xsl:variable name="rows" as="map(*)*">
      <xsl:for-each-group select="node()" group-adjacent="exists(self::row)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:for-each select="current-group()">
              <xsl:sequence select="f:b('para', string-join(node()[self::* or normalize-space()] ! f:flat(f:items(.)), ' | '), ())"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="f:paragraphs(current-group() ! f:items(.), 'para')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="f:block('para', $rows, f:tight())"/>
  </xsl:template>

  <!-- Strings and blocks as one line (table cells). -->
  <xsl:function name="f:flat" as="xs:string">
    <xsl:param name="items" as="item()*"/>
    <xsl:sequence select="normalize-space(string-join($items ! (if (. instance of map(*)) then ' ' || f:text-of(.) || ' ' else string(.))))"/>
  </xsl:function>

  <xsl:template match="figure" mode="t">
    <xsl:variable name="missing" as="map(*)?">
      <xsl:if test="not(.//graphic[@url] or .//media[@url])"><xsl:sequence select="f:b('para', f:gen('[Image not reproduced]'), ())"/></xsl:if>
    </xsl:variable>
    <xsl:sequence select="f:block('para', ($missing, f:children(.)), (f:indent('  | '), f:tight()))"/>
  </xsl:template>

  <xsl:template match="graphic | media" mode="t">
    <xsl:sequence select="f:gen('[image]'), f:children(.)"/>
  </xsl:template>

  <!-- Notes: a marker; the note among the endnotes. A note in a note stays, in brackets. -->
  <xsl:template match="note" mode="t">
    <xsl:variable name="n" select="$f:note-numbers(generate-id(.))"/>
    <xsl:choose>
      <xsl:when test="f:is-endnote(.)">
        <xsl:sequence select="f:block('para', f:children(.), ())"/>
      </xsl:when>
      <xsl:when test="exists($n)">
        <xsl:sequence select="f:gen('[' || $n || ']')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="' [', f:children(.), '] '"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Breaks: lb ends the line; pages and columns leave no trace; a section break is a row of
       asterisks. -->
  <xsl:template match="lb" mode="t">
    <xsl:sequence select="$NL"/>
  </xsl:template>

  <xsl:template match="pb | cb | anchor | index | interpGrp | interp" mode="t">
    <xsl:apply-templates mode="t"/>
  </xsl:template>

  <xsl:template match="milestone" mode="t">
    <xsl:if test="(@unit = ('section', 'part', 'scene', 'break', 'asterism') or @type = ('break', 'section', 'asterism'))
                  and f:is-container(.)">
      <xsl:sequence select="f:b('rule', '', map {'char': '*'})"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="gap" mode="t">
    <xsl:sequence select="f:gen('[…]'), f:children(.)"/>
  </xsl:template>

  <xsl:template match="ptr" mode="t">
    <xsl:sequence select="f:gen('&lt;' || normalize-space(@target) || '&gt;')"/>
  </xsl:template>

  <xsl:template match="ref[not(node())][@target]" mode="t">
    <xsl:sequence select="f:gen('&lt;' || normalize-space(@target) || '&gt;')"/>
  </xsl:template>

  <!-- Critical apparatus and editorial choices: the first reading, the others in brackets. -->
  <xsl:template match="choice/*[preceding-sibling::*] | rdg | rdgGrp" mode="t">
    <xsl:variable name="witnesses" select="normalize-space(replace(string-join((@wit, @source), ' '), '#', ''))"/>
    <xsl:sequence select="' [', f:children(.), if ($witnesses) then f:gen(' ' || $witnesses) else (), '] '"/>
  </xsl:template>

  <xsl:template match="del" mode="t">
    <xsl:sequence select="'⟦', f:children(.), '⟧'"/>
  </xsl:template>

  <xsl:template match="supplied" mode="t">
    <xsl:sequence select="'[', f:children(.), ']'"/>
  </xsl:template>

  <!-- ===================================================================================
       Pass 2: blocks -> lines
       =================================================================================== -->

  <!-- A block as lines of text (no trailing newline). -->
  <xsl:function name="f:layout" as="xs:string*">
    <xsl:param name="b" as="map(*)"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="kind" select="$b?kind"/>
    <xsl:choose>
      <xsl:when test="$kind = 'group'">
        <xsl:variable name="first" select="string($b?first)"/>
        <xsl:variable name="rest" select="string($b?rest)"/>
        <xsl:variable name="blank" select="replace($rest, ' +$', '')"/>
        <xsl:variable name="inner" select="$width - max((string-length($first), string-length($rest)))"/>
        <xsl:variable name="lines" select="f:stack($b?blocks, $inner, $b?tight = 'yes')"/>
        <xsl:sequence select="
            if ($first = '' and $rest = '') then $lines
            else for $i in 1 to count($lines)
                 return if ($lines[$i] = '') then $blank
                        else (if ($i = 1) then $first else $rest) || $lines[$i]"/>
      </xsl:when>
      <xsl:when test="$kind = 'heading'">
        <xsl:variable name="lines" select="f:wrap($b?text, $width)"/>
        <xsl:variable name="char" select="if ($b?level = '1') then '=' else if ($b?level = '2') then '-' else '~'"/>
        <xsl:sequence select="$lines, f:repeat($char, max($lines ! string-length(f:visible(.))))"/>
      </xsl:when>
      <xsl:when test="$kind = 'title'">
        <xsl:variable name="lines" select="f:wrap($b?text, $width)"/>
        <xsl:variable name="rule" select="f:repeat('=', max($lines ! string-length(f:visible(.))))"/>
        <xsl:sequence select="$rule, $lines, $rule"/>
      </xsl:when>
      <xsl:when test="$kind = 'rule'">
        <xsl:sequence select="if ($b?char = '*') then '*   *   *' else f:repeat($b?char, max((3, $width)))"/>
      </xsl:when>
      <xsl:when test="$kind = 'line'">
        <xsl:variable name="lines" select="f:wrap($b?text, $width - 2)"/>
        <xsl:sequence select="$lines[1], subsequence($lines, 2) ! ('  ' || .)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:wrap($b?text, $width)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Blocks one after the other: a blank line between them, or none when tight. -->
  <xsl:function name="f:stack" as="xs:string*">
    <xsl:param name="blocks" as="map(*)*"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="tight" as="xs:boolean"/>
    <xsl:iterate select="$blocks">
      <xsl:param name="started" as="xs:boolean" select="false()"/>
      <xsl:variable name="lines" select="f:layout(., $width)"/>
      <xsl:if test="exists($lines) and $started and not($tight)">
        <xsl:sequence select="''"/>
      </xsl:if>
      <xsl:sequence select="$lines"/>
      <xsl:next-iteration>
        <xsl:with-param name="started" select="$started or exists($lines)"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- Lines of at most $width characters, broken at spaces (a longer word gets a line of its
       own); a newline in the text (from lb) always breaks. -->
  <xsl:function name="f:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:for-each select="(if (contains($text, $NL)) then tokenize($text, '&#10;') else $text) ! normalize-space(.)[. != '']">
      <xsl:choose>
        <xsl:when test="$f:width le 0 or string-length(.) le $width">
          <xsl:sequence select="."/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="f:break(., max((20, $width)))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- Greedy filling of a text whose words are separated by single spaces, a line at a time:
       the rest when it fits, else up to the last space within the width, else (a word longer
       than the line) up to the next space. Each line looks only at its own stretch of the
       text, so a paragraph costs time in proportion to its length, however long. -->
  <xsl:function name="f:break" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:iterate select="1 to $length">
      <xsl:param name="start" as="xs:integer" select="1"/>
      <xsl:choose>
        <xsl:when test="$length - $start + 1 le $width">
          <xsl:sequence select="substring($text, $start)[. != '']"/>
          <xsl:break/>
        </xsl:when>
        <xsl:otherwise>
          <!-- where the line ends, counted from $start: the space after it -->
          <xsl:variable name="last" select="f:last-space($text, $start, $width + 1)"/>
          <xsl:variable name="cut" select="if (exists($last)) then $last else f:next-space($text, $start, $width * 4)"/>
          <xsl:choose>
            <xsl:when test="empty($cut)">
              <xsl:sequence select="substring($text, $start)"/>
              <xsl:break/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="substring($text, $start, $cut - 1)"/>
              <xsl:next-iteration>
                <xsl:with-param name="start" select="$start + $cut"/>
              </xsl:next-iteration>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The last space of the $length characters from $start (counted from $start), or none:
       looked for among the last 16 characters first, where it nearly always is. -->
  <xsl:function name="f:last-space" as="xs:integer?">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="start" as="xs:integer"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="tail" select="min(($length, 16))"/>
    <xsl:variable name="in-tail" select="index-of(string-to-codepoints(substring($text, $start + $length - $tail, $tail)), 32)[last()]"/>
    <xsl:sequence select="if (exists($in-tail)) then $length - $tail + $in-tail
        else index-of(string-to-codepoints(substring($text, $start, $length - $tail)), 32)[last()]"/>
  </xsl:function>

  <!-- The first space at or after $start (counted from $start, 1 for $start itself), looked
       for in windows of growing size so that a long word costs its own length, not the
       rest of the text's. -->
  <xsl:function name="f:next-space" as="xs:integer?">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="start" as="xs:integer"/>
    <xsl:param name="window" as="xs:integer"/>
    <xsl:variable name="stretch" select="substring($text, $start, $window)"/>
    <xsl:sequence select="
        if (contains($stretch, ' ')) then string-length(substring-before($stretch, ' ')) + 1
        else if ($start + $window gt string-length($text)) then ()
        else f:next-space($text, $start, $window * 4)"/>
  </xsl:function>

  <xsl:function name="f:repeat" as="xs:string">
    <xsl:param name="char" as="xs:string"/>
    <xsl:param name="count" as="xs:integer?"/>
    <xsl:sequence select="string-join((1 to ($count, 0)[1]) ! $char)"/>
  </xsl:function>

  <!-- A line without the generated-text marks, for measuring underlines. -->
  <xsl:function name="f:visible" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="without-start" select="if ($generated-start = '') then $s else replace($s, $generated-start, '', 'q')"/>
    <xsl:sequence select="if ($generated-end = '') then $without-start else replace($without-start, $generated-end, '', 'q')"/>
  </xsl:function>

</xsl:stylesheet>
