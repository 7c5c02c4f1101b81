// name: township-reports
// (township is required: --param township=…)
// param: county = null  县名，空为不限 / county name, any when null
// zh: 某乡镇各年度报告：报告键、标题、原文文件与内容哈希。
// en: Reports about one township (county optional), by year: key, title, source file and content hash.
// param: county = null  所属县（市、区），空为不限 / county, any when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township})
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, t, c
WHERE $county IS NULL OR c.name = $county
RETURN t.name AS township, c.name AS county, r.key AS key, r.year AS year, r.title AS title, r.sourceFile AS source,
       r.sha256 AS sha256
ORDER BY year, key
