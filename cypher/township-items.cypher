// name: township-items
// (township is required: --param township=…)
// param: county = null  县名，空为不限 / county name, any when null
// zh: 某乡镇各报告的工作措施、存在问题与下一步计划，附原文句子与文件。
// en: Measures, shortcomings and plans of one township's reports, with the sentence and file each was read from.
// param: county = null  所属县（市、区），空为不限 / county, any when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township})
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, c
WHERE $county IS NULL OR c.name = $county
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(i)
RETURN r.key AS report, r.year AS year, head([label IN labels(i) WHERE label <> 'Resource']) AS kind,
       i.ordinal + 1 AS ordinal, i.text AS text,
       i.sentence AS sentence, i.sourceFile AS source
ORDER BY year, ordinal
