// One palette: a stage has the same colours on the CRM page (badge and hover card) as in the side
// panel, the popup and the journey, and they are the catalog's. Computed through the real CSS of both
// sides: the badge's shadow style, and src/ui/styles.css as the extension's pages load it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { STAGES } from '../../../src/core/catalog';
import type { DecodedLeadSource, Stage } from '../../../src/core/types';
import { createBadge, paintBadge } from '../../../src/content/badge';
import { buildCard } from '../../../src/content/card';

vi.mock('../../../src/platform/browser', () => ({ t: (k: string) => k, uiLang: () => 'en', send: async () => null }));
const { StageChip } = await import('../../../src/ui/LeadCard');

const text = { t: (k: string) => k, lang: 'en' as const };

function decodedAt(stage: Stage): DecodedLeadSource {
  return {
    input: 'AppSource-PLT|contoso.crm',
    ok: stage !== 'unknown',
    source: 'AppSource',
    sourceLiteral: 'AppSource',
    action: null,
    stage,
    offer: null,
    testLead: stage === 'test',
    testLeadTime: null,
    warnings: [],
  };
}

const colours = (el: Element) => {
  const s = getComputedStyle(el);
  return { text: s.color, fill: s.backgroundColor, line: s.borderTopColor };
};

beforeAll(() => {
  const style = document.createElement('style');
  style.textContent = readFileSync(join(process.cwd(), 'src/ui/styles.css'), 'utf8');
  document.head.append(style);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('stage colours', () => {
  it.each(STAGES.map((s) => [s.stage, s.colour] as const))(
    '%s looks the same on the page badge, its card and the panel',
    (stage, colour) => {
      const badge = createBadge(document);
      document.body.append(badge.host);
      paintBadge(badge, 'k', decodedAt(stage), 'new', text);

      const cardHost = document.createElement('div');
      document.body.append(cardHost);
      cardHost
        .attachShadow({ mode: 'open' })
        .append(buildCard(document, { decoded: decodedAt(stage), createdAt: undefined, duplicate: 'new' }, text));
      const cardStage = cardHost.shadowRoot!.querySelector('.stage')!;

      const { container } = render(<StageChip stage={stage} lang="en" />);
      const panelChip = container.querySelector('[data-stage]')!;

      expect(colours(panelChip)).toEqual(colour);
      expect(colours(badge.chip)).toEqual(colour);
      // The card's own stylesheet lives in the card layer's shadow root; here its chip carries the same properties.
      expect(getComputedStyle(cardStage).getPropertyValue('--stage-fill').trim()).toBe(colour.fill);
    },
  );

  it('tells every stage apart by its background', () => {
    const fills = STAGES.map((s) => s.colour.fill);
    expect(new Set(fills).size).toBe(fills.length);
  });
});
