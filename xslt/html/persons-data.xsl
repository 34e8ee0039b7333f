<?xml version="1.0" encoding="UTF-8"?>
<!--
  The data of the person cards (persons-data.js): for every person the editions mention, the
  full name, life dates, Wikidata identifier, number of mentions, the editions that mention
  them and the register entry. site.js shows it when a mention is clicked or activated by
  keyboard. A script file (not JSON fetched at run time), so that it also works from file://.

  Made in parts, as the register is: each edition's share of a person's card ({"page": ...,
  "title": ..., "count": ...}, its page and title as f:json gives them, site-parts.xsl) is
  written where the edition is rendered (site_parts.edition_parts); the file once, from the
  personography and the site's summary, with a marker where each person's editions go.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:s="urn:tei-tools:site"
    xmlns:f="urn:tei-tools:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="no">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="register-common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- PARAMETER register-page: file name of the register of persons. Default: persons.html -->
  <xsl:param name="register-page" as="xs:string" select="'persons.html'"/>

  <xsl:function name="f:json" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="serialize($value, map {'method': 'json'})"/>
  </xsl:function>

  <!-- f:json of each string, with one serialize() for them all: the JSON strings of the array,
       cut apart where '","' stands (inside a JSON string every quotation mark is escaped, so
       that is always the end of one string and the start of the next); a regular expression
       over the array's text cost ten times as much. -->
  <xsl:function name="f:json-strings" as="xs:string*">
    <xsl:param name="values" as="xs:string*"/>
    <xsl:variable name="array" select="serialize(array {$values}, map {'method': 'json'})"/>
    <xsl:sequence select="if (empty($values)) then ()
        else tokenize(substring($array, 3, string-length($array) - 4), '&quot;,&quot;', 'q') ! ('&quot;' || . || '&quot;')"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="persons" as="element()*">
      <xsl:perform-sort select="$personography//person[@xml:id][exists(f:mention-counts(@xml:id))]">
        <xsl:sort select="string(@xml:id)" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
      </xsl:perform-sort>
    </xsl:variable>
    <!-- the strings of all the cards in one serialize() (one per string cost a second for
         thousands of persons), read back as its JSON strings -->
    <xsl:variable name="json" select="f:json-strings($persons ! (string(@xml:id), f:person-name(.), f:life-dates(.),
        normalize-space(string-join(note[1]//text(), ' ')), string(f:wikidata(.)[1]), $register-page || '#' || @xml:id))"/>
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$persons">
        <xsl:variable name="at" select="(position() - 1) * 6"/>
        <xsl:sequence select="$json[$at + 1] || ': {&quot;name&quot;: ' || $json[$at + 2]
            || ', &quot;dates&quot;: ' || $json[$at + 3]
            || ', &quot;note&quot;: ' || $json[$at + 4]
            || ', &quot;wikidata&quot;: ' || $json[$at + 5]
            || ', &quot;review&quot;: ' || (if (@resp = '#tei-tools' or @cert = 'low') then 'true' else 'false')
            || ', &quot;mentions&quot;: ' || f:mention-counts(@xml:id)/@mentions
            || ', &quot;register&quot;: ' || $json[$at + 6]
            || ', &quot;editions&quot;: [' || f:part(@xml:id) || ']}'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:text>/* tei-tools: what the person cards show (made from the personography and the editions). */&#10;</xsl:text>
    <xsl:text>window.teiToolsPersons = {&#10;</xsl:text>
    <xsl:value-of select="string-join($entries, ',&#10;')"/>
    <xsl:text>&#10;};&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
