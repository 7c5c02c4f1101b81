// name: shortcomings-without-plan
// zh: 没有任何下一步计划针对的存在问题。
// en: Shortcomings that no plan of the same report takes up.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (r:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s:Shortcoming)
MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
OPTIONAL MATCH (p:Plan)-[:ADDRESSES]->(s)
WITH t, r, s, count(p) AS plans
WHERE plans = 0
RETURN t.name AS township, r.year AS year, s.ordinal + 1 AS ordinal, s.text AS shortcoming
ORDER BY township, year, ordinal
