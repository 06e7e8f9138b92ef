// Guide: world mine production in 2024 by country (USGS MCS 2025): each arrow carries tonnes and the share of the
// world total.
MATCH p = (:Country)-[:PRODUCES]->(:Mineral)
RETURN p
