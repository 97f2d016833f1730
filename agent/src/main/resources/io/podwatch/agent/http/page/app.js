// podwatch status page. Every value from the API is untrusted (container names, images, labels,
// commands): elements are built with textContent only, never innerHTML, and links carry encoded ids.
'use strict';
(function () {
  const main = document.getElementById('main');
  let timer = null;
  let charts = [];
  let sortKey = 'name', sortAsc = true;
  let eventsSeen = 0, eventRows = [];

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'onclick') e.addEventListener('click', v); else e.setAttribute(k, v);
    }
    for (const k of kids) {
      if (k === null || k === undefined) continue;
      e.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
    }
    return e;
  }
  function table(headers, rows) {
    const t = el('table', {}, el('tr', {}, ...headers.map(h => typeof h === 'object' ? h : el('th', {}, h))));
    rows.forEach(r => t.appendChild(r));
    return t;
  }
  function td(v, cls) { return el('td', cls ? {class: cls} : {}, v === null || v === undefined ? '–' : v); }
  async function api(path) {
    const r = await fetch('/api/v1/' + path, {headers: {Accept: 'application/json'}});
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  }
  const fmt = {
    bytes(v) { if (v === null || v === undefined) return '–'; const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB']; let i = 0;
      while (Math.abs(v) >= 1024 && i < u.length - 1) { v /= 1024; i++; } return v.toFixed(i ? 1 : 0) + ' ' + u[i]; },
    rate(v) { return v === null || v === undefined ? '–' : fmt.bytes(v) + '/s'; },
    cores(v) { return v === null || v === undefined ? '–' : v.toFixed(3); },
    num(v, d) { return v === null || v === undefined ? '–' : Number(v).toFixed(d || 0); },
    time(s) { return s ? new Date(s).toLocaleString() : '–'; },
    ago(s) { if (!s) return 'never'; const d = (Date.now() - new Date(s).getTime()) / 1000;
      return d < 90 ? Math.round(d) + ' s ago' : d < 5400 ? Math.round(d / 60) + ' min ago' : Math.round(d / 3600) + ' h ago'; },
    dur(s) { const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
      return (d ? d + 'd ' : '') + h + 'h ' + m + 'm'; },
  };
  function sev(s) { return el('span', {class: 'sev-' + s}, s); }
  function containerLink(id, name) {
    return id ? el('a', {href: '#/container/' + encodeURIComponent(id)}, name || id.slice(0, 12)) : (name || '–');
  }

  async function overview() {
    const o = await api('overview');
    const cards = el('div', {class: 'cards'},
      card('Containers', o.counts.containers, o.counts.running + ' running'),
      card('Alerts firing', o.counts.alertsFiring, '', o.counts.alertsFiring ? 'bad' : 'ok'),
      card('Findings', o.counts.findings, 'posture'),
      card('Uptime', fmt.dur(o.uptimeSeconds), 'since ' + fmt.time(o.started)));
    const collectors = table(['Collector', 'State', 'Last success', 'Failures', 'Last error'], o.collectors.map(c =>
      el('tr', {}, td(c.name), td(c.up ? 'up' : 'down', c.up ? 'ok' : 'bad'), td(fmt.ago(c.lastSuccess)),
        td(c.consecutiveFailures, 'num'), td(c.lastError, 'mono'))));
    const a = o.audit || {};
    const audit = Object.keys(a).length === 0 ? el('p', {class: 'muted'}, 'audit trail not enabled or not reported yet')
      : table(['Log readable', 'Kernel auditing', 'Rules', 'Backlog', 'Lost (kernel)', 'Possibly lost', 'Parse errors'], [el('tr', {},
        td(a.podwatch_audit_log_readable === 1 ? 'yes' : 'no', a.podwatch_audit_log_readable === 1 ? 'ok' : 'bad'),
        td(a.podwatch_audit_kernel_enabled === undefined ? '–' : a.podwatch_audit_kernel_enabled >= 1 ? 'enabled' : 'disabled'),
        td(fmt.num(a.podwatch_audit_kernel_rules), 'num'),
        td(fmt.num(a.podwatch_audit_kernel_backlog) + ' / ' + fmt.num(a.podwatch_audit_kernel_backlog_limit), 'num'),
        td(fmt.num(a.podwatch_audit_kernel_lost_total), 'num'), td(fmt.num(a.podwatch_audit_possibly_lost_total), 'num'),
        td(fmt.num(a.podwatch_audit_parse_errors_total), 'num'))]);
    const receivers = o.receivers.length === 0 ? el('p', {class: 'muted'}, 'no receivers configured: alerts go to the event log ' + o.eventLog + ' only')
      : table(['Receiver', 'Outbox', 'Last success', 'Last error', 'When'], o.receivers.map(r =>
        el('tr', {}, td(r.sink), td(r.pending, r.pending > 0 ? 'num warn' : 'num'), td(fmt.ago(r.lastSuccess)),
          td(r.lastError || '', 'mono'), td(r.lastErrorAt ? fmt.ago(r.lastErrorAt) : ''))));
    render(el('h2', {}, 'Host ' + o.host + ' · podwatch ' + o.version + ' · engines: ' + (o.engines.join(', ') || 'none yet')),
      cards, el('h2', {}, 'Collectors'), collectors, el('h2', {}, 'Audit'), audit, el('h2', {}, 'Receivers'), receivers);
  }
  function card(title, v, sub, cls) {
    return el('div', {class: 'card'}, el('div', {class: 'muted'}, title), el('div', {class: 'v ' + (cls || '')}, v), el('div', {class: 'muted'}, sub));
  }

  const columns = [
    ['name', 'Name'], ['image', 'Image'], ['engine', 'Engine'], ['state', 'State'], ['cpuCores', 'CPU (cores)'],
    ['memoryBytes', 'Memory'], ['receiveBytesPerSecond', 'Net in'], ['transmitBytesPerSecond', 'Net out'],
    ['restarts', 'Restarts'], ['anomaly', 'Anomaly'], ['postureScore', 'Posture'], ['failingChecks', 'Failing checks']];
  function sortValue(c, k) {
    if (k === 'anomaly') return Math.max(-1, ...Object.values(c.anomaly || {}).map(v => v === null ? -1 : v));
    if (k === 'failingChecks') return c.failingChecks.length;
    const v = c[k]; return v === null || v === undefined ? -Infinity : v;
  }
  // the highest signal's score; every signal's in the tooltip
  function anomalyCell(scores) {
    const all = Object.entries(scores || {}).filter(([, v]) => v !== null).sort((a, b) => b[1] - a[1]);
    if (all.length === 0) return td('–');
    const cell = td(all[0][0] + ' ' + fmt.num(all[0][1], 2), all[0][1] >= 0.8 ? 'bad' : all[0][1] >= 0.5 ? 'warn' : '');
    cell.title = all.map(([s, v]) => s + ' ' + fmt.num(v, 2)).join(', ');
    return cell;
  }
  async function containers() {
    const list = (await api('containers')).containers;
    list.sort((a, b) => { const x = sortValue(a, sortKey), y = sortValue(b, sortKey);
      const r = typeof x === 'string' ? x.localeCompare(y) : x - y; return sortAsc ? r : -r; });
    const head = columns.map(([k, label]) => el('th', {class: 'sortable' + (k === sortKey ? ' sorted' + (sortAsc ? ' asc' : '') : ''),
      'data-key': k, onclick: () => { sortAsc = sortKey === k ? !sortAsc : true; sortKey = k; containers(); }}, label));
    const rows = list.map(c => el('tr', {'data-id': c.id},
      el('td', {}, containerLink(c.id, c.name)), td(c.image, 'mono'), td(c.engine), td(c.state, c.state === 'running' ? 'ok' : 'warn'),
      td(fmt.cores(c.cpuCores), 'num'),
      td(fmt.bytes(c.memoryBytes) + (c.memoryLimitBytes ? ' / ' + fmt.bytes(c.memoryLimitBytes) : ''), 'num'),
      td(fmt.rate(c.receiveBytesPerSecond), 'num'), td(fmt.rate(c.transmitBytesPerSecond), 'num'),
      td(fmt.num(c.restarts), c.restarts > 0 ? 'num warn' : 'num'),
      anomalyCell(c.anomaly),
      td(fmt.num(c.postureScore), c.postureScore !== null && c.postureScore < 60 ? 'num bad' : 'num'),
      td(c.failingChecks.join(', '), 'mono')));
    render(el('h2', {}, list.length + ' containers'), table(head, rows));
  }

  async function container(id) {
    const d = await api('containers/' + encodeURIComponent(id));
    const c = d.container;
    const info = table(['Name', 'Id', 'Image', 'Pod', 'Engine', 'State', 'Restarts', 'Posture score'], [el('tr', {},
      td(c.name, 'name'), td(c.id, 'mono'), td(c.image, 'mono'), td(c.pod), td(c.engine), td(c.state), td(fmt.num(c.restarts), 'num'),
      td(fmt.num(c.postureScore), 'num'))]);
    const grid = el('div', {class: 'charts', id: 'charts'});
    const findings = d.findings.length === 0 ? el('p', {class: 'muted'}, 'no failing posture checks')
      : table(['Check', 'Severity', 'Title', 'Evidence', 'Remediation'], d.findings.map(f =>
        el('tr', {}, td(f.check, 'mono'), el('td', {}, sev(f.severity)), td(f.title), td(f.evidence, 'mono'), td(f.remediation))));
    render(el('h2', {}, 'Container ' + c.name), info, el('h2', {}, 'Last hour'), grid,
      el('h2', {}, 'Alerts'), alertTable(d.alerts, false), el('h2', {}, 'Findings'), findings,
      el('h2', {}, 'Recent events and audit activity'), eventTable(d.events));
    drawCharts(grid, d.history);
  }
  function drawCharts(grid, h) {
    charts.forEach(u => u.destroy()); charts = [];
    const specs = [['CPU (cores)', ['cpu_cores'], v => v === null ? '' : (v !== 0 && Math.abs(v) < 0.1 ? v.toPrecision(2) : v.toFixed(2))],
      ['Memory', ['memory_bytes'], fmt.bytes],
      ['Network (bytes/s)', ['network_receive_bytes_per_second', 'network_transmit_bytes_per_second'], fmt.bytes],
      ['Anomaly score', ['anomaly_score'], v => v === null ? '' : v.toFixed(2)]];
    const colors = ['#4b7bec', '#eb3b5a'];
    for (const [title, keys, f] of specs) {
      const box = el('div', {class: 'chart', 'data-chart': keys[0]});
      grid.appendChild(box);
      const opts = {title, width: Math.max(380, box.clientWidth - 20), height: 180,
        series: [{}, ...keys.map((k, i) => ({label: k.replace(/_/g, ' '), stroke: colors[i], width: 1.5}))],
        axes: [{}, {values: (u, vals) => vals.map(f), size: 85}]};
      charts.push(new uPlot(opts, [h.time, ...keys.map(k => h[k])], box));
    }
  }

  function alertTable(list, withContainer) {
    if (!list || list.length === 0) return el('p', {class: 'muted'}, 'none');
    return table(['Alert', 'Severity', 'Container', 'Summary', 'Since', 'Until'], list.map(a =>
      el('tr', {class: 'alert-row', 'data-name': a.name}, td(a.name + (a.flapping ? ' (flapping)' : '') + (a.count > 1 ? ' ×' + a.count : '')),
        el('td', {}, sev(a.severity)), el('td', {}, containerLink(a.containerId, a.container)), td(a.summary),
        td(fmt.time(a.startsAt)), td(a.endsAt ? fmt.time(a.endsAt) : ''))));
  }
  async function alerts() {
    const a = await api('alerts');
    render(el('h2', {id: 'firing'}, 'Firing (' + a.firing.length + ')'), alertTable(a.firing),
      el('h2', {}, 'Recently resolved'), alertTable(a.resolved),
      el('h2', {}, 'Inhibited (masked by a more fundamental alert)'), alertTable(a.inhibited));
  }

  function eventTable(list) {
    if (!list || list.length === 0) return el('p', {class: 'muted'}, 'none');
    return table(['Time', 'Severity', 'Source', 'Action', 'Container', 'Message'], list.map(e =>
      el('tr', {}, td(fmt.time(e.time)), el('td', {}, sev(e.severity)), td(e.source), td(e.action),
        el('td', {}, containerLink(e.containerId, e.container)), td(e.message, 'mono'))));
  }
  let filters = {severity: '', source: '', container: '', q: ''};
  async function events(refresh) {
    const p = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    if (refresh) { p.set('since', eventsSeen); } else { eventRows = []; }
    const r = await api('events?' + p.toString());
    eventsSeen = r.last;
    eventRows = r.events.concat(eventRows).slice(0, 500);
    if (refresh && document.getElementById('event-list')) {
      document.getElementById('event-list').replaceChildren(eventTable(eventRows));
      return;
    }
    const input = (k, ph) => { const i = el('input', {placeholder: ph, value: filters[k]});
      i.addEventListener('change', () => { filters[k] = i.value.trim(); events(false); }); return i; };
    const sevSel = el('select', {}, ...['', 'info', 'low', 'medium', 'high', 'critical'].map(s => el('option', {value: s}, s ? '≥ ' + s : 'any severity')));
    sevSel.value = filters.severity;
    sevSel.addEventListener('change', () => { filters.severity = sevSel.value; events(false); });
    render(el('div', {class: 'filters'}, sevSel, input('source', 'source (podman, audit, …)'), input('container', 'container'),
      input('q', 'text')), el('div', {id: 'event-list'}, eventTable(eventRows)));
  }

  function render(...nodes) { main.replaceChildren(...nodes); }
  async function header() {
    try {
      const o = await api('overview');
      document.getElementById('host').textContent = o.host;
      document.getElementById('firing-count').textContent = o.counts.alertsFiring || '';
      document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      document.getElementById('updated').textContent = 'agent not answering';
    }
  }
  async function route() {
    clearInterval(timer);
    const hash = location.hash.replace(/^#\/?/, '');
    const [view, ...rest] = hash.split('/');
    document.querySelectorAll('nav a[data-view]').forEach(a => a.classList.toggle('active', a.dataset.view === (view || 'overview')));
    const pages = {'': overview, containers, alerts, events: () => events(false)};
    const live = {containers, alerts, '': overview, events: () => events(true)};
    let show = pages[view], refresh = live[view];
    if (view === 'container') { const id = decodeURIComponent(rest.join('/')); show = refresh = () => container(id); }
    if (!show) { show = overview; refresh = overview; }
    try { await show(); } catch (e) { render(el('p', {class: 'bad'}, String(e.message))); }
    header();
    timer = setInterval(async () => {
      try { await refresh(); } catch (e) { /* shown by the header */ }
      header();
    }, view === 'container' ? 10000 : 3000);
  }
  window.addEventListener('hashchange', route);
  route();
})();
