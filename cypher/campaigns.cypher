// name: campaigns
// zh: 报告提到的普法活动、纪念日、品牌和工作法，及开展它们的乡镇数。
// en: Campaigns, commemorative days, models and methods the reports name, with how many townships take part.
// param: category = null  类别（day、programme、model、local、campaign），空为全部 / category, all when null
// param: limit = 50  返回条数 / how many rows
MATCH (r:Report)-[:CITES]->(c:Campaign)
WHERE $category IS NULL OR c.category = $category
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
RETURN c.name AS campaign, c.category AS category, count(DISTINCT t) AS townships,
       count(DISTINCT r) AS reports, collect(DISTINCT t.name) AS township_names
ORDER BY townships DESC, reports DESC, campaign
LIMIT $limit
