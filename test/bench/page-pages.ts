// The pages the page bench loads: a recycling virtual grid (D365 markup, rows reused while "scrolling")
// and a busy page of 60,000 elements that keeps changing. Both run their own script, like the CRM would.

const SOURCES = ['AzureMarketplace-INS|contoso.crm-connector', 'AppSource-PLT|contoso.crm-connector', 'AzurePortal-Create|contoso.vm'];

const guid = (n: number) => `5b2d0e52-4b1d-4c55-9a3e-${n.toString(16).padStart(12, '0')}`;

function row(slot: number, n: number): string {
  return `<div role="row" class="ag-row" row-index="${n}" row-id="${guid(n)}" style="position:absolute;top:0;height:30px;width:100%;transform:translateY(${n * 30}px)"><div role="gridcell" col-id="fullname"><a role="link" href="/main.aspx?pagetype=entityrecord&amp;etn=lead&amp;id=${guid(n)}">Lead ${n}</a></div><div role="gridcell" col-id="subject"><span>${SOURCES[n % SOURCES.length]}</span></div></div>`.replace(
    'row-index',
    `data-slot="${slot}" row-index`,
  );
}

/**
 * 60 rows in a 600 px scroller; `window.recycle(ticks)` moves 3 rows from the top to the bottom every
 * 16 ms (new row-index, row-id, position and cell contents), scrolling along, and records when each row
 * took its new record: `window.recycledAt[guid]`.
 */
export function recyclingGridHtml(): string {
  const rows = Array.from({ length: 60 }, (_, i) => row(i, i)).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Recycling grid</title></head><body>
<div data-id="DataSetHostContainer"><div role="treegrid"><div id="scroller" style="height:600px;overflow:auto;position:relative">
<div class="ag-center-cols-container" role="rowgroup" style="position:relative;height:1000000px">${rows}</div></div></div></div>
<script>
window.recycledAt = {};
window.recycle = (ticks) => new Promise((done) => {
  const box = document.querySelector('.ag-center-cols-container');
  const scroller = document.getElementById('scroller');
  let next = 60, tick = 0;
  const step = () => {
    for (let k = 0; k < 3; k++) {
      const rowEl = [...box.children].sort((a, b) => +a.getAttribute('row-index') - +b.getAttribute('row-index'))[0];
      const n = next++;
      const id = '5b2d0e52-4b1d-4c55-9a3e-' + n.toString(16).padStart(12, '0');
      rowEl.setAttribute('row-index', String(n));
      rowEl.setAttribute('row-id', id);
      rowEl.style.transform = 'translateY(' + n * 30 + 'px)';
      rowEl.children[0].firstChild.setAttribute('href', '/main.aspx?pagetype=entityrecord&etn=lead&id=' + id);
      rowEl.children[0].firstChild.textContent = 'Lead ' + n;
      rowEl.children[1].innerHTML = '<span>' + ${JSON.stringify(SOURCES)}[n % 3] + '</span>';
      window.recycledAt[id] = performance.now();
    }
    scroller.scrollTop += 90;
    if (++tick < ticks) setTimeout(step, 16); else done(next);
  };
  setTimeout(step, 16);
});
</script></body></html>`;
}

/**
 * A Dynamics list page shell holding 60,000 elements of other content (no lead values) and a script that
 * rewrites a few hundred of them every 50 ms: a CRM dashboard-like page that never rests.
 */
export function busyPageHtml(): string {
  const blocks: string[] = [];
  for (let i = 0; i < 6000; i++)
    blocks.push(
      `<div class="card"><span>Item ${i}</span><b>${i % 97}</b><i>note</i><em>x</em><u>y</u><small>z</small><span>a</span><span>b</span><span id="v${i}">0</span></div>`,
    );
  return `<!doctype html><html><head><meta charset="utf-8"><title>Busy page</title></head><body>
<div data-id="topBar">Dashboard</div><div id="all">${blocks.join('')}</div>
<script>
let t = 0;
window.busyUntil = 0;
setInterval(() => {
  if (performance.now() > window.busyUntil) return;
  t++;
  for (let k = 0; k < 300; k++) document.getElementById('v' + ((t * 300 + k) % 6000)).textContent = String(t);
}, 50);
</script></body></html>`;
}
