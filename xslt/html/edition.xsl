<?xml version="1.0" encoding="UTF-8"?>
<!--
  One TEI document (TEI, teiCorpus, or any other TEI root such as a facsimile surface) to one
  HTML page of the reading edition.

  Page: the header's metadata (html/header.xsl), a table of contents of the headed sections,
  then the reading text inside <div class="tt-reading">, each TEI document's notes as
  footnotes at its end. Every word of the TEI <text> appears inside tt-reading, in order
  (notes moved to the footnotes); whatever the stylesheet adds there itself (note numbers,
  back links, labels) carries the class "gen", so a check can tell text from apparatus.

  Modules, named after the chapters of the TEI Guidelines:
    textstructure.xsl  TEI, text, front, body, back, div, head, title pages, openers, closers
    core.xsl           p, q, quote, cit, bibl, list, note, ref, lb, pb, hi, choice, add, del ...
    namesdates.xsl     persName and other names, date, time
    figures.xsl        figure, graphic, table
    verse-drama.xsl    lg, l, sp, speaker, stage, castList
    textcrit.xsl       app, lem, rdg, and the transcription elements
    header.xsl         the metadata block from the teiHeader
    unknown.xsl        the fallback for every other element (imported first: lowest precedence)
  plus common.xsl (page frame, parameters) and ../common/functions.xsl.
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

  <xsl:import href="common.xsl"/>
  <xsl:import href="unknown.xsl"/>
  <xsl:import href="header.xsl"/>
  <xsl:import href="textstructure.xsl"/>
  <xsl:import href="core.xsl"/>
  <xsl:import href="namesdates.xsl"/>
  <xsl:import href="figures.xsl"/>
  <xsl:import href="verse-drama.xsl"/>
  <xsl:import href="textcrit.xsl"/>
  <xsl:import href="citation.xsl"/>
  <xsl:include href="correspondence.xsl"/>

  <!-- PARAMETER toc: "yes" (default) shows a table of contents of the headed sections;
       "no" leaves it out. -->
  <xsl:param name="toc" as="xs:string" select="'yes'"/>

  <!-- PARAMETER notes-heading: heading of the footnotes. Default: Notes -->
  <xsl:param name="notes-heading" as="xs:string" select="'Notes'"/>

  <!-- PARAMETER contents-heading: heading of the table of contents. Default: Contents -->
  <xsl:param name="contents-heading" as="xs:string" select="'Contents'"/>

  <!-- Set by tei-tools for each page of a site (not user parameters): the neighbouring pages,
       the digest of the TEI file, the names of the TEI and plain-text copies beside the page. -->
  <xsl:param name="previous-page" as="xs:string" select="''"/>
  <xsl:param name="next-page" as="xs:string" select="''"/>
  <xsl:param name="source-digest" as="xs:string" select="''"/>
  <xsl:param name="tei-copy" as="xs:string" select="''"/>
  <xsl:param name="text-copy" as="xs:string" select="''"/>

  <!-- Everything numbered once per document (see ../common/functions.xsl). -->
  <xsl:variable name="f:units" select="f:reading-units(/)" as="element()*"/>
  <xsl:variable name="f:elements" select="f:reading-elements(/)" as="element()*"/>
  <xsl:variable name="f:holders" select="f:block-holders($f:elements)" as="map(*)"/>
  <xsl:variable name="f:note-numbers" as="map(*)"
      select="f:numbering(f:footnotes($f:units ! f:reading-roots(.)))"/>
  <xsl:variable name="f:mention-id-map" select="f:mention-ids-of($f:elements[f:is-mention(.)])" as="map(*)"/>
  <xsl:variable name="f:paragraph-numbers" as="map(*)"
      select="f:numbering($f:elements[self::p or self::ab][empty(ancestor::note)])"/>
  <xsl:variable name="f:date-numbers" as="map(*)"
      select="f:numbering($f:elements[self::date][@when or @from or @to or @notBefore or @notAfter])"/>
  <xsl:variable name="f:division-numbers" as="map(*)"
      select="f:numbering($f:elements[self::div or self::div1 or self::div2 or self::div3
              or self::div4 or self::div5 or self::div6 or self::div7 or self::group or self::floatingText])"/>

  <!-- The page's language: the TEI's, else its first text's, else the header's first
       language, else the parameter lang. -->
  <xsl:variable name="f:page-lang" as="xs:string?" select="((/*/@xml:lang, $f:units[1]/text/@xml:lang,
      /*/teiHeader[1]/profileDesc/langUsage/language[1]/@ident)[1] ! f:html-lang(.), f:html-lang($lang))[1]"/>

  <xsl:template match="/">
    <xsl:variable name="top" select="*" as="element()"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:page-title($top)"/>
      <xsl:with-param name="page-lang" select="$f:page-lang"/>
      <xsl:with-param name="head-extra">
        <xsl:call-template name="f:citation-meta">
          <xsl:with-param name="top" select="$top"/>
        </xsl:call-template>
      </xsl:with-param>
      <!-- the article is written straight into the page (mode f:page-content) -->
      <xsl:with-param name="content-of" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: the edition's header, contents, reading text, citation and pager,
       written where f:page puts its content. -->
  <xsl:template match="/" mode="f:page-content">
    <xsl:variable name="top" select="*" as="element()"/>
        <article class="edition" data-pagefind-body="">
          <xsl:apply-templates select="$top" mode="f:header"/>
          <div class="edition-layout">
            <xsl:if test="f:yes($toc)">
              <xsl:call-template name="f:toc"/>
            </xsl:if>
            <div class="tt-reading">
              <xsl:for-each select="$f:units">
                <xsl:call-template name="f:unit"/>
              </xsl:for-each>
            </div>
          </div>
          <xsl:call-template name="f:citation">
            <xsl:with-param name="top" select="$top"/>
          </xsl:call-template>
          <xsl:call-template name="f:pager"/>
        </article>
  </xsl:template>

  <!-- Previous and next edition of the site, in the order of the index. -->
  <xsl:template name="f:pager">
    <xsl:if test="$previous-page or $next-page">
      <nav class="edition-pager" aria-label="Editions" data-pagefind-ignore="all">
        <xsl:if test="$previous-page"><a rel="prev" href="{$previous-page}">← Previous edition</a></xsl:if>
        <xsl:if test="$next-page"><a rel="next" href="{$next-page}">Next edition →</a></xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- One TEI document's reading text, then its footnotes. -->
  <xsl:template name="f:unit">
    <xsl:variable name="in-corpus" select="exists(parent::teiCorpus)"/>
    <div class="tt-unit">
      <xsl:variable name="unit-lang" select="f:html-lang(@xml:lang)"/>
      <xsl:if test="exists($unit-lang) and not($unit-lang = $f:page-lang)">
        <xsl:attribute name="lang" select="$unit-lang"/>
        <xsl:if test="$unit-lang != ''">
          <xsl:attribute name="dir" select="if (f:is-rtl($unit-lang)) then 'rtl' else 'ltr'"/>
        </xsl:if>
      </xsl:if>
      <xsl:if test="$in-corpus">
        <xsl:attribute name="id" select="'tt-u-' || position()"/>
        <h2 class="unit-title gen">{(f:title(.)[. != ''], 'Text ' || position())[1]}</h2>
      </xsl:if>
      <xsl:apply-templates select="f:reading-roots(.)"/>
      <xsl:call-template name="f:footnotes">
        <xsl:with-param name="notes" select="f:footnotes(f:reading-roots(.))"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- ===================================================================================
       Table of contents: the headed divisions, nested as they are in the text
       =================================================================================== -->

  <xsl:template name="f:toc">
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each select="$f:units">
        <xsl:choose>
          <xsl:when test="parent::teiCorpus">
            <li>
              <a href="#tt-u-{position()}">{(f:title(.)[. != ''], 'Text ' || position())[1]}</a>
              <xsl:call-template name="f:toc-list">
                <xsl:with-param name="items" as="element()*">
                  <xsl:apply-templates select="f:reading-roots(.)" mode="f:toc"/>
                </xsl:with-param>
              </xsl:call-template>
            </li>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="f:reading-roots(.)" mode="f:toc"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($entries)">
      <nav class="toc" aria-labelledby="tt-toc-heading" data-pagefind-ignore="all">
        <h2 id="tt-toc-heading">{$contents-heading}</h2>
        <ol>
          <xsl:sequence select="$entries"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="f:toc-list">
    <xsl:param name="items" as="element()*"/>
    <xsl:if test="exists($items)"><ol><xsl:sequence select="$items"/></ol></xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="f:toc">
    <xsl:apply-templates select="*" mode="f:toc"/>
  </xsl:template>

  <xsl:template match="note | teiHeader | p | lg | sp | list | table | figure" mode="f:toc"/>

  <!-- Every division is listed, so that every section can be reached: a headed one by its
       heading (a repeated line left out), an untitled one by a label made from its type and
       number ("Section 2"), marked as generated. Untitled divisions deeper than
       $toc-untitled-depth are left out (a poem's lines, an inscription's fragments). -->
  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7 | group | floatingText[.//head]" mode="f:toc">
    <xsl:variable name="heads" select="head[not(f:is-repetition(.))]"/>
    <xsl:choose>
      <xsl:when test="empty($heads) and count(ancestor::*[self::div or self::div1 or self::div2 or self::div3
          or self::div4 or self::div5 or self::div6 or self::div7 or self::group]) ge $f:toc-untitled-depth">
        <xsl:apply-templates select="*" mode="f:toc"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:toc-entry">
          <xsl:with-param name="heads" select="$heads"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="f:toc-untitled-depth" as="xs:integer" select="3"/>

  <xsl:template name="f:toc-entry">
    <xsl:param name="heads" as="element()*"/>
    <xsl:variable name="tag" select="f:html-lang(($heads[1]/ancestor-or-self::*/@xml:lang)[last()])"/>
    <li>
      <a href="#{f:division-id(.)}">
        <xsl:if test="exists($heads) and exists($tag) and not($tag = $f:page-lang)">
          <xsl:attribute name="lang" select="$tag"/>
          <xsl:if test="$tag != ''"><xsl:attribute name="dir" select="if (f:is-rtl($tag)) then 'rtl' else 'ltr'"/></xsl:if>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="exists($heads[normalize-space()])">{f:toc-label(.)}</xsl:when>
          <xsl:otherwise>
            <span class="generated-label" title="This section has no heading; the label is made by tei-tools">{f:division-label(.)}</span>
          </xsl:otherwise>
        </xsl:choose>
      </a>
      <xsl:call-template name="f:toc-list">
        <xsl:with-param name="items" as="element()*">
          <xsl:apply-templates select="* except head" mode="f:toc"/>
        </xsl:with-param>
      </xsl:call-template>
    </li>
  </xsl:template>

  <xsl:function name="f:toc-label" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="heads" select="$division/head[not(f:is-repetition(.))] ! f:plain(.)[. != '']"/>
    <xsl:sequence select="if (exists($heads)) then string-join($heads, ' — ') else f:division-label($division)"/>
  </xsl:function>

  <!-- The label of an untitled division: a noun for its type ("Section", "Colophon"), and its
       number (@n when short, else its place among the siblings of its type, when it has any). -->
  <xsl:function name="f:division-label" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="type" select="lower-case(normalize-space(($division/@subtype[$division/@type = 'textpart'],
        $division/@type)[1]))"/>
    <xsl:variable name="noun" select="($f:division-nouns($type), if ($type) then f:capitalised(replace($type, '[-_]+', ' '))
        else 'Section')[1]"/>
    <xsl:variable name="n" select="normalize-space($division/@n)"/>
    <!-- (its place among them, how many they are), looked up: counted per division, a
         transcript of 4,000 sections cost the square of that -->
    <xsl:variable name="place" select="if (map:contains($f:division-places, generate-id($division)))
        then $f:division-places(generate-id($division)) else f:division-place($division)"/>
    <xsl:sequence select="
        if ($n != '' and string-length($n) le 12) then $noun || ' ' || $n
        else if ($place[2] gt 1) then $noun || ' ' || $place[1]
        else $noun"/>
  </xsl:function>

  <!-- Each division's (place, count) among its parent's children of its name and @type. -->
  <xsl:variable name="f:division-places" as="map(xs:string, xs:integer+)">
    <xsl:map>
      <xsl:for-each-group select="//(div | div1 | div2 | div3 | div4 | div5 | div6 | div7 | group | floatingText)"
          group-by="generate-id(..) || '|' || namespace-uri() || '|' || local-name() || '|' || string(@type)">
        <xsl:variable name="size" select="count(current-group())"/>
        <xsl:for-each select="current-group()">
          <xsl:map-entry key="generate-id()" select="(position(), $size)"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="f:division-place" as="xs:integer+">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="siblings" select="$division/../*[node-name() = node-name($division)][string(@type) = string($division/@type)]"/>
    <xsl:sequence select="(count($division/preceding-sibling::*[node-name() = node-name($division)]
        [string(@type) = string($division/@type)]) + 1, count($siblings))"/>
  </xsl:function>

  <xsl:variable name="f:division-nouns" as="map(xs:string, xs:string)" select="map {
      'section': 'Section', 'chapter': 'Chapter', 'part': 'Part', 'book': 'Book', 'act': 'Act', 'scene': 'Scene',
      'colophon': 'Colophon', 'about-author': 'About the author', 'credits': 'Credits', 'intro': 'Introduction',
      'next-episode': 'Next episode', 'notes': 'Notes', 'sources': 'Sources', 'source': 'Source',
      'letter': 'Letter', 'entry': 'Entry', 'poem': 'Poem', 'textpart': 'Part', 'edition': 'Text',
      'translation': 'Translation', 'commentary': 'Commentary', 'editorial-note': 'Editorial note' }"/>

  <xsl:function name="f:division-id" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="f:id($division, 'tt-d-', $f:division-numbers)"/>
  </xsl:function>

  <!-- ===================================================================================
       Footnotes
       =================================================================================== -->

  <xsl:template name="f:footnotes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="exists($notes)">
      <section class="footnotes" role="doc-endnotes" aria-label="{$notes-heading}">
        <h2 class="gen">{$notes-heading}</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="$f:note-numbers(generate-id(.))"/>
            <li id="{f:note-id(.)}">
              <xsl:call-template name="f:note-language"/>
              <a class="fn-back gen" href="#tt-fnref-{$n}" title="Back to the text">{$n}</a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates/>
              <xsl:text> </xsl:text>
              <a class="backlink gen" href="#tt-fnref-{$n}" aria-label="Back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="f:note-language">
    <xsl:variable name="tag" select="f:html-lang((ancestor-or-self::*/@xml:lang)[last()])"/>
    <xsl:if test="exists($tag) and not($tag = $f:page-lang)">
      <xsl:attribute name="lang" select="$tag"/>
      <xsl:if test="$tag != ''">
        <xsl:attribute name="dir" select="if (f:is-rtl($tag)) then 'rtl' else 'ltr'"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:function name="f:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="f:id($note, 'tt-fn-', $f:note-numbers)"/>
  </xsl:function>

  <!-- ===================================================================================
       Helpers for the modules
       =================================================================================== -->

  <!-- Whether this element must render as a block (it is one, or a block sits inside it). -->
  <xsl:function name="f:as-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:is-container($e) or map:contains($f:holders, generate-id($e))"/>
  </xsl:function>

  <!-- Whether an ancestor (up to the nearest note) already renders as a link: links do not
       nest in HTML. -->
  <xsl:function name="f:inside-link" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- only refs and mentions render links: look no further for most elements -->
    <xsl:variable name="links" select="$e/ancestor::*[self::ref or self::persName or self::rs or self::name]"/>
    <xsl:variable name="note" select="if (exists($links)) then $e/ancestor::note[1] else ()"/>
    <xsl:sequence select="exists($links[empty($note) or . >> $note][f:renders-link(.)])"/>
  </xsl:function>

  <xsl:function name="f:renders-link" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::ref) then exists(f:ref-href($e))
        else if (f:is-mention($e)) then exists(f:mention-href($e))
        else false()"/>
  </xsl:function>

  <!-- Where a ref leads: its @target, and nowhere else. (A note marker without a target refers
       to a note that is not in this text: it is never linked to a passage that happens to carry
       the same number.) -->
  <xsl:function name="f:ref-href" as="xs:string?">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="if ($ref/@target) then f:href($ref/@target) else ()"/>
  </xsl:function>

  <!-- Where a mention leads: the register entry, or an http(s) authority in @ref. -->
  <xsl:function name="f:mention-href" as="xs:string?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="f:mention-href($mention, f:person($mention))"/>
  </xsl:function>

  <!-- The same, for a mention whose person (f:person) is known. -->
  <xsl:function name="f:mention-href" as="xs:string?">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="person" as="element()?"/>
    <xsl:variable name="ref" select="tokenize(normalize-space($mention/@ref))[1]"/>
    <xsl:sequence select="
        if ($f:register-on and f:in-register($person)) then $register-page || '#' || $person/@xml:id
        else if (matches($ref, '^https?://')) then f:href($ref)
        else ()"/>
  </xsl:function>

</xsl:stylesheet>
