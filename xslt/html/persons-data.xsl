<?xml version="1.0" encoding="UTF-8"?>
<!--
  The data of the person cards (persons-data.js): for every person the editions mention, the
  full name, life dates, Wikidata identifier, number of mentions, the editions that mention
  them and the register entry. site.js shows it when a mention is clicked or activated by
  keyboard. A script file (not JSON fetched at run time), so that it also works from file://.

  Called by name with the parameters "personography" and "site", as the register is.
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

  <!-- PARAMETER site: the merged indexes of the editions (set by tei-tools, not from the command
       line). -->
  <xsl:param name="site" as="document-node()?" select="()"/>

  <!-- PARAMETER register-page: file name of the register of persons. Default: persons.html -->
  <xsl:param name="register-page" as="xs:string" select="'persons.html'"/>

  <xsl:function name="f:json" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="serialize($value, map {'method': 'json'})"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="entries" as="xs:string*">
      <xsl:for-each select="$personography//person[@xml:id][exists(f:mentions-of(@xml:id))]">
        <xsl:sort select="string(@xml:id)" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
        <xsl:variable name="mentions" select="f:mentions-of(@xml:id)"/>
        <xsl:variable name="editions" as="xs:string*">
          <xsl:for-each-group select="$mentions" group-by="../@page">
            <xsl:sequence select="'{&quot;page&quot;: ' || f:json(current-grouping-key()) || ', &quot;title&quot;: '
                || f:json(string(current-group()[1]/../@title)) || ', &quot;count&quot;: ' || count(current-group()) || '}'"/>
          </xsl:for-each-group>
        </xsl:variable>
        <xsl:sequence select="f:json(string(@xml:id)) || ': {&quot;name&quot;: ' || f:json(f:person-name(.))
            || ', &quot;dates&quot;: ' || f:json(f:life-dates(.))
            || ', &quot;note&quot;: ' || f:json(normalize-space(string-join(note[1]//text(), ' ')))
            || ', &quot;wikidata&quot;: ' || f:json(string(f:wikidata(.)[1]))
            || ', &quot;review&quot;: ' || (if (@resp = '#tei-tools' or @cert = 'low') then 'true' else 'false')
            || ', &quot;mentions&quot;: ' || count($mentions)
            || ', &quot;register&quot;: ' || f:json($register-page || '#' || @xml:id)
            || ', &quot;editions&quot;: [' || string-join($editions, ', ') || ']}'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:text>/* tei-tools: what the person cards show (made from the personography and the editions). */&#10;</xsl:text>
    <xsl:text>window.teiToolsPersons = {&#10;</xsl:text>
    <xsl:value-of select="string-join($entries, ',&#10;')"/>
    <xsl:text>&#10;};&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
