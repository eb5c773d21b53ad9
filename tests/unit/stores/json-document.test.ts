import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isAppError } from '../../../bot/errors.js';
import { createMemoryDocument, openJsonDocument } from '../../../bot/stores/json-document.js';

const schema = z.object({ count: z.number().int().nonnegative(), items: z.array(z.string()) });
type Doc = z.infer<typeof schema>;
const defaults: Doc = { count: 0, items: [] };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'json-doc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectCorrupt(promise: Promise<unknown>, fragment: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isAppError(error, 'STORE_CORRUPT')).toBe(true);
  const appError = error as AppError;
  expect(appError.message).toContain(fragment);
  return appError;
}

describe('openJsonDocument', () => {
  it('starts from defaults when the file is missing and creates the directory', async () => {
    const file = join(dir, 'nested', 'deeper', 'doc.json');
    const doc = await openJsonDocument(file, schema, defaults);
    expect(doc.read()).toEqual(defaults);
    expect((await stat(join(dir, 'nested', 'deeper'))).isDirectory()).toBe(true);
  });

  it('persists updates and reloads them', async () => {
    const file = join(dir, 'doc.json');
    const doc = await openJsonDocument(file, schema, defaults);
    const returned = await doc.update((draft) => {
      draft.count = 2;
      draft.items.push('a');
      return 'done';
    });
    expect(returned).toBe('done');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2, items: ['a'] });
    const reopened = await openJsonDocument(file, schema, defaults);
    expect(reopened.read()).toEqual({ count: 2, items: ['a'] });
  });

  it('returns a frozen snapshot that later updates do not change', async () => {
    const doc = await openJsonDocument(join(dir, 'doc.json'), schema, defaults);
    const before = doc.read();
    await doc.update((draft) => {
      draft.items.push('x');
    });
    expect(before.items).toEqual([]);
    expect(Object.isFrozen(before.items)).toBe(true);
    expect(() => (doc.read().items as string[]).push('y')).toThrow(TypeError);
  });

  it('serialises concurrent updates so no increment is lost', async () => {
    const file = join(dir, 'doc.json');
    const doc = await openJsonDocument(file, schema, defaults);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        doc.update((draft) => {
          draft.count += 1;
        }),
      ),
    );
    expect(doc.read().count).toBe(40);
    expect(JSON.parse(await readFile(file, 'utf8')).count).toBe(40);
  });

  it('keeps the state when fn throws or the result is invalid, and keeps serving later updates', async () => {
    const doc = await openJsonDocument(join(dir, 'doc.json'), schema, defaults);
    await expect(
      doc.update((draft) => {
        draft.count = 5;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const invalid = await doc
      .update((draft) => {
        draft.count = -1;
      })
      .catch((error: unknown) => error);
    expect(isAppError(invalid, 'INPUT_INVALID')).toBe(true);
    expect(doc.read().count).toBe(0);
    await doc.update((draft) => {
      draft.count = 1;
    });
    expect(doc.read().count).toBe(1);
  });

  it('leaves the in-memory state unchanged when the write fails', async () => {
    const sub = join(dir, 'sub');
    const file = join(sub, 'doc.json');
    const doc = await openJsonDocument(file, schema, defaults);
    await doc.update((draft) => {
      draft.count = 1;
    });
    await rm(sub, { recursive: true });
    await writeFile(sub, 'not a directory');
    await expect(
      doc.update((draft) => {
        draft.count = 99;
      }),
    ).rejects.toThrow();
    expect(doc.read().count).toBe(1);
  });

  it('applies the file mode after every write', async () => {
    const file = join(dir, 'secret.json');
    const doc = await openJsonDocument(file, schema, defaults, { fileMode: 0o600 });
    await doc.update((draft) => {
      draft.count = 3;
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not JSON', '{"count": 1,', 'not valid JSON'],
    ['empty file', '', 'not valid JSON'],
    ['literal null', 'null', 'does not match'],
    ['wrong shape', '{"count":"many","items":[]}', 'count'],
  ])('refuses a corrupt file (%s) and leaves it untouched', async (_name, content, fragment) => {
    const file = join(dir, 'doc.json');
    await writeFile(file, content);
    const error = await expectCorrupt(openJsonDocument(file, schema, defaults), fragment);
    expect(error.message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('refuses a path that is a directory', async () => {
    const file = join(dir, 'doc.json');
    await mkdir(file);
    await expectCorrupt(openJsonDocument(file, schema, defaults), file);
  });
});

describe('createMemoryDocument', () => {
  it('has the same update semantics and can simulate a failed write', async () => {
    const doc = createMemoryDocument(schema, defaults);
    await doc.update((draft) => {
      draft.count = 1;
    });
    doc.failNextWrite();
    await expect(
      doc.update((draft) => {
        draft.count = 2;
      }),
    ).rejects.toThrow('simulated write failure');
    expect(doc.read().count).toBe(1);
    expect(doc.writes()).toBe(1);
  });

  it('rejects invalid defaults', () => {
    expect(() => createMemoryDocument(schema, { count: -5, items: [] })).toThrow(AppError);
  });
});
