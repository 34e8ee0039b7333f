<?xml version="1.0" encoding="UTF-8"?>
<!--
  Letters and diaries in the plain-text reading version: a date the text gives in the Julian
  calendar (Old Style) is followed by its Gregorian day, which the stylesheet adds (inside the
  generated marks): "25 October 1917 (O.S.) = 7 November 1917". Openers, closers, datelines,
  salutations, signatures, postscripts and addresses are blocks of edition.xsl already.
  Included by edition.xsl; xsl:next-match writes the date's own words.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template match="date[normalize-space(@datingMethod) = '#julian'][@when-custom or @from-custom or @to-custom]"
                mode="t">
    <xsl:next-match/>
    <xsl:variable name="gregorian" select="f:text-gregorian-label(.)"/>
    <xsl:if test="$gregorian != '' and not(matches(string(.), '\(\s*\d|\d\s*/\s*\d|\(\s*\p{Lu}\p{Ll}+\.?\s+\d'))">
      <xsl:sequence select="f:gen((if (matches(string(.), 'O\.\s?S\.|Old Style|old style|Julian')) then '' else ' (O.S.)')
                                  || ' = ' || $gregorian)"/>
    </xsl:if>
  </xsl:template>

  <xsl:function name="f:text-gregorian-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="values" select="if ($date/@when) then $date/@when
        else if ($date/@from or $date/@to) then ($date/@from, $date/@to) else ($date/@notBefore, $date/@notAfter)"/>
    <xsl:sequence select="string-join($values ! (
        let $v := normalize-space(.) return
        if ($v castable as xs:date) then format-date(xs:date($v), '[D] [MNn] [Y]', 'en', (), ())
        else if ($v castable as xs:gYearMonth) then format-date(xs:date($v || '-01'), '[MNn] [Y]', 'en', (), ())
        else $v), ' – ')"/>
  </xsl:function>

</xsl:stylesheet>
