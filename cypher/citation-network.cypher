// name: citation-network
// zh: 各乡镇与其报告引用的法律法规和活动，及引用报告数。
// en: Every township with the laws and campaigns its reports cite, and in how many of its reports.
// param: limit = 500  返回条数 / how many rows
MATCH (r:Report)-[:CITES]->(x)
WHERE x:Law OR x:Campaign
WITH DISTINCT r, x
MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WITH t, x, count(r) AS reports
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
RETURN t.name AS township, c.name AS county, labels(x) AS kind, coalesce(x.name, x.title) AS name, reports
ORDER BY township, name
LIMIT $limit
