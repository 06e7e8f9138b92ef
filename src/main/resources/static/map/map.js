// The deposit map (countries shaded by their share of world mine production, sites as points) and the supply-demand
// map (flows as arcs from the country of supply to the buyers') for one mineral and date. Everything it draws comes
// from this application: the API and the Natural Earth shapes kept beside this file. No request leaves the machine.
(function () {
  'use strict';
  const width = 960, height = 500;
  const svg = d3.select('#map');
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const status = document.getElementById('status');
  const state = { countries: null, byNumeric: new Map(), centroids: new Map(), names: new Map(), flows: [] };
  const params = new URLSearchParams(location.search);

  const gradient = svg.append('defs').append('linearGradient').attr('id', 'share-gradient');
  gradient.append('stop').attr('offset', '0').attr('stop-color', d3.interpolateYlOrBr(0.05));
  gradient.append('stop').attr('offset', '1').attr('stop-color', d3.interpolateYlOrBr(0.95));

  function api(url) {
    return fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then(r => {
      if (!r.ok) {
        return r.json().catch(() => ({})).then(p => { throw new Error(p.detail || (url + ': ' + r.status)); });
      }
      return r.json();
    });
  }

  function text(tag, content, attrs) {
    const el = document.createElement(tag);
    if (content !== undefined && content !== null) el.textContent = content;
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    return el;
  }

  function fmt(n) { return n === null || n === undefined ? 'unknown' : Math.round(n).toLocaleString('en'); }

  async function start() {
    const started = performance.now();
    const [topology, countries, minerals] = await Promise.all([
      api('/map/countries-110m.json'), api('/map/countries.json'), api('/api/minerals')]);
    countries.countries.forEach(c => {
      state.byNumeric.set(c.numeric, c.id);
      state.centroids.set(c.id, c.centroid);
      state.names.set(c.id, c.name);
    });
    state.countries = topojson.feature(topology, topology.objects.countries).features;
    svg.select('#countries').selectAll('path').data(state.countries).join('path')
      .attr('class', 'country').attr('d', path)
      .attr('data-country', d => state.byNumeric.get(d.id) || '')
      .on('click', (event, d) => showCountry(state.byNumeric.get(d.id), d.properties.name));
    const select = document.getElementById('mineral');
    minerals.minerals.map(m => m.mineral).forEach(m => select.append(text('option', m.name, { value: m.id })));
    select.value = params.get('mineral') || 'lithium';
    document.getElementById('asOf').value = params.get('asOf') || '';
    document.getElementById('basis').value = params.get('basis') || 'origin';
    document.getElementById('top').value = params.get('top') || '100';
    document.getElementById('controls').addEventListener('change', () => draw());
    await draw(started);
  }

  async function draw(started) {
    const t0 = started || performance.now();
    const mineral = document.getElementById('mineral').value;
    const asOf = document.getElementById('asOf').value;
    const basis = document.getElementById('basis').value;
    const query = new URLSearchParams({ mineral });
    const top = document.getElementById('top').value;
    history.replaceState(null, '', '/map?' + new URLSearchParams({ mineral, basis, top, ...(asOf ? { asOf } : {}) }));
    status.textContent = 'Loading ' + mineral + '…';
    document.body.dataset.state = 'loading';
    try {
      const flowQuery = new URLSearchParams({ mineral, basis, ...(asOf ? { asOf } : {}) });
      const [production, sites, flows] = await Promise.all([
        api('/api/production?' + query).catch(() => null),
        api('/api/sites?' + query),
        api('/api/flows?' + flowQuery)]);
      shade(production);
      drawFlows(flows.flows);
      drawSites(sites.features);
      legend(production, sites, flows);
      const ms = Math.round(performance.now() - t0);
      // For the benchmark: from this draw's start, and from the page's navigation (first draw only).
      window.mapTimings = { drawMs: ms, sincePageStartMs: Math.round(performance.now()),
        sites: sites.features.length, markers: document.querySelectorAll('#sites circle').length,
        flows: flows.flows.length };
      status.textContent = sites.features.length + ' sites, ' + flows.flows.length + ' flows (' + ms + ' ms)';
      document.body.dataset.state = 'drawn';
    } catch (e) {
      status.textContent = 'Could not draw: ' + e.message;
      document.body.dataset.state = 'failed';
    }
  }

  function shade(production) {
    const shares = new Map((production ? production.countries : []).map(s => [s.country.id, s.sharePct]));
    const max = d3.max([...shares.values()]) || 1;
    svg.select('#countries').selectAll('path')
      .attr('fill', d => {
        const share = shares.get(state.byNumeric.get(d.id));
        return share === undefined ? '#f4f1ea' : d3.interpolateYlOrBr(0.1 + 0.85 * Math.sqrt(share / max));
      })
      .selectAll('title').data(d => [d]).join('title')
      .text(d => {
        const share = shares.get(state.byNumeric.get(d.id));
        return d.properties.name + (share === undefined ? '' : ': ' + share + '% of world mine production');
      });
  }

  // Sites at the same point (those placed at their country's centroid, say) share one marker: its area by their
  // stated capacity added up, else by their number, so that ten thousand sites stay ten thousand clicks away, not
  // ten thousand circles on top of each other.
  function drawSites(features) {
    const groups = d3.groups(features, f => f.geometry.coordinates.join(',')).map(([key, members]) => ({
      key, members, coordinates: members[0].geometry.coordinates,
      capacity: d3.sum(members, f => f.properties.capacityTonnesPerYear || 0),
      approximate: members.every(f => f.properties.approximate)
    }));
    const capacities = groups.map(g => g.capacity).filter(c => c);
    const radius = d3.scaleSqrt().domain([0, d3.max(capacities) || 1]).range([2.5, 14]);
    svg.select('#sites').selectAll('circle').data(groups, g => g.key).join('circle')
      .attr('class', g => 'site' + (g.approximate ? ' approximate' : ''))
      .attr('data-site', g => g.members.length === 1 ? g.members[0].id : null)
      .attr('data-sites', g => g.members.length)
      .attr('cx', g => projection(g.coordinates)[0])
      .attr('cy', g => projection(g.coordinates)[1])
      .attr('r', g => g.capacity ? radius(g.capacity) : Math.min(14, 3 + Math.sqrt(g.members.length - 1)))
      .on('click', (event, g) => g.members.length === 1 ? showSite(g.members[0].properties) : showGroup(g.members))
      .selectAll('title').data(g => [g]).join('title')
      .text(g => g.members.length === 1
        ? g.members[0].properties.name + ' (' + g.members[0].properties.precision + ')'
        : g.members.length + ' sites at one point (' + g.members[0].properties.precision + ')');
  }

  function showGroup(members) {
    const first = members[0].properties;
    const list = text('ol');
    members.slice(0, 100).forEach(f => {
      const item = text('li');
      const link = text('a', f.properties.name, { href: '#', 'data-site': f.id });
      link.addEventListener('click', e => { e.preventDefault(); showSite(f.properties); });
      item.append(link, document.createTextNode(' · ' + names(f.properties.operators)));
      list.append(item);
    });
    if (members.length > 100) list.append(text('li', '… and ' + (members.length - 100) + ' more'));
    const section = document.getElementById('details');
    section.replaceChildren(text('h2', members.length + ' sites in ' + (first.countryName || 'one place')),
      text('p', first.precision === 'country' ? 'None of them has coordinates in the graph: they stand at the'
        + ' centroid of ' + (first.countryName || 'their country') + '.' : 'They share one point.'), list);
  }

  function drawFlows(flows) {
    state.flows = flows;
    const known = flows.map(f => f.tonnesPerYear).filter(t => t);
    const widthOf = d3.scaleSqrt().domain([0, d3.max(known) || 1]).range([1, 9]);
    // Flows come largest first; only the largest are drawn (the list and the legend say how many).
    const top = document.getElementById('top').value;
    const between = flows.filter(f => f.from !== f.to && state.centroids.has(f.from) && state.centroids.has(f.to));
    const arcs = top === 'all' ? between : between.slice(0, Number(top));
    state.drawnArcs = arcs.length;
    state.allArcs = between.length;
    svg.select('#flows').selectAll('path').data(arcs, f => f.from + '>' + f.to).join('path')
      .attr('class', 'flow').attr('data-flow', f => f.from + '->' + f.to)
      .attr('stroke-width', f => f.tonnesPerYear ? widthOf(f.tonnesPerYear) : 1)
      .attr('stroke-dasharray', f => f.tonnesPerYear ? null : '3 3')
      .attr('d', f => {
        const a = projection(state.centroids.get(f.from)), b = projection(state.centroids.get(f.to));
        const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2 - Math.hypot(b[0] - a[0], b[1] - a[1]) / 4;
        return 'M' + a[0] + ',' + a[1] + 'Q' + mx + ',' + my + ' ' + b[0] + ',' + b[1];
      })
      .selectAll('title').data(f => [f]).join('title').text(flowText);
    const list = document.getElementById('flow-list');
    list.replaceChildren(...flows.slice(0, 200).map(f => text('li', flowText(f), { 'data-flow': f.from + '->' + f.to })));
    if (flows.length > 200) list.append(text('li', '… and ' + (flows.length - 200) + ' more'));
    if (!flows.length) list.append(text('li', 'No flows for this mineral and date.'));
  }

  function flowText(f) {
    return f.fromName + ' → ' + f.toName + ': ' + (f.tonnesPerYear ? fmt(f.tonnesPerYear) + ' t/yr' : 'volume unknown')
      + ', ' + f.contracts + ' contract' + (f.contracts === 1 ? '' : 's') + ', ' + f.stakes + ' stake'
      + (f.stakes === 1 ? '' : 's');
  }

  function legend(production, sites, flows) {
    const parts = [];
    if (production) {
      parts.push('Production: ' + production.source + ' (' + production.year
        + (production.vintage ? ', ' + production.vintage : '') + ')');
    }
    parts.push('Arcs: the ' + state.drawnArcs + ' largest of ' + state.allArcs + ' flows between countries');
    const sources = new Set(sites.features.flatMap(f => f.properties.sources));
    parts.push('Sites and deals: ' + sources.size + ' sources (click a site for its own)');
    parts.push('Country shapes: Natural Earth 1:110m v4.1.0, public domain (world-atlas 2.0.2)');
    parts.push(flows.notes.join(' '));
    document.getElementById('sources').textContent = parts.join(' · ');
  }

  function details(title, rows) {
    const section = document.getElementById('details');
    const dl = text('dl');
    rows.forEach(([k, v]) => { dl.append(text('dt', k)); dl.append(text('dd', v)); });
    section.replaceChildren(text('h2', title), dl);
    return section;
  }

  function names(list, extra) {
    return list.length ? list.map(x => x.name + (extra ? extra(x) : '')).join('; ') : 'none in the graph';
  }

  // A site's own record: what the map's GeoJSON carries, then its offtakers and every source, from /api/entities.
  async function showSite(p) {
    const rows = [
      ['Kind', p.label + (p.kind ? ' (' + p.kind + ')' : '') + (p.status ? ', ' + p.status : '')],
      ['Country', p.countryName || 'unknown'],
      ['Location', p.precision + (p.precision === 'country' ? ': no coordinates in the graph, placed at the'
        + ' centroid of ' + (p.countryName || 'its country') : p.locationNote ? ': ' + p.locationNote : '')],
      ['Produces', names(p.products, x => x.capacityTonnesPerYear ? ' (' + fmt(x.capacityTonnesPerYear) + ' t/yr)' : '')],
      ['Operator', names(p.operators)],
      ['Owners', names(p.owners, x => x.stakePct !== undefined ? ' ' + x.stakePct + '% (' + x.source + ')' : '')]];
    details(p.name, rows.concat([['Offtakers', p.offtakes ? 'loading…' : 'none in the graph'],
      ['Sources', p.sources.join(', ')]])).dataset.site = p.id;
    if (!p.offtakes) return;
    try {
      const entity = await api('/api/entities/' + encodeURIComponent(p.id));
      const byId = new Map(entity.neighbours.map(n => [n.id, n.name]));
      const offtakes = entity.relationships.filter(r => r.type === 'OFFTAKE' && r.to === p.id);
      const sources = new Set(p.sources);
      entity.relationships.forEach(r => r.properties.source && sources.add(r.properties.source));
      const offtakers = offtakes.map(r => (byId.get(r.from) || r.from) + ' (' + (r.properties.caption || 'offtake')
        + '; ' + r.properties.source + ')').join('; ');
      if (document.getElementById('details').dataset.site === p.id) {
        details(p.name, rows.concat([['Offtakers', offtakers], ['Sources', [...sources].join(', ')]]))
          .dataset.site = p.id;
      }
    } catch (e) {
      details(p.name, rows.concat([['Offtakers', e.message]])).dataset.site = p.id;
    }
  }

  async function showCountry(id, name) {
    if (!id) return;
    const mineral = document.getElementById('mineral').value;
    const asOf = document.getElementById('asOf').value;
    const inbound = state.flows.filter(f => f.to === id);
    const section = details(name, [['Exposure', inbound.length ? 'loading…' : 'Its firms have no ' + mineral
      + ' supply in the graph' + (asOf ? ' on ' + asOf : '') + '.']]);
    section.dataset.country = id;
    if (!inbound.length) return;
    const rows = [];
    for (const f of inbound) {
      const q = new URLSearchParams({ buyerCountry: id, sourceCountry: f.from, mineral,
        basis: document.getElementById('basis').value, limit: '1', ...(asOf ? { asOf } : {}) });
      try {
        const exposure = await api('/api/exposure?' + q);
        rows.push(['From ' + f.fromName, exposure.summary.join(' ') + ' Firms: '
          + exposure.companies.map(c => c.company.name + ' (' + c.dependencies + ')').join('; ')]);
      } catch (e) {
        rows.push(['From ' + f.fromName, e.message]);
      }
    }
    details(name, rows).dataset.country = id;
  }

  start().catch(e => { status.textContent = 'Could not start: ' + e.message; document.body.dataset.state = 'failed'; });
})();
