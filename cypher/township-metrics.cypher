// name: township-metrics
// (township is required: --param township=…)
// zh: 某乡镇报告给出的数据指标：指标、数值（范围的上限另列）、单位、是否约数及原文句子。
// en: Numbers one township's reports state: indicator, value (a range's upper bound beside it), unit, approximate or not, sentence.
// param: county = null  所属县（市、区），空为不限 / county, any when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township})
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, c
WHERE $county IS NULL OR c.name = $county
MATCH (r)-[:STATES]->(m:Metric)
RETURN r.key AS report, r.year AS year, m.indicator AS indicator, m.value AS value, m.upperValue AS upper, m.unit AS unit,
       m.approximate AS approximate, m.sentence AS sentence, m.sourceFile AS source
ORDER BY year, indicator
