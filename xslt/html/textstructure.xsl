<?xml version="1.0" encoding="UTF-8"?>
<!--
  Default text structure (TEI Guidelines ch. 4): the frame of a text and its divisions.
  text, group, front, body, back -> div; div (any numbered div too) -> section when it has a
  head, else div; head -> h2..h6 by depth; title pages, arguments, epigraphs, openers and
  closers -> div/p with their TEI name as class.
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

  <!-- A nested header (in a corpus member, or a stray one) is metadata, not text. -->
  <xsl:template match="teiHeader"/>

  <xsl:template match="TEI | teiCorpus | text | front | body | back | sourceDoc | facsimile">
    <div>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="group | floatingText">
    <xsl:variable name="element" select="if (head) then 'section' else 'div'"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="id" select="f:division-id(.)"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7">
    <xsl:variable name="element" select="if (head) then 'section' else 'div'"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'div'"/>
        <xsl:with-param name="id" select="f:division-id(.)"/>
      </xsl:call-template>
      <xsl:if test="@n">
        <xsl:attribute name="data-n" select="@n"/>
      </xsl:if>
      <a class="permalink gen" href="#{f:division-id(.)}" aria-label="Section: {f:toc-label(.)}">§</a>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Heading level: h1 is the page title; a division's head is one level below its depth
       (members of a corpus start one level lower, under their own title). -->
  <xsl:function name="f:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:variable name="base" select="if ($head/ancestor::teiCorpus) then 2 else 1"/>
    <xsl:sequence select="min((6, $base + f:heading-depth($head)))"/>
  </xsl:function>

  <xsl:function name="f:is-heading" as="xs:boolean">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="exists($head/parent::*[self::div or self::div1 or self::div2 or self::div3
        or self::div4 or self::div5 or self::div6 or self::div7 or self::group or self::body
        or self::front or self::back or self::floatingText or self::text])"/>
  </xsl:function>

  <!-- A line the source repeats (a title, a caption) is shown as a marked repetition, never as
       a second heading or caption. -->
  <xsl:template match="head[f:is-repetition(.)] | titlePart[f:is-repetition(.)]" priority="2">
    <xsl:element name="{if (not(f:as-block(.))) then 'span' else if (f:as-block-content(.)) then 'div' else 'p'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="(local-name(), 'repetition')"/>
      </xsl:call-template>
      <xsl:attribute name="title" select="'The source repeats this line'"/>
      <span class="gen repetition-label">Repeated in the source: </span>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="head">
    <xsl:choose>
      <xsl:when test="f:is-heading(.) and not(f:as-block-content(.))">
        <xsl:element name="h{f:heading-level(.)}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'head'"/>
          </xsl:call-template>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:block">
          <xsl:with-param name="class" select="'head'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Title pages and the other parts of front and back matter. -->
  <xsl:template match="titlePage | docTitle | argument | epigraph | opener | closer | postscript
                       | trailer | byline | docAuthor | docEdition | docImprint | docDate | titlePart
                       | dateline | salute | signed | fw | address | addrLine">
    <xsl:call-template name="f:block"/>
  </xsl:template>

  <!-- A block whose content is phrasing becomes p (or the element given), else div. Inline
       uses of these elements (a salute inside a paragraph) become span. -->
  <xsl:template name="f:block">
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:param name="phrasing-element" as="xs:string" select="'p'"/>
    <xsl:param name="id" as="xs:string?" select="f:own-id(.)[. != '']"/>
    <xsl:param name="permalink" as="xs:string?" select="()"/>
    <xsl:variable name="element" select="
        if (not(f:as-block(.))) then 'span'
        else if (f:as-block-content(.)) then 'div'
        else $phrasing-element"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="$class"/>
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:apply-templates/>
      <xsl:if test="$id and $permalink and $element != 'span'">
        <xsl:text> </xsl:text>
        <a class="permalink gen" href="#{$id}" aria-label="{$permalink}">¶</a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- Whether blocks sit inside this element, so that it cannot be a p, h1-h6 or span. -->
  <xsl:function name="f:as-block-content" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($f:holders, generate-id($e))"/>
  </xsl:function>

</xsl:stylesheet>
