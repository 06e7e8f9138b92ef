// Guide: where the sources disagree. Two sources' accounts of one deal, side by side (ADR 2: one relationship per
// source's account): LG Energy Solution's cobalt from Electra (70,000 t in the seed article, 7,000 t elsewhere) and
// Toyota Tsusho's stake in Orocobre (US$235 million or US$232 million). GET /api/conflicts lists them all.
MATCH accounts = (a:Company)-[deal:OFFTAKE|INVESTS_IN]->(b:Company)
WHERE [a.id, b.id] IN [['lg-energy-solution', 'electra'], ['toyota-tsusho', 'orocobre']]
RETURN accounts
