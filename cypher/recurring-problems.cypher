// name: recurring-problems
// zh: 跨年度重复出现的存在问题：后一年的问题与前一年的哪个问题相同，附共同词语。
// en: Shortcomings that recur: a later year's problem, the earlier one it restates, and the terms they share.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (later:Shortcoming)-[x:RECURS]->(earlier:Shortcoming)
MATCH (r2:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(later)
MATCH (r1:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(earlier)
MATCH (r2)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
RETURN t.name AS township, r1.year AS first_year, earlier.text AS first_shortcoming,
       r2.year AS again_year, later.text AS again_shortcoming, x.score AS score, x.sharedTerm AS shared_terms
ORDER BY township, first_year, again_year, first_shortcoming
