// name: campaigns
// zh: 报告提到的普法活动、纪念日、品牌和工作法，及开展它们的乡镇数。
// en: Campaigns, commemorative days, models and methods the reports name, with how many townships take part.
// param: category = null  类别（day、programme、model、local、campaign），空为全部 / category, all when null
// param: limit = 50  返回条数 / how many rows
// why: reports first, so the optional township is looked up once a report, not once a citation. No list of
// township names: a national programme has thousands, and collecting them doubled the time at 10,000 reports.
// Grouped by the node, named after: grouping by its name and category reads them once a citation. A report
// cites a campaign once (kg/extract/campaigns.py keeps one record per campaign node), so its rows are counted,
// not made distinct: each count(DISTINCT) cost about 45 ms at 10,000 reports.
MATCH (r:Report)
OPTIONAL MATCH (r)-[:ABOUT_TOWNSHIP]->(t:Township)
WITH r, t
MATCH (r)-[:CITES]->(c:Campaign)
WHERE $category IS NULL OR c.category = $category
WITH c, count(DISTINCT t) AS townships, count(r) AS reports
RETURN c.name AS campaign, c.category AS category, townships, reports
ORDER BY townships DESC, reports DESC, campaign
LIMIT $limit
