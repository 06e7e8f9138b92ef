// The day after the last day of the in-force rule (in-force.cypher), as YYYY-MM-DD: r is in force on d when
// d < this day. validTo or endDate (a year or a month ends with its last day), else endedOn, else validFrom or
// startDate plus termYears; null when r is open.
CASE WHEN coalesce(r.validTo, r.endDate, r.endedOn) IS NOT NULL
     THEN CASE size(coalesce(r.validTo, r.endDate, r.endedOn))
            WHEN 4 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01-01') + duration({years: 1}))
            WHEN 7 THEN toString(date(coalesce(r.validTo, r.endDate, r.endedOn) + '-01') + duration({months: 1}))
            ELSE toString(date(coalesce(r.validTo, r.endDate, r.endedOn)) + duration({days: 1})) END
     WHEN r.termYears IS NOT NULL AND coalesce(r.validFrom, r.startDate) IS NOT NULL
     THEN toString(date(left(coalesce(r.validFrom, r.startDate) + '-01-01', 10)) + duration({years: r.termYears}))
END
