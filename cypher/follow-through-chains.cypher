// name: follow-through-chains
// zh: 问题 → 计划 → 次年举措链条：每个存在问题、针对它的计划、以及次年落实该计划的举措（没有则为空）。
// en: Shortcoming → plan → next-year measure: each shortcoming, a plan that takes it up, and the later measure carrying that plan out (empty when none).
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (p:Plan)-[a:ADDRESSES]->(s:Shortcoming)
MATCH (r:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s)
MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
OPTIONAL MATCH (m:Measure)-[f:FOLLOWS_UP]->(p)
OPTIONAL MATCH (later:Report)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(m)
RETURN t.name AS township, r.year AS year, s.ordinal + 1 AS shortcoming_no, s.text AS shortcoming,
       p.ordinal + 1 AS plan_no, p.text AS plan, a.score AS plan_score,
       later.year AS measure_year, m.text AS measure, f.score AS measure_score
ORDER BY township, year, shortcoming_no, plan_no, measure_year, measure
