// name: township-links
// (township is required: --param township=…)
// zh: 某乡镇报告中的整改链接：计划针对问题、次年举措落实、问题再次出现。
// en: Follow-through links starting in one township's reports: plan ADDRESSES shortcoming, measure FOLLOWS_UP, shortcoming RECURS.
// param: county = null  所属县（市、区），空为不限 / county, any when null
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township {name: $township})
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, c
WHERE $county IS NULL OR c.name = $county
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(a)-[l:ADDRESSES|FOLLOWS_UP|RECURS]->(b)
MATCH (b)<-[:HAS_ITEM]-(:Section)<-[:HAS_SECTION]-(r2:Report)
RETURN type(l) AS relation, r.key AS from_report, head([label IN labels(a) WHERE label <> 'Resource']) AS from_kind,
       a.ordinal + 1 AS from_ordinal, r2.key AS to_report, head([label IN labels(b) WHERE label <> 'Resource']) AS to_kind,
       b.ordinal + 1 AS to_ordinal, l.score AS score, l.method AS method
