// A small stand-in for the extension APIs LeadLens uses, for unit tests.
export function fakeBrowser() {
  const session = new Map<string, unknown>();
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>) => void> = [];
  const area = {
    async get(key: string | string[] | null) {
      const keys = key === null ? [...session.keys()] : Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => session.has(k)).map((k) => [k, structuredClone(session.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of listeners) l(changes);
    },
    async remove(key: string) {
      session.delete(key);
    },
    onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l), removeListener: () => undefined },
  };
  return {
    session,
    browser: {
      storage: { session: area },
      runtime: { sendMessage: async () => undefined, getURL: (p: string) => `chrome-extension://test/${p}` },
      i18n: {
        getMessage: (key: string, subs?: string | string[]) => (subs ? `${key}(${([] as string[]).concat(subs).join(',')})` : key),
        getUILanguage: () => 'en-US',
      },
    },
  };
}
