<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the register of persons and the person cards share: how persons sort, their Wikidata
  identifier, and how often the site mentions them (the site's summary).
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

  <xsl:key name="f:summary-persons" match="s:person" use="@id"/>

  <!-- s:person id="..." mentions="how many" editions="in how many": the person's entry in the
       site's summary, none when no edition mentions them. -->
  <xsl:function name="f:mention-counts" as="element(s:person)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists($summary)) then key('f:summary-persons', $id, $summary)[1] else ()"/>
  </xsl:function>

  <!-- Sorted by @sortKey, else surname, else the last word of the display name, without
       accents, ignoring case. -->
  <xsl:function name="f:sort-key" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="name" select="f:person-name($person)"/>
    <xsl:variable name="key" select="($person/@sortKey, $person/persName[@type = 'main']/@sortKey,
        ($person/persName[@type = 'main'], $person/persName)[1]/surname[1], tokenize($name)[last()], $name)[normalize-space()][1]"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode(normalize-space($key) || ' ' || $name, 'NFD'), '\p{Mn}', ''))"/>
  </xsl:function>

  <xsl:function name="f:wikidata" as="xs:string*">
    <xsl:param name="person" as="element()"/>
    <xsl:sequence select="$person/idno[@type = 'wikidata'] ! normalize-space(.)[matches(., '^Q\d+$')]"/>
  </xsl:function>

</xsl:stylesheet>
