// name: metrics-by-indicator
// zh: 各乡镇报告中的数量指标，按指标名称和单位对照排列，附原文句子。
// en: The figures townships report, side by side by indicator and unit, with the sentence each was read from.
// param: indicator = null  指标名称包含的文字，空为全部 / text the indicator contains, all when null
// param: limit = 500  返回条数 / how many rows
// why: sorting every metric's row is most of the time. Every metric has its one report (kg/rows.py), so
// the first $limit rows are among the metrics whose indicator is at most the $limit-th smallest: those
// metrics (the ties through the Metric.indicator index) are the only ones joined and sorted. Ties keep
// approximate, sentence.
MATCH (first:Metric)
WHERE $indicator IS NULL OR first.indicator CONTAINS $indicator
WITH first ORDER BY first.indicator LIMIT $limit
WITH collect(first) AS firsts, max(first.indicator) AS last
OPTIONAL MATCH (tied:Metric {indicator: last})
WITH firsts, collect(tied) AS ties
UNWIND firsts + ties AS m
WITH DISTINCT m
MATCH (r:Report)-[:STATES]->(m)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
RETURN m.indicator AS indicator, m.unit AS unit, t.name AS township, r.year AS year, m.value AS value, m.upperValue AS upper,
       m.approximate AS approximate, m.sentence AS sentence
ORDER BY indicator, unit, township, year, value, approximate, sentence
LIMIT $limit
