// Loads a "real" CRM fixture (test/fixtures/crm/real) into the happy-dom document: declarative shadow roots are
// attached (closed ones too, reachable the way a content script reaches them: chrome.dom.openOrClosedShadowRoot),
// and the page's inline scripts can be run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_PAGES } from '../../fixtures/crm/real/pages';

const closed = new WeakMap<Element, ShadowRoot>();

function attach(root: ParentNode): void {
  for (const tpl of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = tpl.parentElement;
    if (!host) continue;
    const mode = tpl.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const sr = host.attachShadow({ mode });
    if (mode === 'closed') closed.set(host, sr);
    sr.append(tpl.content.cloneNode(true));
    tpl.remove();
    attach(sr);
  }
}

export interface Loaded {
  url: URL;
  /** Runs the page's inline scripts (they see the happy-dom window as theirs). */
  runScripts(): void;
}

export function loadReal(name: string, file?: string): Loaded {
  const page = REAL_PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no real page ${name}`);
  const html = readFileSync(join(process.cwd(), 'test/fixtures/crm/real', file ?? page.file), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const scripts = Array.from(parsed.querySelectorAll('script')).map((s) => s.textContent ?? '');
  for (const s of Array.from(parsed.querySelectorAll('script'))) s.remove();
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  attach(document.body);
  vi.stubGlobal('chrome', { dom: { openOrClosedShadowRoot: (el: Element) => el.shadowRoot ?? closed.get(el) ?? null } });
  return {
    url: new URL(page.url),
    runScripts: () => {
      for (const code of scripts) new Function(code)();
    },
  };
}
