// name: township-scorecard
// zh: 乡镇整改成绩单：存在问题数，有计划针对的问题及比例，次年报告可核对的问题中得到落实、再次出现的问题及比例。
// en: Township scorecard: shortcomings stated; how many a plan takes up; of those a next-year report can check, how many a measure followed up and how many recur.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s:Shortcoming)
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
OPTIONAL MATCH (later:Report)-[:ABOUT_TOWNSHIP]->(t)
WHERE later.year = r.year + 1
OPTIONAL MATCH (p:Plan)-[:ADDRESSES]->(s)
OPTIONAL MATCH (m:Measure)-[:FOLLOWS_UP]->(p)
OPTIONAL MATCH (d:Measure)-[:FOLLOWS_UP]->(s)
OPTIONAL MATCH (again:Shortcoming)-[:RECURS]->(s)
WITH c, t, r, s, count(DISTINCT later) AS laters, count(DISTINCT p) AS plans,
     count(DISTINCT m) + count(DISTINCT d) AS measures, count(DISTINCT again) AS recurrences
WITH c, t, count(DISTINCT r) AS reports, count(s) AS shortcomings,
     toInteger(sum(CASE WHEN plans > 0 THEN 1 ELSE 0 END)) AS planned,
     toInteger(sum(CASE WHEN laters > 0 THEN 1 ELSE 0 END)) AS checkable,
     toInteger(sum(CASE WHEN laters > 0 AND measures > 0 THEN 1 ELSE 0 END)) AS followed_up,
     toInteger(sum(CASE WHEN laters > 0 AND recurrences > 0 THEN 1 ELSE 0 END)) AS recurring
RETURN c.name AS county, t.name AS township, reports, shortcomings, planned,
       toInteger(round(100.0 * planned / shortcomings)) AS planned_pct, checkable, followed_up,
       CASE WHEN checkable = 0 THEN null ELSE toInteger(round(100.0 * followed_up / checkable)) END AS followed_up_pct,
       recurring,
       CASE WHEN checkable = 0 THEN null ELSE toInteger(round(100.0 * recurring / checkable)) END AS recurring_pct
ORDER BY township, county
