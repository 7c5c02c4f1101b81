// name: plans-without-follow-up
// zh: 次年报告已有、但次年没有任何工作举措落实的下一步计划。
// en: Plans whose township has a next-year report in which no measure carries them out.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (r:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(p:Plan)
MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)<-[:ABOUT_TOWNSHIP]-(later:Report)
WHERE later.year = r.year + 1 AND ($township IS NULL OR t.name = $township)
OPTIONAL MATCH (m:Measure)-[:FOLLOWS_UP]->(p)
WITH t, r, p, count(m) AS measures
WHERE measures = 0
RETURN t.name AS township, r.year AS year, p.ordinal + 1 AS ordinal, p.text AS plan
ORDER BY township, year, ordinal
