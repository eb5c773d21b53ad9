import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds a secret (API token, key) so that it cannot leak by accident: string conversion, JSON,
 * `util.inspect` and console logging all print `[redacted]`. Only `reveal()` returns the value,
 * and it should be called exactly where the secret is used (building an Authorization header).
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The clear value. Call only at the point of use; never log or store the result. */
  reveal(): string {
    return this.#value;
  }

  /** True when the secret is the empty string. */
  isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
