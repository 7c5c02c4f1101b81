// name: metrics-by-indicator
// zh: 各乡镇报告中的数量指标，按指标名称和单位对照排列，附原文句子。
// en: The figures townships report, side by side by indicator and unit, with the sentence each was read from.
// param: indicator = null  指标名称包含的文字，空为全部 / text the indicator contains, all when null
// param: limit = 500  返回条数 / how many rows
MATCH (r:Report)-[:STATES]->(m:Metric)
WHERE $indicator IS NULL OR m.indicator CONTAINS $indicator
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
RETURN m.indicator AS indicator, m.unit AS unit, t.name AS township, r.year AS year, m.value AS value,
       m.approximate AS approximate, m.sentence AS sentence
ORDER BY indicator, unit, township, year, value
LIMIT $limit
