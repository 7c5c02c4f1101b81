// name: township-scorecard
// zh: 乡镇整改成绩单：存在问题中有计划针对的比例、计划在次年得到落实的比例。
// en: Township scorecard: the share of shortcomings a plan takes up, and the share whose plan a later measure carries out.
// param: township = null  乡镇名称，空为全部 / township name, all when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s:Shortcoming)
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
OPTIONAL MATCH (p:Plan)-[:ADDRESSES]->(s)
OPTIONAL MATCH (m:Measure)-[:FOLLOWS_UP]->(p)
WITH c, t, r, s, count(DISTINCT p) AS plans, count(DISTINCT m) AS measures
WITH c, t, count(DISTINCT r) AS reports, count(s) AS shortcomings,
     sum(CASE WHEN plans > 0 THEN 1 ELSE 0 END) AS planned,
     sum(CASE WHEN measures > 0 THEN 1 ELSE 0 END) AS followed_up
RETURN c.name AS county, t.name AS township, reports, shortcomings, planned, followed_up,
       round(100.0 * planned / shortcomings) AS planned_pct,
       round(100.0 * followed_up / shortcomings) AS followed_up_pct
ORDER BY township, county
