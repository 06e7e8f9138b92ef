// The first day of the in-force rule (in-force.cypher) as the text it is stated in: validFrom, else startDate, else
// signed, else announced; null when r states none.
coalesce(r.validFrom, r.startDate, r.signed, r.announced)
