// name: county-townships
// (county is required: --param county=…)
// zh: 某县（市、区）在库的各乡镇（街道）及其各年度报告。
// en: The townships of one county in the store, with each report's key and year.
MATCH (t:Township)-[:IN_COUNTY]->(c:County {name: $county})
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t)
RETURN t.name AS township, r.year AS year, r.key AS key
ORDER BY township, year, key
