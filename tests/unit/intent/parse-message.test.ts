import { describe, expect, it } from 'vitest';
import { type Intent, parseMessage } from '../../../bot/intent/parse-message.js';

function request(intent: Intent): unknown {
  if (intent.kind !== 'operation') throw new Error(`expected an operation, got ${JSON.stringify(intent)}`);
  return intent.request;
}

describe('parseMessage: search', () => {
  it('takes words literally and a trailing space key', () => {
    expect(request(parseMessage('search vpn setup in ENG'))).toEqual({
      operation: 'search',
      words: 'vpn setup',
      spaceKey: 'ENG',
    });
  });
  it('normalises a lower-case space key', () => {
    expect(request(parseMessage('look up onboarding in eng'))).toEqual({
      operation: 'search',
      words: 'onboarding',
      spaceKey: 'ENG',
    });
  });
  it('keeps personal space keys as typed', () => {
    expect(request(parseMessage('search notes in ~5b10ac8d82e05b22cc7d4ef5'))).toEqual({
      operation: 'search',
      words: 'notes',
      spaceKey: '~5b10ac8d82e05b22cc7d4ef5',
    });
  });
  it('does not take a common word after "in" as a space', () => {
    expect(request(parseMessage('search logging in the cluster'))).toEqual({
      operation: 'search',
      words: 'logging in the cluster',
    });
  });
  it('unwraps a quoted query and strips polite filler', () => {
    expect(request(parseMessage("can you search confluence for 'rollback steps' please"))).toEqual({
      operation: 'search',
      words: 'rollback steps',
    });
  });
  it('fails with advice when there is nothing to search for', () => {
    expect(parseMessage('search').kind).toBe('failure');
  });
});

describe('parseMessage: get', () => {
  it.each([
    ['get 12345', { kind: 'id', id: '12345' }],
    ['open the page 12345', { kind: 'id', id: '12345' }],
    ['show page #98765', { kind: 'id', id: '98765' }],
    ['pull up "VPN Setup" in ENG', { kind: 'title', title: 'VPN Setup', spaceKey: 'ENG' }],
    ['get “VPN Setup” in eng', { kind: 'title', title: 'VPN Setup', spaceKey: 'ENG' }],
    ['open «Guide d’accueil» in HR', { kind: 'title', title: 'Guide d’accueil', spaceKey: 'HR' }],
    ['get „Anleitung“ in DE', { kind: 'title', title: 'Anleitung', spaceKey: 'DE' }],
    ['get 「手順書」 in JP', { kind: 'title', title: '手順書', spaceKey: 'JP' }],
    ['get "Say \\"hi\\"" in ENG', { kind: 'title', title: 'Say "hi"', spaceKey: 'ENG' }],
    ["get 'Bob's notes' in ENG", { kind: 'title', title: "Bob's notes", spaceKey: 'ENG' }],
  ])('%s', (text, ref) => {
    expect(request(parseMessage(text))).toEqual({ operation: 'get', ref });
  });

  it.each([
    [
      'show me https://acme.atlassian.net/wiki/spaces/ENG/pages/123/VPN+Setup.',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/123/VPN+Setup',
    ],
    ['open <https://acme.atlassian.net/wiki/x/AbCd>', 'https://acme.atlassian.net/wiki/x/AbCd'],
    [
      'get [VPN](https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=42)',
      'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=42',
    ],
    [
      'open (see https://acme.atlassian.net/wiki/spaces/ENG/pages/7)',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/7',
    ],
    ['get acme.atlassian.net/wiki/spaces/ENG/pages/7', 'https://acme.atlassian.net/wiki/spaces/ENG/pages/7'],
    [
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/7?focusedCommentId=1#comment-1',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/7?focusedCommentId=1#comment-1',
    ],
    [
      '<p>get <a href="https://acme.atlassian.net/wiki/spaces/ENG/pages/7">link</a></p>',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/7',
    ],
  ])('extracts the URL from %s', (text, url) => {
    expect(request(parseMessage(text))).toEqual({ operation: 'get', ref: { kind: 'url', url } });
  });

  it('finds a page by its title words when no space or quotes are given', () => {
    expect(parseMessage('get "VPN Setup"')).toEqual({
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'VPN Setup' } },
    });
    expect(parseMessage('open VPN Setup in ENG')).toEqual({
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'VPN Setup', spaceKey: 'ENG' } },
    });
    expect(parseMessage('get My page in ENG')).toEqual({
      kind: 'page-by-name',
      request: { operation: 'get', ref: { kind: 'title-search', words: 'My page', spaceKey: 'ENG' } },
    });
  });

  it('reads follow-ups and offers readings for what it does not understand', () => {
    expect(parseMessage('open the second one')).toEqual({ kind: 'follow-up', action: 'open', position: 2 });
    expect(parseMessage('and the next one')).toEqual({ kind: 'follow-up', action: 'open', position: 'next' });
    expect(parseMessage('more results')).toEqual({ kind: 'follow-up', action: 'more' });
    expect(parseMessage('vpn setup')).toEqual({
      kind: 'operation',
      request: { operation: 'search', words: 'vpn setup' },
    });
    expect(parseMessage('serchh vpn')).toMatchObject({ kind: 'unclear', readings: ['search vpn'] });
    expect(parseMessage('asdf qwerty')).toMatchObject({ kind: 'unclear', readings: ['help'] });
  });
});

