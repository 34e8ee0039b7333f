"""Who is who within one document: the mentions grouped into the document's persons.

Only the document's own evidence counts here (the personography comes after, in `identify`):
- a full name joins the person of an earlier name it fits ("Lev Bronstein" after "Lev Davidovich
  Bronstein"; "Sergi Witte" spelt otherwise), else is a new person;
- a lone word (surname, given name, nickname, initials after a title) joins the person it most
  plausibly means: the one the document already calls so, else the most prominent and most
  recent of those whose names hold it; never a person of another gender by title ("Mrs.
  Dickinson" is not "Mr. Dickinson"), and never a person named earlier in the sentence when a
  kinship word stands before it ("Anton and Marta, with their son Anton");
- a name used before its full name joins that full name ("The Death of Halvorsen" ... "Erik
  Halvorsen");
- aliases the text declares (`aliases`) merge the persons they tie together.
"""
from tei_tools.annotate.persons.cluster.clusterer import Clusterer
from tei_tools.annotate.persons.cluster.entity import Clustering, Entity
from tei_tools.annotate.persons.cluster.sexes import gender_of, gender_of_given
from tei_tools.annotate.persons.cluster.spelling import similar_full_names

__all__ = ["Clusterer", "Clustering", "Entity", "gender_of", "gender_of_given", "similar_full_names"]
