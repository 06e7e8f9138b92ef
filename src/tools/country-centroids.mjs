// Writes src/main/resources/static/map/countries.json: for each country of Natural Earth's 1:50m Admin 0 shapes
// (the world-atlas package), its ISO 3166-1 alpha-2 and numeric codes, its name and the spherical centroid of its
// largest polygon (so that France's lies in France, not between it and French Guiana). Sites without coordinates
// are placed there, with precision "country". Run from a directory holding world-atlas@2.0.2, d3-geo@3,
// topojson-client@3.1.0 and i18n-iso-countries@7 (npm install), then copy the output:
//   node country-centroids.mjs > countries.json
import fs from 'node:fs';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';

const topology = JSON.parse(fs.readFileSync('world-atlas-2.0.2/countries-50m.json', 'utf8'));
const shapes = feature(topology, topology.objects.countries).features;
const best = new Map();
for (const shape of shapes) {
  if (shape.id === undefined) continue;
  const alpha2 = countries.numericToAlpha2(shape.id);
  if (!alpha2) continue;
  const polygons = shape.geometry.type === 'MultiPolygon'
    ? shape.geometry.coordinates.map(c => ({ type: 'Polygon', coordinates: c }))
    : [shape.geometry];
  const largest = polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  const area = geoArea(largest);
  // Some codes cover several shapes (Australia and Ashmore and Cartier Is.): the largest polygon wins.
  if (best.has(alpha2) && best.get(alpha2).area >= area) continue;
  const [lon, lat] = geoCentroid(largest);
  best.set(alpha2, { area, entry: { id: alpha2, numeric: shape.id, name: shape.properties.name,
    centroid: [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000] } });
}
const out = [...best.values()].map(b => b.entry);
out.sort((a, b) => a.id.localeCompare(b.id));
process.stdout.write(JSON.stringify({
  source: 'Natural Earth 1:50m Admin 0 country boundaries, version 4.1.0 (public domain), as TopoJSON in world-atlas 2.0.2; centroid of each country\'s largest polygon, computed with d3-geo 3 (src/tools/country-centroids.mjs)',
  countries: out }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
