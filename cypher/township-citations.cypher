// name: township-citations
// (township is required: --param township=…)
// param: county = null  县名，空为不限 / county name, any when null
// zh: 某乡镇报告引用的法律法规、文件与活动，附引用句子与文件。
// en: Laws, documents and campaigns cited in one township's reports, with the citing sentence and file.
// param: county = null  所属县（市、区），空为不限 / county, any when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township})
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, c
WHERE $county IS NULL OR c.name = $county
MATCH (r)-[m:CITES]->(x)
RETURN r.key AS report, r.year AS year, head([label IN labels(x) WHERE label <> 'Resource']) AS kind,
       coalesce(x.name, x.title) AS name,
       m.sentence AS sentence, m.sourceFile AS source
ORDER BY year, name
