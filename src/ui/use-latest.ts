// The race guard for look-ups whose replies can overtake each other.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Latest<V> {
  /** The reply to the latest look-up; kept while a newer one is on its way (and when the key is null). */
  value: V | null;
  /** Why the latest look-up failed; cleared by the next reply that arrives. */
  error: string | null;
  /** Looks up again, for the key as it is now. */
  reload: () => void;
}

/**
 * `load(key)` for the current key, again whenever `key` or `version` changes or `reload` is called.
 * Every look-up asks for the key as it is when it starts, and only the reply to the latest look-up
 * counts: an earlier one arriving late (say, about a customer merged away meanwhile, answered with
 * null) never overwrites it.
 */
export function useLatest<K, V>(key: K | null, load: (key: K) => Promise<V>, version?: unknown): Latest<V> {
  const [value, setValue] = useState<V | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latestKey = useRef(key);
  latestKey.current = key;
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const requests = useRef(0);
  const reload = () => {
    const k = latestKey.current;
    if (k === null) return;
    const ticket = ++requests.current;
    latestLoad.current(k).then(
      (v) => {
        if (ticket !== requests.current) return;
        setValue(v);
        setError(null);
      },
      (e: unknown) => {
        if (ticket === requests.current) setError(String(e));
      },
    );
  };
  useEffect(reload, [key, version]);
  return { value, error, reload };
}
