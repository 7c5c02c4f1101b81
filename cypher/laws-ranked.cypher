// name: laws-ranked
// zh: 法律法规按引用它的乡镇数排序（其次按报告数）。
// en: Laws ranked by how many townships cite them, then by how many reports.
// param: limit = 20  返回条数 / how many rows
// why: reports first, so the optional township is looked up once a report, not once a citation. Grouped by
// the node, named after. A report cites a law once (kg/extract/laws.py keeps one record per law), so its rows
// are counted, not made distinct.
MATCH (r:Report)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WITH r, t
MATCH (r)-[:CITES]->(l:Law)
WITH l, count(DISTINCT t) AS townships, count(r) AS reports
RETURN l.name AS law, townships, reports
ORDER BY townships DESC, reports DESC, law
LIMIT $limit
