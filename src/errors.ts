/**
 * Verity's small error taxonomy. Messages say what went wrong and what to do next.
 * Per-item problems during a batch are returned as data (see `IngestItemResult`), not thrown.
 */
export class VerityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An input could not be read or understood (empty, binary, too large, malformed). */
export class InputError extends VerityError {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The store could not be opened or written. */
export class StoreError extends VerityError {}

/** The user asked for something that cannot be done as asked (bad option, empty question). */
export class UsageError extends VerityError {}
