// name: laws-ranked
// zh: 法律法规按引用它的乡镇数排序（其次按报告数、引用次数）。
// en: Laws ranked by how many townships cite them, then by reports and mentions.
// param: limit = 20  返回条数 / how many rows
MATCH (r:Report)-[:CITES]->(l:Law)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
RETURN l.name AS law, count(DISTINCT t) AS townships, count(DISTINCT r) AS reports, count(*) AS mentions
ORDER BY townships DESC, reports DESC, mentions DESC, law
LIMIT $limit
