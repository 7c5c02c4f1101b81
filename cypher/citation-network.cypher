// name: citation-network
// zh: 各乡镇与其报告引用的法律法规和活动，及引用报告数。
// en: Every township with the laws and campaigns its reports cite, and in how many of its reports.
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, t, c
MATCH (r)-[:CITES]->(x)
WHERE x:Law OR x:Campaign
RETURN t.name AS township, c.name AS county, labels(x) AS kind, coalesce(x.name, x.title) AS name,
       count(DISTINCT r) AS reports
ORDER BY township, name