describe('parseMessage: create', () => {
  it('keeps the Markdown body exactly, blank lines and indentation included', () => {
    const body = '# Minutes\n\n  - indented item\n\t- tabbed\n\n```\ncode  block\n```\n';
    expect(request(parseMessage(`create "Weekly sync" in ENG\n${body}`))).toEqual({
      operation: 'create',
      title: 'Weekly sync',
      spaceKey: 'ENG',
      markdown: body,
    });
  });
  it('reads natural forms with a parent page', () => {
    expect(request(parseMessage('new page "Child" in HR under 123\nhello'))).toEqual({
      operation: 'create',
      title: 'Child',
      spaceKey: 'HR',
      parent: { kind: 'id', id: '123' },
      markdown: 'hello',
    });
  });
  it('gives a quoted parent title the page space', () => {
    expect(request(parseMessage('create a page called "Child" in ENG under "Parent page"\nx'))).toMatchObject(
      {
        spaceKey: 'ENG',
        parent: { kind: 'title', title: 'Parent page', spaceKey: 'ENG' },
      },
    );
  });
  it('takes the space from a parent title when the page names none', () => {
    expect(request(parseMessage('create "Child" under "Parent" in OPS\nx'))).toMatchObject({
      spaceKey: 'OPS',
      parent: { kind: 'title', title: 'Parent', spaceKey: 'OPS' },
    });
  });
  it('accepts a parent URL', () => {
    expect(
      request(parseMessage('create "C" in ENG under https://acme.atlassian.net/wiki/spaces/ENG/pages/5\nx')),
    ).toMatchObject({
      parent: { kind: 'url', url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/5' },
    });
  });
  it('accepts an inline body after a colon', () => {
    expect(request(parseMessage('create "Note" in ENG: hello\nworld'))).toMatchObject({
      markdown: 'hello\nworld',
    });
  });
  it('fails asking for a body when there is none', () => {
    const intent = parseMessage('create "Empty" in ENG');
    expect(intent.kind).toBe('failure');
    expect(intent.kind === 'failure' && intent.message).toMatch(/body/);
  });
  it('fails asking for a space when there is none', () => {
    const intent = parseMessage('create "Lost"\nbody');
    expect(intent.kind === 'failure' && intent.message).toMatch(/Which space/);
  });
  it('fails on an unbalanced title quote', () => {
    expect(parseMessage('create "Oops in ENG\nbody').kind).toBe('failure');
  });
});

describe('parseMessage: update', () => {
  it('append keeps following lines exactly', () => {
    expect(request(parseMessage('update 123\nappend: first\n\n    code\n- item'))).toEqual({
      operation: 'update',
      ref: { kind: 'id', id: '123' },
      edit: { kind: 'append', markdown: 'first\n\n    code\n- item' },
    });
  });
  it('append with nothing on the keyword line starts at the next line', () => {
    expect(request(parseMessage('update 123\nappend:\n  indented'))).toMatchObject({
      edit: { kind: 'append', markdown: '  indented' },
    });
  });
  it('replace takes two quoted strings', () => {
    expect(request(parseMessage('update "Runbook" in OPS\nreplace “old host” with "new host"'))).toEqual({
      operation: 'update',
      ref: { kind: 'title', title: 'Runbook', spaceKey: 'OPS' },
      edit: { kind: 'replace', find: 'old host', replaceWith: 'new host' },
    });
  });
  it('section takes a heading and multi-line markdown', () => {
    expect(request(parseMessage('update 9\nsection "On call": - Ada\n- Grace'))).toMatchObject({
      edit: { kind: 'section', heading: 'On call', markdown: '- Ada\n- Grace' },
    });
  });
  it('body and title', () => {
    expect(request(parseMessage('update 9\nbody: all new'))).toMatchObject({
      edit: { kind: 'body', markdown: 'all new' },
    });
    expect(request(parseMessage('update 9\ntitle: "New name"'))).toMatchObject({
      edit: { kind: 'title', title: 'New name' },
    });
  });
  it('natural forms', () => {
    expect(request(parseMessage('add to page 123: some text'))).toMatchObject({
      edit: { kind: 'append', markdown: 'some text' },
    });
    expect(request(parseMessage('append to "Runbook" in OPS: more'))).toMatchObject({
      ref: { kind: 'title', title: 'Runbook', spaceKey: 'OPS' },
    });
    expect(request(parseMessage('rename page 123 to "X"'))).toMatchObject({
      edit: { kind: 'title', title: 'X' },
    });
    expect(request(parseMessage('replace "a" with "b" in page 5'))).toMatchObject({
      ref: { kind: 'id', id: '5' },
      edit: { kind: 'replace', find: 'a', replaceWith: 'b' },
    });
  });
  it('fails listing the edit forms when the edit is missing', () => {
    const intent = parseMessage('update 123');
    expect(intent.kind === 'failure' && intent.message).toContain('append:');
  });
});

describe('parseMessage: admin', () => {
  const mentions = [{ id: '29:abc', name: 'Jane Doe', text: '<at>Jane Doe</at>' }];
  it('resolves mentions to ids', () => {
    expect(parseMessage('/confluence approvers add <at>Jane Doe</at>', mentions)).toEqual({
      kind: 'admin',
      command: {
        kind: 'approvers',
        action: 'add',
        user: { kind: 'mention', id: '29:abc', name: 'Jane Doe' },
      },
    });
  });
  it('refuses an unresolved mention', () => {
    expect(parseMessage('/confluence admins add <at>Nobody</at>', mentions).kind).toBe('admin-invalid');
  });
  it('reports bad usage with the usage line', () => {
    const intent = parseMessage('/confluence policy frobnicate');
    expect(intent.kind).toBe('admin-invalid');
    expect(intent.kind === 'admin-invalid' && intent.usage).toContain('/confluence policy');
  });
});

describe('parseMessage: robustness', () => {
  it.each([
    ['', 'failure'],
    ['   \n\t ', 'failure'],
    ['\u0000\u0001\u0007', 'failure'],
    ['🙂🙂🙂', 'failure'],
    ['x'.repeat(100_000), 'failure'],
  ])('%#', (text, kind) => {
    expect(parseMessage(text).kind).toBe(kind);
  });
  it('never echoes a token', () => {
    const token = `ATATT3xFfGF0${'a1B2c3D4'.repeat(20)}=0A1B2C3D`;
    const intent = parseMessage(`search ${token}`);
    expect(intent.kind).toBe('failure');
    expect(JSON.stringify(intent)).not.toContain(token.slice(0, 20));
  });
});

describe('inline bodies keep their ending', () => {
  it('keeps the final punctuation of a one-line create body', () => {
    const intent = parseMessage('create "X" in ENG: Written from the Agents Playground.');
    expect(intent).toMatchObject({
      kind: 'operation',
      request: { operation: 'create', markdown: 'Written from the Agents Playground.' },
    });
  });

  it('still drops trailing punctuation from plain commands', () => {
    expect(parseMessage('search vpn setup!')).toMatchObject({
      kind: 'operation',
      request: { words: 'vpn setup' },
    });
  });
});
