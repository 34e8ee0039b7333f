<?xml version="1.0" encoding="UTF-8"?>
<!--
  The chronology: every normalised date of the editions in time order, each with the sentence
  it stands in and a link back to that very place.

  Placing: a date at its start (a range "1889-1914" at 1889, a month at its first day), ties
  broken by the end (a day before the month that holds it, a short range before a long one),
  then by the order of the editions and of the text. A date known only within limits
  (notBefore/notAfter) stands at its earliest possible day, with its limits shown; dates whose
  year the text does not give (a month and day only) are listed apart, by month and day.

  Made in parts (see site-parts.xsl and tei_tools.render.site_parts): each date's entry (an li
  "event": the value linked to its place, the sentence with the date's words marked, edition and
  section, certainty) is written from its edition's index where the edition is rendered
  (site_parts.edition_parts), with its place in time (its sort keys and year); the page once, from the site's summary (parameter "summary": how many dates, from how many
  editions, the years in order, whether some have no year), with a marker in each year where
  that year's entries go, in time order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:import href="common.xsl"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="count" select="f:summary-count('dates')"/>
    <xsl:variable name="editions" select="f:summary-count('dated-editions')"/>
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="'Chronology — ' || $site-title"/>
      <xsl:with-param name="current" select="'chronology'"/>
      <xsl:with-param name="content">
        <h1>Chronology</h1>
        <p class="summary">{$count} dated passage{if ($count = 1) then '' else 's'} from
          {$editions} edition{if ($editions = 1) then '' else 's'},
          in time order. A range stands at its start; a date known only within limits at the earliest
          day it can be, with its limits given.</p>
        <xsl:variable name="years" select="$summary/s:summary/s:year/string(@label)"/>
        <xsl:if test="count($years) gt 1">
          <nav class="years" aria-label="Years">
            <ul>
              <xsl:for-each select="$years">
                <li><a href="#tt-year-{f:year-id(.)}">{.}</a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:if>
        <xsl:for-each select="$years">
          <section class="year" aria-labelledby="tt-year-{f:year-id(.)}">
            <h2 id="tt-year-{f:year-id(.)}">{.}</h2>
            <ol class="chronology">
              <xsl:sequence select="f:part('year-' || position())"/>
            </ol>
          </section>
        </xsl:for-each>
        <xsl:if test="$summary/s:summary/@yearless = 'yes'">
          <section class="year yearless" aria-labelledby="tt-year-none">
            <h2 id="tt-year-none">Without a year</h2>
            <p class="summary">The text gives a month or a day but no year.</p>
            <ol class="chronology">
              <xsl:sequence select="f:part('yearless')"/>
            </ol>
          </section>
        </xsl:if>
        <xsl:if test="$count = 0">
          <p class="summary">The editions have no normalised dates.</p>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="f:year-id" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="replace($year, '\s+', '-')"/>
  </xsl:function>

</xsl:stylesheet>
