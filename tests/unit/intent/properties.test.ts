import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { looksLikeApiToken } from '../../../bot/intent/detect-secret.js';
import { CLOSINGS, parseMessage } from '../../../bot/intent/parse-message.js';

const pageRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id'), id: z.string().regex(/^\d{1,19}$/) }),
  z.object({ kind: z.literal('url'), url: z.string().regex(/^https?:\/\//) }),
  z.object({
    kind: z.literal('title'),
    title: z.string().min(1).max(255),
    spaceKey: z.string().regex(/^(?:~[A-Za-z0-9]+|[A-Z0-9]+)$/),
  }),
]);
const spaceKey = z.string().regex(/^(?:~[A-Za-z0-9]+|[A-Z0-9]+)$/);
const edit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('append'), markdown: z.string().min(1) }),
  z.object({ kind: z.literal('replace'), find: z.string().min(1), replaceWith: z.string() }),
  z.object({ kind: z.literal('section'), heading: z.string().min(1), markdown: z.string().min(1) }),
  z.object({ kind: z.literal('body'), markdown: z.string().min(1) }),
  z.object({ kind: z.literal('title'), title: z.string().min(1).max(255) }),
]);
const request = z.discriminatedUnion('operation', [
  z
    .object({
      operation: z.literal('search'),
      words: z.string().min(1).max(500),
      spaceKey: spaceKey.optional(),
    })
    .strict(),
  z.object({ operation: z.literal('get'), ref: pageRef }).strict(),
  z
    .object({
      operation: z.literal('create'),
      title: z.string().min(1),
      spaceKey,
      parent: pageRef.optional(),
      markdown: z.string().min(1),
    })
    .strict(),
  z.object({ operation: z.literal('update'), ref: pageRef, edit }).strict(),
]);
const intentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('operation'), request }),
  z.object({ kind: z.literal('admin'), command: z.object({ kind: z.string() }).passthrough() }),
  z.object({ kind: z.literal('admin-invalid'), message: z.string().min(1), usage: z.string().min(1) }),
  z.object({ kind: z.literal('question'), question: z.string().min(1) }),
  z.object({ kind: z.literal('approvals') }),
  z.object({ kind: z.literal('help'), topic: z.string().optional() }),
  z.object({ kind: z.literal('greeting') }),
  z.object({ kind: z.literal('failure'), message: z.string().min(1), suggestions: z.array(z.string()) }),
  z.object({
    kind: z.literal('page-by-name'),
    request: z
      .object({
        operation: z.enum(['get', 'update']),
        ref: z
          .object({
            kind: z.literal('title-search'),
            words: z.string().min(1).max(255),
            spaceKey: z.string().optional(),
          })
          .strict(),
        edit: edit.optional(),
      })
      .strict(),
  }),
  z.object({
    kind: z.literal('follow-up'),
    action: z.enum(['open', 'more']),
    position: z.union([z.number().int().positive(), z.enum(['next', 'previous', 'last'])]).optional(),
  }),
  z.object({
    kind: z.literal('unclear'),
    message: z.string().min(1),
    readings: z.array(z.string().min(1)).min(1).max(2),
  }),
]);

const WORDS = [
  'search',
  'get',
  'create',
  'update',
  'in',
  'ENG',
  'under',
  'append:',
  'replace',
  'with',
  '"',
  '“',
  '«',
  "'",
  'page',
  '123',
  'https://a.atlassian.net/wiki/spaces/X/pages/1',
  '<at>Jane</at>',
  '&nbsp;',
  '/confluence',
  'policy',
  'approvers',
  'add',
  '?',
  '\n',
  ' ',
  'section',
  'title:',
  'body:',
  '¿qué',
  '🙂',
  'שלום',
  '\u200f',
  '\u0000',
  'ATATT3',
  'token',
];
const messyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((w) => w.join(' ')),
);

function dropControls(text: string, keepLineBreaks: boolean): string {
  return [...text]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return (keepLineBreaks && (code === 9 || code === 10)) || (code >= 32 && code !== 127);
    })
    .join('');
}

