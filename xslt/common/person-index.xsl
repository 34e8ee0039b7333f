<?xml version="1.0" encoding="UTF-8"?>
<!--
  The personography's persons by xml:id, as a map: made once per run by tei-tools and passed
  to every transformation as the parameter "person-index" (see f:registered-person in
  functions.xsl). A key over the personography would be built again by each transformation
  (Saxon keeps key indexes per transformation): for a personography of thousands of persons
  that index cost a quarter of an edition page's time.

  Called by name with the parameter "personography"; returns map(xs:string, element(person)):
  for each xml:id of a person, the first person in document order that carries it (what
  key('f:id', $id, $personography)[self::person][1] finds).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:param name="personography" as="document-node()?" select="()"/>

  <xsl:template name="xsl:initial-template" as="map(xs:string, element())">
    <xsl:sequence select="map:merge($personography//person[@xml:id] ! map:entry(string(@xml:id), .),
        map {'duplicates': 'use-first'})"/>
  </xsl:template>

</xsl:stylesheet>
