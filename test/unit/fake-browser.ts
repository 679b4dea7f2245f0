// A small stand-in for the extension APIs LeadLens uses, for unit tests.

/** A copy with every object's keys sorted, as Chromium's storage.session hands values back. */
export function sortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)])) as T;
}

export function fakeBrowser() {
  const session = new Map<string, unknown>();
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>) => void> = [];
  const area = {
    async get(key: string | string[] | null) {
      const keys = key === null ? [...session.keys()] : Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => session.has(k)).map((k) => [k, sortedKeys(structuredClone(session.get(k)))]));
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of listeners) l(changes);
    },
    async remove(key: string) {
      session.delete(key);
    },
    onChanged: {
      addListener: (l: (typeof listeners)[number]) => listeners.push(l),
      removeListener: (l: (typeof listeners)[number]) => {
        if (listeners.includes(l)) listeners.splice(listeners.indexOf(l), 1);
      },
    },
  };
  // Tabs: the active tab of the window, and the rep switching to another one.
  const activated: Array<() => void> = [];
  const tabs = {
    activeId: null as number | null,
    async query(_q: { active: boolean; currentWindow: boolean }) {
      return tabs.activeId === null ? [] : [{ id: tabs.activeId }];
    },
    onActivated: {
      addListener: (l: () => void) => activated.push(l),
      removeListener: (l: () => void) => {
        if (activated.includes(l)) activated.splice(activated.indexOf(l), 1);
      },
    },
    activate(id: number) {
      tabs.activeId = id;
      for (const l of [...activated]) l();
    },
  };
  return {
    session,
    browser: {
      tabs,
      storage: { session: area },
      runtime: { sendMessage: async () => undefined, getURL: (p: string) => `chrome-extension://test/${p}` },
      i18n: {
        getMessage: (key: string, subs?: string | string[]) => (subs ? `${key}(${([] as string[]).concat(subs).join(',')})` : key),
        getUILanguage: () => 'en-US',
      },
    },
  };
}
