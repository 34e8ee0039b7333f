<?xml version="1.0" encoding="UTF-8"?>
<!--
  Letters and diaries (TEI Guidelines 4.2.2, 13.4): what the generic templates of
  textstructure.xsl (opener, closer, dateline, salute, signed, postscript, address) and
  namesdates.xsl (date) do not say.

  A date the text gives in the Julian calendar (Old Style: @datingMethod="#julian", its reading in
  @when-custom) shows its words, then its Gregorian day, which the stylesheet adds (class "gen"):
  "25 October 1917 (O.S.) = 7 November 1917". A double date that already writes both days
  ("25 October (7 November) 1917", "February 1/14, 1918") gets nothing added.
  Included by edition.xsl, so these templates win over the imported ones; xsl:next-match
  renders the date itself.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="date[normalize-space(@datingMethod) = '#julian'][@when-custom or @from-custom or @to-custom]">
    <xsl:next-match/>
    <xsl:variable name="gregorian" select="f:gregorian-label(.)"/>
    <xsl:if test="$gregorian != '' and not(f:writes-both-days(.))">
      <span class="gen calendar-equivalent" title="Old Style (Julian calendar); the Gregorian (New Style) day follows">
        <xsl:text>{if (f:says-old-style(.)) then '' else ' (O.S.)'} = {$gregorian}</xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The Gregorian day (or span) of a date, written out: "7 November 1917". -->
  <xsl:function name="f:gregorian-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string-join((
        $date/@when ! f:day-label(.),
        if ($date/@from or $date/@to) then string-join(($date/@from, $date/@to) ! f:day-label(.), ' – ') else (),
        if (not($date/@when) and ($date/@notBefore or $date/@notAfter))
        then string-join(($date/@notBefore, $date/@notAfter) ! f:day-label(.), ' – ') else ()), '')"/>
  </xsl:function>

  <xsl:function name="f:day-label" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:sequence select="
        if ($v castable as xs:date) then format-date(xs:date($v), '[D] [MNn] [Y]', 'en', (), ())
        else if ($v castable as xs:gYearMonth) then format-date(xs:date($v || '-01'), '[MNn] [Y]', 'en', (), ())
        else $v"/>
  </xsl:function>

  <!-- Whether the date's own words say it is Old Style ("October 25, 1917 (O.S.)"). -->
  <xsl:function name="f:says-old-style" as="xs:boolean">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="matches(string($date), 'O\.\s?S\.|Old Style|old style|Julian')"/>
  </xsl:function>

  <!-- Whether the date's own words already give both days: "25 October (7 November) 1917", "1/14". -->
  <xsl:function name="f:writes-both-days" as="xs:boolean">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="matches(string($date), '\(\s*\d|\d\s*/\s*\d|\(\s*\p{Lu}\p{Ll}+\.?\s+\d')"/>
  </xsl:function>

</xsl:stylesheet>
