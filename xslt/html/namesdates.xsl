<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and dates (TEI Guidelines ch. 13).

  A person mentioned (persName, or rs/name typed "person") becomes a link to its entry in the
  register (persons.html#ID) when the personography knows it, with the full name and life dates
  on hover, and an id of its own so the register can link back to this very place. A date
  becomes <time datetime="..."> when its normalised value is one HTML accepts.
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

  <xsl:template match="persName | rs[@type = 'person'] | name[@type = 'person']">
    <xsl:variable name="target" select="f:mention-target(.)"/>
    <xsl:variable name="person" select="$target?person"/>
    <xsl:variable name="href" select="if (f:inside-link(.)) then () else $target?href"/>
    <xsl:element name="{if (exists($href)) then 'a' else if (f:as-block(.)) then 'div' else 'span'}">
      <xsl:variable name="classes" select="('persName', 'mention', @cert[. = ('low', 'medium')] ! ('cert-' || .),
          if ($target?registered) then 'registered' else ())"/>
      <xsl:choose>
        <!-- a plain mention (nearly all of them): what f:attributes writes for it, without the
             call (it is the commonest element of an edition) -->
        <xsl:when test="empty(@xml:lang | @rend | @type)">
          <xsl:variable name="id" select="$f:mention-id-map(generate-id(.))"/>
          <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
          <xsl:attribute name="class" select="string-join($classes, ' ')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="$classes"/>
            <xsl:with-param name="id" select="$f:mention-id-map(generate-id(.))"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="exists($href)"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:if test="exists($person)">
        <xsl:attribute name="title" select="$target?label"/>
      </xsl:if>
      <xsl:if test="$target?registered">
        <xsl:attribute name="data-person" select="$person/@xml:id"/>
        <xsl:attribute name="data-person-name" select="$target?name"/>
        <xsl:attribute name="data-pagefind-filter" select="'person[data-person-name]'"/>
        <xsl:if test="@cert"><xsl:attribute name="data-cert" select="normalize-space(@cert)"/></xsl:if>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- What a mention's person is, where it links and what it shows on hover: a function of the
       first token of its @ref alone (within one document), so it is worked out once per
       distinct @ref, not once per mention (a biography names its subject a thousand times). -->
  <xsl:variable name="f:mention-targets" as="map(xs:string, map(*))">
    <xsl:map>
      <xsl:for-each-group select="//(persName | rs[@type = 'person'] | name[@type = 'person'])"
          group-by="f:ref-key(.)">
        <xsl:variable name="person" select="f:person(.)"/>
        <xsl:map-entry key="current-grouping-key()" select="map {
            'person': $person, 'href': f:mention-href(., $person), 'registered': f:in-register($person),
            'label': $person ! f:person-label(.), 'name': $person ! f:person-name(.)}"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="f:ref-key" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="string(tokenize(normalize-space($mention/@ref))[1])"/>
  </xsl:function>

  <xsl:function name="f:mention-target" as="map(*)">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="key" select="f:ref-key($mention)"/>
    <xsl:sequence select="($f:mention-targets($key), map:merge(()))[1]"/>
  </xsl:function>

  <!-- The normalised values of a date, for the chronology: data-when, data-from ... -->
  <xsl:template name="f:date-data">
    <xsl:variable name="n" select="$f:date-numbers(generate-id(.))"/>
    <xsl:if test="exists($n)">
      <xsl:attribute name="id" select="f:id(., 'tt-t-', $f:date-numbers)"/>
      <xsl:for-each select="@when, @from, @to, @notBefore, @notAfter">
        <xsl:attribute name="data-{lower-case(replace(local-name(), '([a-z])([A-Z])', '$1-$2'))}" select="normalize-space(.)"/>
      </xsl:for-each>
      <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="date | time | docDate[@when]">
    <xsl:variable name="value" select="f:date-value(.)"/>
    <xsl:variable name="described" select="f:date-description(.)"/>
    <xsl:choose>
      <xsl:when test="self::docDate">
        <xsl:element name="{if (f:as-block-content(.)) then 'div' else if (f:as-block(.)) then 'p' else 'span'}">
          <xsl:call-template name="f:attributes"/>
          <xsl:choose>
            <xsl:when test="f:is-html-datetime($value) and not(f:as-block-content(.))">
              <time datetime="{$value}"><xsl:apply-templates/></time>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
          </xsl:choose>
        </xsl:element>
      </xsl:when>
      <xsl:when test="f:is-html-datetime($value) and not(f:as-block(.))">
        <time datetime="{$value}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="f:date-data"/>
          <xsl:if test="$described != $value">
            <xsl:attribute name="title" select="$described"/>
          </xsl:if>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (f:as-block(.)) then 'div' else 'span'}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="f:date-data"/>
          <xsl:if test="$described">
            <xsl:attribute name="title" select="$described"/>
          </xsl:if>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
