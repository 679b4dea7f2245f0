// The one error type the lead memory throws. `code` says what the user can do about it; `line` points
// into a rejected import file.
// quota: no disk space · blocked: an older LeadLens tab holds the database · corrupt: a damaged record
// · import: a file that cannot be imported · version: data from a newer LeadLens · invalid: a setting
// out of range.
export type StoreErrorCode = 'quota' | 'blocked' | 'corrupt' | 'import' | 'version' | 'invalid';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** For `import`: the 1-based line of the file where the problem is, when known. */
  readonly line?: number;

  constructor(code: StoreErrorCode, message: string, opts: { line?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'StoreError';
    this.code = code;
    if (opts.line !== undefined) this.line = opts.line;
  }
}

/** Turns what IndexedDB threw into a StoreError where we know what it means; anything else unchanged. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(
      'quota',
      'The browser has no more storage space for LeadLens. Nothing already stored was lost; free some disk space or lower the retention period, then try again.',
      { cause: error },
    );
  }
  if (name === 'VersionError') {
    return new StoreError('version', 'The lead memory was written by a newer version of LeadLens. Update the extension to use it.', {
      cause: error,
    });
  }
  return error;
}
