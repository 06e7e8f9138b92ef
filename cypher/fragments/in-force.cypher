// The in-force rule (docs/analytics.md, "Dates"): true when the relationship or agreement r is in force on $asOf.
// It began (validFrom, else startDate, else signed, else announced) on or before that day, and has not ended: validTo
// or endDate (a year or a month ends with its last day), else endedOn (another account of the same deal stated its
// end), else validFrom or startDate plus termYears. Without dates it counts on every day. The Java copy of the same
// rule is org.mineralsupplygraph.graph.InForce; InForceRuleTest runs both on the same cases.
// Queries include it between /*<in-force x>*/ and /*</in-force>*/, with x in place of r; the loader
// (CypherQueries) puts this text there, and CypherFragmentsTest checks that each file's own copy, which Neo4j Browser
// runs, is this text.
(coalesce(r.validFrom, r.startDate, r.signed, r.announced) IS NULL
 OR coalesce(r.validFrom, r.startDate, r.signed, r.announced) <= $asOf)
AND (CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
          THEN left($asOf, size(coalesce(r.validTo, r.endDate, r.endedOn))) <= coalesce(r.validTo, r.endDate, r.endedOn)
          WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
          THEN date($asOf) < date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10))
                             + duration({years: r.termYears})
          ELSE true END)
