// The one error the payload readers throw: the input is not a lead record. Its message says why in
// plain words, for the rep who pasted or imported it.
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}
