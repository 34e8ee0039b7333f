<?xml version="1.0" encoding="UTF-8"?>
<!--
  Elements available in all TEI documents (TEI Guidelines ch. 3): paragraphs, quotations,
  citations, lists, notes, pointers, line and page breaks, highlighting, editorial choices.

  The rule that keeps the HTML valid: an element renders as a block (div, blockquote, p) when it
  is a block in TEI terms or holds one (see f:is-container and f:block-holders); otherwise it
  renders as phrasing (span, q, em, cite, a). Any element without a template of its own, from
  any namespace, keeps its text inside a span or div named after it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:variable name="f:anchor-numbers" as="map(*)"
      select="f:numbering($f:elements[self::ref[f:is-note-marker(.)]])"/>

  <!-- A note marker: ref type="noteref" (tei-tools) or "noteAnchor" (its earlier name). -->
  <xsl:function name="f:is-note-marker" as="xs:boolean">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="$ref/@type = ('noteref', 'noteAnchor')"/>
  </xsl:function>

  <xsl:function name="f:anchor-id" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="f:id($ref, 'tt-a-', $f:anchor-numbers)"/>
  </xsl:function>


  <!-- Phrasing by default (span or the element given); a div when a block sits inside. -->
  <xsl:template name="f:inline">
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:element name="{if (f:as-block(.)) then 'div' else $element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="$class"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Tokens (s, w, pc, c) are left unwrapped: a tokenised novel would otherwise carry a span
       per word. They keep a span when they have an id or a language. -->
  <xsl:template match="s | w | pc | c">
    <xsl:choose>
      <xsl:when test="f:own-id(.) or @xml:lang or f:as-block(.)">
        <xsl:call-template name="f:inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Paragraphs carry a stable id (their own xml:id, else tt-p-N in document order) and a
       permalink; those inside notes do not (the note has one). -->
  <xsl:template match="p | ab">
    <xsl:variable name="n" select="$f:paragraph-numbers(generate-id(.))"/>
    <xsl:call-template name="f:block">
      <xsl:with-param name="id" select="if (exists($n)) then f:id(., 'tt-p-', $f:paragraph-numbers) else f:own-id(.)[. != '']"/>
      <xsl:with-param name="permalink" select="if (exists($n)) then 'Paragraph ' || $n else ()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===================================================================================
       Quotations: q/quote/said inline -> q, as a block -> blockquote; cit -> div.cit with
       its bibl as the source line.
       =================================================================================== -->

  <xsl:template match="q | quote | said">
    <xsl:choose>
      <xsl:when test="f:as-block(.)">
        <blockquote>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="(local-name(), 'block')"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </blockquote>
      </xsl:when>
      <xsl:otherwise>
        <q>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="(local-name(), if (f:adds-marks(.)) then 'tt-marks' else ())"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </q>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cit">
    <xsl:call-template name="f:inline"/>
  </xsl:template>

  <xsl:template match="bibl">
    <xsl:choose>
      <xsl:when test="f:as-block(.)">
        <xsl:call-template name="f:block">
          <xsl:with-param name="class" select="('bibl', if (parent::cit) then 'source' else ())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:inline">
          <xsl:with-param name="element" select="'cite'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================================
       Lists: ul/ol of li; a label goes into the li of the item it labels; heads come first.
       =================================================================================== -->

  <xsl:template match="list">
    <xsl:variable name="heads" select="head[empty(preceding-sibling::item | preceding-sibling::label)]"/>
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered', 'decimal')
        or tokenize(@rend) = ('numbered', 'ordered', 'decimal', 'arabic')"/>
    <div>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'list'"/>
      </xsl:call-template>
      <xsl:apply-templates select="$heads"/>
      <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
        <xsl:for-each-group select="node() except $heads"
            group-starting-with="label | item[not(preceding-sibling::*[1][self::label])]">
          <xsl:if test="current-group()[self::* or normalize-space()]">
            <li>
              <xsl:for-each select="current-group()[self::item][1]">
                <xsl:call-template name="f:attributes"/>
              </xsl:for-each>
              <xsl:apply-templates select="current-group()" mode="f:list-member"/>
            </li>
          </xsl:if>
        </xsl:for-each-group>
      </xsl:element>
    </div>
  </xsl:template>

  <xsl:template match="item" mode="f:list-member">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="label" mode="f:list-member">
    <xsl:element name="{if (f:as-block-content(.)) then 'div' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="node()" mode="f:list-member">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- ===================================================================================
       Notes: a marker here, the note itself among the footnotes (edition.xsl); a note inside
       a note stays in place, in brackets.
       =================================================================================== -->

  <xsl:template match="note">
    <xsl:variable name="n" select="$f:note-numbers(generate-id(.))"/>
    <xsl:choose>
      <xsl:when test="f:is-endnote(.)">
        <div>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="('note', 'endnote')"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:when test="empty($n)">
        <xsl:element name="{if (.//*[f:is-container(.)] or f:as-block(.)) then 'div' else 'span'}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="('note', 'inner-note')"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:when test="f:inside-link(.)">
        <sup class="noteref gen" id="tt-fnref-{$n}">{$n}</sup>
      </xsl:when>
      <xsl:otherwise>
        <a class="noteref gen" id="tt-fnref-{$n}" href="#{f:note-id(.)}" role="doc-noteref"><sup>{$n}</sup></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================================
       Pointers
       =================================================================================== -->

  <xsl:template match="ref">
    <xsl:variable name="href" select="if (f:inside-link(.)) then () else f:ref-href(.)"/>
    <xsl:variable name="anchor" select="f:is-note-marker(.)"/>
    <xsl:variable name="link" as="element()">
      <xsl:element name="{if (exists($href)) then 'a' else if (f:as-block(.)) then 'div' else 'span'}">
        <xsl:call-template name="f:attributes">
          <xsl:with-param name="class" select="('ref', if ($anchor) then 'noteref' else (),
              if ($anchor and empty($href)) then 'unlinked' else ())"/>
          <xsl:with-param name="id" select="if ($anchor) then f:anchor-id(.) else f:own-id(.)[. != '']"/>
        </xsl:call-template>
        <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
        <xsl:if test="$anchor and empty($href)">
          <xsl:attribute name="title" select="'The source’s note ' || normalize-space(.)
              || ' is not part of this edition (the source’s notes and references were not included).'"/>
        </xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="exists($href) and not(normalize-space(.)) and not(*)">
          <span class="gen">{@target}</span>
        </xsl:if>
      </xsl:element>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$anchor and not(f:as-block(.))"><sup class="noteanchor"><xsl:sequence select="$link"/></sup></xsl:when>
      <xsl:otherwise><xsl:sequence select="$link"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ptr">
    <xsl:variable name="href" select="if (f:inside-link(.)) then () else f:href(@target)"/>
    <xsl:element name="{if (exists($href)) then 'a' else 'span'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="('ptr', 'gen')"/>
      </xsl:call-template>
      <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:text>{normalize-space(@target)}</xsl:text>
    </xsl:element>
  </xsl:template>

  <xsl:template match="anchor">
    <xsl:if test="f:own-id(.)">
      <span id="{f:own-id(.)}" class="anchor"></span>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================================================
       Breaks
       =================================================================================== -->

  <xsl:template match="lb">
    <br>
      <xsl:if test="f:own-id(.)"><xsl:attribute name="id" select="f:own-id(.)"/></xsl:if>
    </br>
  </xsl:template>

  <!-- Page and column breaks: an empty marker; CSS shows the page number from data-n. -->
  <xsl:template match="pb | cb">
    <span>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="(local-name(), 'gen')"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(@n)">
        <xsl:attribute name="data-n" select="normalize-space(@n)"/>
        <xsl:attribute name="title" select="(if (self::pb) then 'page ' else 'column ') || normalize-space(@n)"/>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- A section break (milestone unit="section" and the like) shows as a separator. -->
  <xsl:template match="milestone">
    <xsl:variable name="is-break" select="@unit = ('section', 'part', 'scene', 'break', 'asterism')
        or @type = ('break', 'section', 'asterism')"/>
    <xsl:choose>
      <xsl:when test="$is-break and f:as-block(.)">
        <hr>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'milestone'"/>
          </xsl:call-template>
        </hr>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="('milestone', if ($is-break) then 'break' else ())"/>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================================================
       Highlighting and phrase-level elements
       =================================================================================== -->

  <xsl:template match="emph">
    <xsl:call-template name="f:inline"><xsl:with-param name="element" select="'em'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="title">
    <xsl:call-template name="f:inline"><xsl:with-param name="element" select="'cite'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="code">
    <xsl:call-template name="f:inline"><xsl:with-param name="element" select="'code'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="eg">
    <xsl:call-template name="f:block"><xsl:with-param name="phrasing-element" select="'pre'"/></xsl:call-template>
  </xsl:template>

  <!-- A gap shows as an ellipsis in brackets (generated), with the reason on hover. -->
  <xsl:template match="gap">
    <xsl:element name="{if (f:as-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="f:attributes"/>
      <xsl:if test="@reason or @extent or @quantity">
        <xsl:attribute name="title" select="normalize-space(string-join(('omitted', @reason, @quantity, @unit, @extent), ' '))"/>
      </xsl:if>
      <span class="gen">[…]</span>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
