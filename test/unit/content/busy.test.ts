// A page that keeps changing but shows no lead is not read again for changes that cannot bring one; a
// change that brings a LeadSource is read.
import { startLens, type Lens } from '../../../src/content/lens';
import { everythingNear } from '../../../src/content/viewport';
import { badges, fakeWorker, setUrl, sleep, t } from './helpers';

let lens: Lens | null = null;
afterEach(() => {
  lens?.stop();
  lens = null;
  document.body.innerHTML = '';
});

describe('a busy page without leads', () => {
  it('is not walked again while only its numbers change, and is read when a LeadSource appears', async () => {
    setUrl('https://app-ab12.marketo.com/#/classic/dashboard');
    document.body.innerHTML = `<div id="feed">${Array.from({ length: 50 }, (_, i) => `<p><span id="n${i}">0</span> visits</p>`).join('')}</div>`;
    const walks = vi.spyOn(document, 'createTreeWalker');
    const worker = fakeWorker();
    lens = startLens(
      { win: window, send: worker.send, lang: () => 'en', t },
      { viewport: everythingNear, debounceMs: 10, maxWaitMs: 50, pollMs: 5000 },
    );
    await lens.scan();
    await sleep(900); // the one later look every look is followed by (values set without a mutation)
    const after = walks.mock.calls.length;
    expect(after).toBeGreaterThan(0);
    for (let k = 0; k < 10; k++) {
      document.getElementById(`n${k}`)!.textContent = String(k + 1);
      await sleep(15);
    }
    await sleep(100);
    expect(walks.mock.calls.length).toBe(after);
    const p = document.createElement('p');
    p.textContent = 'AppSource-PLT|contoso.crm-connector';
    document.getElementById('feed')!.append(p);
    await vi.waitFor(() => expect(badges()).toHaveLength(1), { timeout: 5000 });
    walks.mockRestore();
  });
});
