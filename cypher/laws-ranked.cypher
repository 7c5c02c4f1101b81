// name: laws-ranked
// zh: 法律法规按引用它的乡镇数排序（其次按报告数、引用次数）。
// en: Laws ranked by how many townships cite them, then by reports and mentions.
// param: limit = 20  返回条数 / how many rows
// why: reports first, so the optional township is looked up once a report, not once a citation.
MATCH (r:Report)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WITH r, t
MATCH (r)-[:CITES]->(l:Law)
RETURN l.name AS law, count(DISTINCT t) AS townships, count(DISTINCT r) AS reports, count(*) AS mentions
ORDER BY townships DESC, reports DESC, mentions DESC, law
LIMIT $limit
