import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMoreToken, encodeMoreToken } from '../../../bot/assistant/more-token.js';
import { isAppError } from '../../../bot/errors.js';

function expectInvalid(token: unknown): void {
  try {
    decodeMoreToken(token);
  } catch (error) {
    expect(isAppError(error, 'INPUT_INVALID')).toBe(true);
    expect((error as { userMessage: string }).userMessage).toContain('no longer valid');
    return;
  }
  throw new Error(`accepted ${JSON.stringify(token)}`);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('more-token', () => {
  it('round-trips words, space and cursor; omits an absent space', () => {
    const token = encodeMoreToken('vpn setup', 'ENG', 'cursor-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMoreToken(token)).toEqual({ w: 'vpn setup', s: 'ENG', c: 'cursor-1' });
    expect(decodeMoreToken(encodeMoreToken('vpn', undefined, 'c'))).toEqual({ w: 'vpn', c: 'c' });
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.option(fc.string({ minLength: 1, maxLength: 50 }), { nil: undefined }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (w, s, c) => {
          const decoded = decodeMoreToken(encodeMoreToken(w, s, c));
          expect(decoded).toEqual({ w, ...(s ? { s } : {}), c });
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { w: 'x', c: 'y' }],
    ['empty', ''],
    ['not base64 JSON', 'bm90IGpzb24'],
    ['JSON array', b64(['x'])],
    ['JSON null', b64(null)],
    ['no cursor', b64({ w: 'vpn' })],
    ['empty cursor', b64({ w: 'vpn', c: '' })],
    ['no words', b64({ c: 'x' })],
    ['words not a string', b64({ w: 1, c: 'x' })],
    ['space a number', b64({ w: 'x', s: 5, c: 'y' })],
    ['space too long', b64({ w: 'x', s: 'S'.repeat(256), c: 'y' })],
    ['words too long', b64({ w: 'w'.repeat(2001), c: 'y' })],
    ['cursor too long', b64({ w: 'x', c: 'c'.repeat(2001) })],
  ])('rejects %s', (_name, token) => {
    expectInvalid(token);
  });

  it('drops unknown fields (a token cannot smuggle extra claims)', () => {
    expect(decodeMoreToken(b64({ w: 'x', c: 'y', spaces: '*', admin: true }))).toEqual({ w: 'x', c: 'y' });
  });
});
