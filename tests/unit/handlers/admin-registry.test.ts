import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS } from '../../../bot/handlers/admin/index.js';
import { ADMIN_USAGE } from '../../../bot/intent/examples.js';
import { parseMessage } from '../../../bot/intent/parse-message.js';
import type { Intent } from '../../../bot/intent/types.js';
import { CORPUS } from '../../fixtures/intent/corpus.js';

/** The admin command kinds, pinned (`AdminCommand['kind']`). */
const KINDS = `help status test connect disconnect rotate policy-show policy-set policy-explain
  spaces approvers admins approvals-here audit`.split(/\s+/);

function adminKindOf(intent: Intent): string | undefined {
  return intent.kind === 'admin' ? intent.command.kind : undefined;
}

/** The sub-commands the admin help card lists (its FactSet titles), e.g. `policy`, `approvals here`. */
function helpCardCommands(): string[] {
  const card = JSON.parse(
    readFileSync(new URL('../../../cards/admin-help.json', import.meta.url), 'utf8'),
  ) as {
    body: { type: string; facts?: { title: string }[] }[];
  };
  return card.body.flatMap((element) => element.facts?.map((fact) => fact.title) ?? []);
}

describe('admin command registry', () => {
  it('has exactly one handler per admin command kind', () => {
    expect(Object.keys(ADMIN_COMMANDS).sort()).toEqual([...KINDS].sort());
    for (const handler of Object.values(ADMIN_COMMANDS)) expect(typeof handler).toBe('function');
  });

  it('covers every kind the parser produces over the intent corpus, and nothing more', () => {
    const produced = new Set(
      CORPUS.map((c) => adminKindOf(parseMessage(c.text, c.mentions ?? []))).filter((k) => k !== undefined),
    );
    expect([...produced].sort()).toEqual(Object.keys(ADMIN_COMMANDS).sort());
  });

  it('gives `approvers` and `admins` (one union member in the parser) handlers of their own', () => {
    expect(ADMIN_COMMANDS.approvers).not.toBe(ADMIN_COMMANDS.admins);
    expect(adminKindOf(parseMessage('/confluence approvers'))).toBe('approvers');
    expect(adminKindOf(parseMessage('/confluence admins'))).toBe('admins');
  });

  it('has a handler for every command the admin help card and the usage lines name', () => {
    const named = [...helpCardCommands(), ...Object.keys(ADMIN_USAGE).filter((sub) => sub !== 'approvals')];
    expect(helpCardCommands().length).toBeGreaterThan(5);
    for (const sub of named) {
      const kind = adminKindOf(parseMessage(`/confluence ${sub}`));
      expect(kind, `/confluence ${sub}`).toBeDefined();
      expect(ADMIN_COMMANDS).toHaveProperty([kind!]);
    }
  });

  it('lists every usage sub-command on the help card (help itself aside)', () => {
    const titles = helpCardCommands().map((title) => title.split(' ')[0]);
    expect(Object.keys(ADMIN_USAGE).filter((sub) => sub !== 'help' && !titles.includes(sub))).toEqual([]);
  });
});
