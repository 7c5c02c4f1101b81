// name: county-problem-themes
// (county is required: --param county=…)
// zh: 某县（市、区）各乡镇存在问题所属主题：每个问题一行，附乡镇、年度与问题表述。
// en: The themes of the shortcomings stated by the townships of one county: one row per shortcoming and theme.
MATCH (t:Township)-[:IN_COUNTY]->(c:County {name: $county})
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t)
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s:Shortcoming)-[:HAS_THEME]->(th:Theme)
RETURN th.name AS theme, t.name AS township, r.year AS year, s.ordinal + 1 AS ordinal, s.text AS shortcoming
ORDER BY theme, township, year, ordinal
