// name: citation-network
// zh: 各乡镇与其报告引用的法律法规和活动，及引用报告数。
// en: Every township with the laws and campaigns its reports cite, and in how many of its reports.
// param: limit = 500  返回条数 / how many rows
// why: counting every township's citations is most of the time. Rows come in township-name order and a
// township that cites a law gives at least one row, so the first $limit rows are among the townships named
// no later than the $limit-th such township (all townships when there are fewer). Ties keep county, kind.
// The name is compared after a projection, never in the MATCH: FalkorDB serves a range on an indexed property
// from its index, and its Township.name index answers `<=` on strings with other rows than the comparison
// does (more Chinese names, no Latin ones); a filter on a projected value is not served by the index.
MATCH (lawful:Township)<-[:ABOUT_TOWNSHIP]-(:Report)-[:CITES]->(:Law)
WITH DISTINCT lawful
WITH lawful.name AS name ORDER BY name LIMIT $limit
WITH CASE WHEN count(name) < $limit THEN null ELSE max(name) END AS last
MATCH (t:Township)
WITH t, t.name AS name, last
WHERE last IS NULL OR name <= last
MATCH (t)<-[:ABOUT_TOWNSHIP]-(r:Report)-[:CITES]->(x)
WITH t, x, count(DISTINCT r) AS reports
WHERE x:Law OR x:Campaign
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
RETURN t.name AS township, c.name AS county, head([label IN labels(x) WHERE label <> 'Resource']) AS kind,
       coalesce(x.name, x.title) AS name, reports
ORDER BY township, name, county, kind
LIMIT $limit
