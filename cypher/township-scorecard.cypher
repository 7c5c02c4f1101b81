// name: township-scorecard
// zh: 乡镇整改成绩单：存在问题数；计划针对、次年落实、次年再现的问题数及比例（只计关联分达到确认线的关联），低于确认线的“待核实”另计。
// en: Township scorecard: shortcomings stated; how many a plan takes up, a next-year measure follows up, or recur, counting links at or above the confirmation score; those with weaker links only are counted apart as to be checked.
// The rule is kg/link/follow.py's (planned: a plan ADDRESSES it; followed up: a next-year measure FOLLOWS_UP it
// or one of its plans; recurring: a next-year shortcoming RECURS it; the last two only when checkable, i.e. the
// next year's report is in the store; confirmed when the best such link scores at least the confirmation
// score, whose defaults are kg/link/config.py's); tests/test_follow.py holds this query equal to it.
// param: township = null  乡镇名称，空为全部 / township name, all when null
// param: addresses_confirmed = 0.10  计划关联的确认线 / confirmation score of plan links
// param: follows_up_confirmed = 0.39  落实关联的确认线 / confirmation score of follow-up links
// param: recurs_confirmed = 0.30  再现关联的确认线 / confirmation score of recurrence links
MATCH (r:Report)-[:ABOUT_TOWNSHIP]->(t:Township)
WHERE $township IS NULL OR t.name = $township
MATCH (r)-[:HAS_SECTION]->(:Section)-[:HAS_ITEM]->(s:Shortcoming)
OPTIONAL MATCH (t)-[:IN_COUNTY]->(c:County)
OPTIONAL MATCH (later:Report)-[:ABOUT_TOWNSHIP]->(t)
WHERE later.year = r.year + 1
OPTIONAL MATCH (p:Plan)-[a:ADDRESSES]->(s)
OPTIONAL MATCH (m:Measure)-[f:FOLLOWS_UP]->(p)
OPTIONAL MATCH (d:Measure)-[g:FOLLOWS_UP]->(s)
OPTIONAL MATCH (again:Shortcoming)-[x:RECURS]->(s)
WITH c, t, r, s, count(DISTINCT later) > 0 AS checkable, count(DISTINCT p) > 0 AS planned,
     count(DISTINCT m) + count(DISTINCT d) > 0 AS followed, count(DISTINCT again) > 0 AS recurs,
     coalesce(max(a.score) >= $addresses_confirmed, false) AS plan_ok,
     coalesce(max(f.score) >= $follows_up_confirmed, false) OR coalesce(max(g.score) >= $follows_up_confirmed, false)
       AS follow_ok,
     coalesce(max(x.score) >= $recurs_confirmed, false) AS recur_ok
WITH c, t, count(DISTINCT r) AS reports, count(s) AS shortcomings,
     toInteger(sum(CASE WHEN plan_ok THEN 1 ELSE 0 END)) AS planned,
     toInteger(sum(CASE WHEN planned AND NOT plan_ok THEN 1 ELSE 0 END)) AS planned_to_check,
     toInteger(sum(CASE WHEN checkable THEN 1 ELSE 0 END)) AS checkable,
     toInteger(sum(CASE WHEN checkable AND follow_ok THEN 1 ELSE 0 END)) AS followed_up,
     toInteger(sum(CASE WHEN checkable AND followed AND NOT follow_ok THEN 1 ELSE 0 END)) AS followed_up_to_check,
     toInteger(sum(CASE WHEN checkable AND recur_ok THEN 1 ELSE 0 END)) AS recurring,
     toInteger(sum(CASE WHEN checkable AND recurs AND NOT recur_ok THEN 1 ELSE 0 END)) AS recurring_to_check
RETURN c.name AS county, t.name AS township, reports, shortcomings, planned,
       toInteger(round(100.0 * planned / shortcomings)) AS planned_pct, planned_to_check, checkable, followed_up,
       CASE WHEN checkable = 0 THEN null ELSE toInteger(round(100.0 * followed_up / checkable)) END AS followed_up_pct,
       followed_up_to_check, recurring,
       CASE WHEN checkable = 0 THEN null ELSE toInteger(round(100.0 * recurring / checkable)) END AS recurring_pct,
       recurring_to_check
ORDER BY township, county