describe('parseMessage properties', () => {
  it('never throws and always returns a well-formed intent', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const intent = parseMessage(text, [{ id: '29:j', name: 'Jane', text: '<at>Jane</at>' }]);
        const parsed = intentSchema.safeParse(intent);
        if (!parsed.success) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(intent)}`);
      }),
      { numRuns: 600 },
    );
  });

  const bodyLine = fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => dropControls(s, true));
  const body = fc
    .array(
      fc.oneof(
        bodyLine,
        fc.constant(''),
        bodyLine.map((l) => `    ${l}`),
        bodyLine.map((l) => `\t${l}`),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((lines) => lines.join('\n'))
    .filter((b) => b.trim().length > 0 && !b.includes('&nbsp;') && !/<at/i.test(b) && !looksLikeApiToken(b));

  /**
   * Whether a text ends like a letter or a mail, which ends the message, not the page: one of its last three
   * lines is a closing ("ty", "Best regards," then a name and a team), a line is a "--" signature delimiter,
   * or a line is a mail client's footer ("Sent from my iPhone"); or it opens like a letter ("Hi Sam,"), so a
   * closing after it stays its own.
   */
  function endsLikeALetter(text: string): boolean {
    if (/^\s*(?:--\s*|(?:sent from|get outlook)\b.*)$/im.test(text)) return true;
    if (/^\s*(?:dear|hi|hello|hey|to)\b[^\n,]{0,40},[ \t]*(?:\n|$)/i.test(text)) return true;
    const lines = text
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/[\s,.!]+$/, '')
          .toLowerCase(),
      )
      .filter((line) => line.length > 0);
    if (lines.slice(-3).some((line) => CLOSINGS.has(line))) return true;
    // "Thanks, Ana" on the last line: a closing and a name together (found by this property: "Ty,A").
    const last = text.trimEnd().split('\n').at(-1)?.trim() ?? '';
    const named = /^([^,\n]{2,30}?)\s*(?:,|\s[-–—])\s*\p{Lu}[\p{L}.'’ -]{0,30}$/u.exec(last);
    return (
      named !== null && CLOSINGS.has(named[1]!.replace(/(?:[\s,.!]|:[a-z0-9_+-]{1,30}:)+$/, '').toLowerCase())
    );
  }
  const pageText = body.filter((b) => !endsLikeALetter(b));

  it('keeps a create body exactly as typed', () => {
    fc.assert(
      fc.property(pageText, (markdown) => {
        const intent = parseMessage(`create "Notes" in ENG\n${markdown}`);
        expect(intent).toEqual({
          kind: 'operation',
          request: { operation: 'create', title: 'Notes', spaceKey: 'ENG', markdown },
        });
      }),
      // A body that reads like an e-mail sign-off is still the body the create needs (found by this property).
      { numRuns: 300, examples: [['ty'], ['Thanks,'], ['Best regards,\nAna']] },
    );
  });

  it('ends the page text of a write before a closing after it, and keeps the rest as typed', () => {
    const closing = fc.constantFrom(
      '\nty',
      '\nthx!',
      '\n\nThanks,\nAna',
      '\nBest regards',
      '\n\nCheers,\nSam Lee',
    );
    fc.assert(
      fc.property(pageText, closing, (markdown, end) => {
        expect(parseMessage(`create "Notes" in ENG\n${markdown}${end}`)).toEqual({
          kind: 'operation',
          request: { operation: 'create', title: 'Notes', spaceKey: 'ENG', markdown: markdown.trimEnd() },
        });
        expect(parseMessage(`update 42\nappend:\n${markdown}${end}`)).toEqual({
          kind: 'operation',
          request: {
            operation: 'update',
            ref: { kind: 'id', id: '42' },
            edit: { kind: 'append', markdown: markdown.trimEnd() },
          },
        });
      }),
      // Found by the create-body property: "…\n\tTY" and "…\nbR" had been read as page text.
      {
        numRuns: 300,
        examples: [
          ['!', '\nty'],
          ['    !', '\nBest regards'],
        ],
      },
    );
  });

  it('keeps an appended body exactly as typed', () => {
    fc.assert(
      fc.property(pageText, (markdown) => {
        const intent = parseMessage(`update 42\nappend:\n${markdown}`);
        expect(intent).toEqual({
          kind: 'operation',
          request: { operation: 'update', ref: { kind: 'id', id: '42' }, edit: { kind: 'append', markdown } },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any printable title through straight quotes with escapes', () => {
    const title = fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 })
      .map((s) => dropControls(s, false).trim())
      .filter((s) => s.length > 0 && !s.includes('&') && !/<at/i.test(s) && !looksLikeApiToken(s));
    fc.assert(
      fc.property(title, (t) => {
        const escaped = t.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
        const intent = parseMessage(`get "${escaped}" in ENG`);
        expect(intent).toEqual({
          kind: 'operation',
          request: {
            operation: 'get',
            ref: { kind: 'title', title: t.replace(/\s+/g, ' '), spaceKey: 'ENG' },
          },
        });
      }),
      // A comma then thanks inside the title once cut it at the comma; inline code marks inside it were once
      // dropped as chat formatting (both found by this property).
      { numRuns: 300, examples: [[',tY'], ['Thanks, Ana'], ['a", ty'], ['_rF `46`.H_']] },
    );
  });
});
