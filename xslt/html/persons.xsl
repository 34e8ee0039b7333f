<?xml version="1.0" encoding="UTF-8"?>
<!--
  The register of persons: every person of the personography with name, life dates, other
  names, a note, an authority link, and every place an edition mentions them, grouped by
  edition, each with a few words of context and a link to that very mention; A-Z navigation,
  a filter box (with the script), and what the certainty of an identification means.

  Made in parts (see site-parts.xsl and tei_tools.render.site_parts), so that no transformation
  ever holds the mentions of the whole site: where each edition is rendered, the list of the
  mentions of each person in it is written from its index (site_parts.edition_parts: a div
  "mentions-in" with the edition's title and an ol "mentions", each mention's words in context
  linked to its place, folded in a details element past mentions-open); the page
  (xsl:initial-template) is rendered once, from the personography (parameter
  "personography", see ../common/functions.xsl) and the site's summary (parameter "summary":
  how many mentions of each person in how many editions), with a marker in each entry where
  that person's mentions go, edition by edition in the order of the site.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="common.xsl"/>
  <xsl:import href="header.xsl"/>
  <xsl:import href="register-common.xsl"/>

  <!-- PARAMETER mentions-open: how many mentions of a person in one edition are listed
       openly; more are folded into a details element. Default: 12 -->
  <xsl:param name="mentions-open" as="xs:string" select="'12'"/>

  <xsl:variable name="f:open-limit" as="xs:integer" select="xs:integer(($mentions-open[. castable as xs:integer], '12')[1])"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="persons" as="element()*">
      <xsl:perform-sort select="$personography//person[@xml:id]">
        <xsl:sort select="$f:sort-keys(generate-id(.))"/>
        <xsl:sort select="string(@xml:id)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="mentioned" select="$persons[exists(f:mention-counts(@xml:id))]"/>
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
                >, {count($mentioned)} of them mentioned in these editions, each with the places where they are mentioned.</xsl:text></p>
            <xsl:call-template name="f:legend"/>
            <xsl:call-template name="f:letters">
              <xsl:with-param name="persons" select="$persons"/>
            </xsl:call-template>
            <div class="register-filter" hidden="">
              <label for="tt-register-filter">Filter by name</label>
              <input id="tt-register-filter" type="search" autocomplete="off" aria-describedby="tt-filter-count"/>
              <p id="tt-filter-count" class="filter-count" aria-live="polite"></p>
            </div>
            <xsl:for-each-group select="$persons" group-adjacent="f:letter(.)">
              <section class="letter" aria-labelledby="tt-letter-{f:letter-id(current-grouping-key())}">
                <h2 id="tt-letter-{f:letter-id(current-grouping-key())}" class="letter-heading">{current-grouping-key()}</h2>
                <xsl:for-each select="current-group()">
                  <xsl:call-template name="f:entry"/>
                </xsl:for-each>
              </section>
            </xsl:for-each-group>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What the marks of certainty mean. -->
  <xsl:template name="f:legend">
    <dl class="legend" aria-label="Certainty of the identifications">
      <dt><span class="cert cert-high">high</span></dt>
      <dd>identified with high certainty</dd>
      <dt><span class="cert cert-medium">medium</span></dt>
      <dd>identified by the tool with medium certainty: worth checking</dd>
      <dt><span class="cert cert-low">low</span></dt>
      <dd>identified by the tool with low certainty: a guess for an editor to review</dd>
      <dt><span class="review">added automatically</span></dt>
      <dd>an entry the tool added for a name it did not know, not yet reviewed by an editor</dd>
    </dl>
  </xsl:template>

  <!-- A to Z: the letters with entries are links, the others shown greyed. -->
  <xsl:template name="f:letters">
    <xsl:param name="persons" as="element()*"/>
    <xsl:variable name="used" select="distinct-values($persons ! f:letter(.))"/>
    <nav class="az" aria-label="Persons by letter">
      <ul>
        <xsl:for-each select="(string-to-codepoints('ABCDEFGHIJKLMNOPQRSTUVWXYZ') ! codepoints-to-string(.), $used[not(matches(., '^[A-Z]$'))])">
          <li>
            <xsl:choose>
              <xsl:when test=". = $used"><a href="#tt-letter-{f:letter-id(.)}">{.}</a></xsl:when>
              <xsl:otherwise><span class="unused" aria-hidden="true">{.}</span></xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <!-- Each person's sort key, worked out once (it is asked for in sorting and for the letters). -->
  <xsl:variable name="f:sort-keys" as="map(xs:string, xs:string)"
      select="map:merge($personography//person[@xml:id] ! map:entry(generate-id(.), f:sort-key(.)))"/>

  <xsl:function name="f:letter" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="first" select="upper-case(substring($f:sort-keys(generate-id($person)), 1, 1))"/>
    <xsl:sequence select="if (matches($first, '^\p{L}$')) then $first else '#'"/>
  </xsl:function>

  <xsl:function name="f:letter-id" as="xs:string">
    <xsl:param name="letter" as="xs:string"/>
    <xsl:sequence select="if (matches($letter, '^[A-Z]$')) then $letter else 'other-' || string-join(string-to-codepoints($letter) ! string(.), '-')"/>
  </xsl:function>

  <xsl:template name="f:entry">
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="dates" select="f:life-dates(.)"/>
    <xsl:variable name="other-names" select="persName except (persName[@type = 'main'], persName)[1]"/>
    <xsl:variable name="counts" select="f:mention-counts($id)"/>
    <article class="person" id="{$id}"
        data-names="{lower-case(normalize-space(string-join(persName ! f:plain(.), ' | ')))}">
      <h3>
        <xsl:text>{f:person-name(.)}</xsl:text>
        <xsl:if test="$dates"><xsl:text> </xsl:text><span class="dates">({$dates})</span></xsl:if>
      </h3>
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
      <xsl:for-each select="f:wikidata(.)">
        <p class="authority"><a href="https://www.wikidata.org/wiki/{.}">Wikidata {.}</a></p>
      </xsl:for-each>
      <xsl:if test="@resp = '#tei-tools' or @cert = 'low'">
        <p class="review">Added automatically; not yet reviewed by an editor.</p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="exists($counts)">
          <xsl:variable name="mentions" select="xs:integer($counts/@mentions)"/>
          <xsl:variable name="editions" select="xs:integer($counts/@editions)"/>
          <p class="mention-count">{$mentions} mention{if ($mentions = 1) then '' else 's'} in
            {$editions} edition{if ($editions = 1) then '' else 's'}</p>
          <xsl:sequence select="f:part($id)"/>
        </xsl:when>
        <xsl:otherwise>
          <p class="mentions none">Not mentioned in these editions.</p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

</xsl:stylesheet>
