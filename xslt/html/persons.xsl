<?xml version="1.0" encoding="UTF-8"?>
<!--
  The register of persons: every person of the personography with name, life dates, other
  names, a note, an authority link, and every place an edition mentions them, each a link to
  that very mention (ids computed by f:mention-ids, exactly as the edition pages do).

  Called by name (xsl:initial-template) with the parameters "personography" (see
  ../common/functions.xsl) and "editions" (the TEI documents of the site).
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
  <xsl:import href="header.xsl"/>

  <!-- PARAMETER editions: the TEI documents of the site (set by tei-tools, not from the command
       line). -->
  <xsl:param name="editions" as="document-node()*" select="()"/>

  <!-- PARAMETER mentions-open: how many mentions of a person in one edition are listed
       openly; more are folded into a details element. Default: 12 -->
  <xsl:param name="mentions-open" as="xs:string" select="'12'"/>

  <xsl:key name="f:mentions-of" match="persName | rs[@type = 'person'] | name[@type = 'person']"
      use="f:person(.)[f:in-register(.)]/@xml:id"/>

  <!-- Mention ids of each edition, computed once. -->
  <xsl:variable name="f:edition-mention-ids" as="map(*)*" select="$editions ! f:mention-ids(.)"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="persons" select="$personography//person[@xml:id]"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="'Persons — ' || $site-title"/>
      <xsl:with-param name="current" select="'register'"/>
      <xsl:with-param name="content">
        <h1>Persons</h1>
        <xsl:choose>
          <xsl:when test="empty($personography)">
            <p class="summary">No personography was given, so there is no register of persons.</p>
          </xsl:when>
          <xsl:otherwise>
            <p class="summary">{count($persons)} person{if (count($persons) = 1) then '' else 's'}<xsl:text
                >, each with the places where the editions mention them.</xsl:text></p>
            <xsl:for-each select="$persons">
              <xsl:sort select="f:sort-key(.)"/>
              <xsl:sort select="string(@xml:id)"/>
              <xsl:call-template name="f:entry"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Sorted by @sortKey, else surname, else the last word of the display name, without
       accents, ignoring case. -->
  <xsl:function name="f:sort-key" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="name" select="f:person-name($person)"/>
    <xsl:variable name="key" select="($person/@sortKey, $person/persName[@type = 'main']/@sortKey,
        ($person/persName[@type = 'main'], $person/persName)[1]/surname[1], tokenize($name)[last()], $name)[normalize-space()][1]"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode(normalize-space($key) || ' ' || $name, 'NFD'), '\p{Mn}', ''))"/>
  </xsl:function>

  <xsl:template name="f:entry">
    <xsl:variable name="person" select="."/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="dates" select="f:life-dates(.)"/>
    <xsl:variable name="other-names" select="persName except (persName[@type = 'main'], persName)[1]"/>
    <article class="person" id="{$id}">
      <h2>
        <xsl:text>{f:person-name(.)}</xsl:text>
        <xsl:if test="$dates"><xsl:text> </xsl:text><span class="dates">({$dates})</span></xsl:if>
      </h2>
      <xsl:for-each select="note[normalize-space()]">
        <p class="note"><xsl:apply-templates mode="f:meta"/></p>
      </xsl:for-each>
      <xsl:if test="$other-names">
        <p class="other-names">
          <xsl:text>Also: </xsl:text>
          <xsl:for-each select="$other-names">
            <xsl:if test="position() gt 1">; </xsl:if>
            <span class="name">{f:plain(.)}</span>
            <xsl:if test="@type = ('birth', 'alias', 'pseudonym', 'married', 'nickname')">
              <xsl:text> ({if (@type = 'birth') then 'birth name' else @type})</xsl:text>
            </xsl:if>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="idno[@type = 'wikidata'][matches(normalize-space(.), '^Q\d+$')]">
        <p class="authority"><a href="https://www.wikidata.org/wiki/{normalize-space(.)}">Wikidata {normalize-space(.)}</a></p>
      </xsl:for-each>
      <xsl:if test="@resp = '#tei-tools' or @cert = 'low'">
        <p class="review">Added automatically; not yet reviewed by an editor.</p>
      </xsl:if>
      <xsl:variable name="places" as="element()*">
        <xsl:for-each select="$editions">
          <xsl:variable name="position" select="position()"/>
          <xsl:variable name="ids" select="$f:edition-mention-ids[$position]"/>
          <xsl:variable name="mentions" select="key('f:mentions-of', $id, .)[map:contains($ids, generate-id(.))]"/>
          <xsl:if test="exists($mentions)">
            <xsl:call-template name="f:mentions-in">
              <xsl:with-param name="edition" select="."/>
              <xsl:with-param name="mentions" select="$mentions"/>
              <xsl:with-param name="ids" select="$ids"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="exists($places)">
          <ul class="mentions" aria-label="Mentions of {f:person-name(.)}">
            <xsl:sequence select="$places"/>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="mentions none">Not mentioned in these editions.</p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <xsl:template name="f:mentions-in">
    <xsl:param name="edition" as="document-node()"/>
    <xsl:param name="mentions" as="element()+"/>
    <xsl:param name="ids" as="map(*)"/>
    <xsl:variable name="page" select="f:stem($edition) || '.html'"/>
    <xsl:variable name="links" as="node()*">
      <xsl:for-each select="$mentions">
        <xsl:variable name="section" select="(ancestor::*[head][self::div or self::div1 or self::div2
            or self::div3 or self::div4 or self::div5 or self::div6 or self::div7])[last()]"/>
        <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
        <a class="mention" href="{$page}#{$ids(generate-id(.))}">
          <xsl:if test="$section">
            <xsl:attribute name="title" select="'in “' || string-join($section/head ! f:plain(.), ' — ') || '”'"/>
          </xsl:if>
          <xsl:text>{(f:plain(.)[. != ''], '[' || position() || ']')[1]}</xsl:text>
        </a>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="title" select="f:page-title($edition/*)"/>
    <xsl:variable name="count" select="count($mentions) || (if (count($mentions) = 1) then ' mention' else ' mentions')"/>
    <li>
      <xsl:choose>
        <xsl:when test="count($mentions) le xs:integer(($mentions-open[. castable as xs:integer], '12')[1])">
          <a class="edition" href="{$page}">{$title}</a>
          <xsl:text> ({$count}): </xsl:text>
          <xsl:sequence select="$links"/>
        </xsl:when>
        <xsl:otherwise>
          <details>
            <summary><cite>{$title}</cite> ({$count})</summary>
            <p><xsl:sequence select="$links"/></p>
          </details>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

</xsl:stylesheet>
