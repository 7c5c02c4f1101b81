// name: reports
// zh: 图库中的报告：乡镇、县（市、区）、年度、原文文件、报告键与载入时间；kg delete 按报告键删除。
// en: The reports the store holds: township, county, year, source file, key and load time; kg delete takes the key.
// param: township = null  乡镇名，空为全部 / township name, every one when null
MATCH (r:Report)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
WITH r, t, c
WHERE $township IS NULL OR t.name = $township
RETURN t.name AS township, c.name AS county, r.year AS year, r.sourceFile AS file, r.key AS key,
       r.loadedAt AS loaded
ORDER BY township, county, year, key
