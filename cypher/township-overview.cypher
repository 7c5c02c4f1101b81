// name: township-overview
// zh: 各乡镇各年度报告概览：列出的工作举措、存在问题、下一步计划条数，以及引用的法律法规数。
// en: Each township's reports by year: how many measures, shortcomings and plans they list, and how many laws they cite.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
OPTIONAL MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i:Resource)
WITH c, t, r,
     toInteger(sum(CASE WHEN 'Measure' IN labels(i) THEN 1 ELSE 0 END)) AS measures,
     toInteger(sum(CASE WHEN 'Shortcoming' IN labels(i) THEN 1 ELSE 0 END)) AS shortcomings,
     toInteger(sum(CASE WHEN 'Plan' IN labels(i) THEN 1 ELSE 0 END)) AS plans
OPTIONAL MATCH (r)-[:CITES]->(l:Law)
RETURN c.name AS county, t.name AS township, r.year AS year, measures, shortcomings, plans,
       count(DISTINCT l) AS laws, r.sourceFile AS file
ORDER BY township, county, year, file
