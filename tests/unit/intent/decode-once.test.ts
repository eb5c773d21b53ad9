import { describe, expect, it } from 'vitest';
import { toChatRequest } from '../../../bot/chat/to-chat-request.js';
import { parseMessage } from '../../../bot/intent/parse-message.js';

/** A personal-chat message activity as Teams sends it: `text` is HTML-escaped once. */
function teamsMessage(text: string, entities: unknown[] = []): Record<string, unknown> {
  return {
    id: 'act-1',
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user', name: 'Ada' },
    recipient: { id: '28:bot', name: 'Confluence Assistant' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    text,
    entities,
  };
}

function parseFromTeams(text: string, entities: unknown[] = []) {
  const request = toChatRequest(teamsMessage(text, entities));
  return parseMessage(request.text, request.mentions);
}

describe('entities are decoded once, at the chat edge', () => {
  it('keeps a title typed literally as &lt;b&gt; (Teams sends &amp;lt;b&amp;gt;)', () => {
    expect(parseFromTeams('get "&amp;lt;b&amp;gt;" in ENG')).toEqual({
      kind: 'operation',
      request: { operation: 'get', ref: { kind: 'title', title: '&lt;b&gt;', spaceKey: 'ENG' } },
    });
  });

  it('still decodes what Teams escaped: a typed <b> title arrives as <b>', () => {
    expect(parseFromTeams('get "&lt;b&gt;" in ENG')).toMatchObject({
      request: { ref: { title: '<b>' } },
    });
  });

  it('keeps typed entities in replace text and bodies', () => {
    expect(parseFromTeams('replace "&amp;amp;" with "&amp;" in 123')).toMatchObject({
      request: { edit: { kind: 'replace', find: '&amp;', replaceWith: '&' } },
    });
    expect(parseFromTeams('create "T" in ENG: a &amp;nbsp; b &amp;lt;')).toMatchObject({
      request: { markdown: 'a &nbsp; b &lt;' },
    });
  });

  it('matches a mention whose tag text carries an escaped ampersand', () => {
    const mo = { type: 'mention', text: '<at>Mo &amp; Co</at>', mentioned: { id: '29:mo', name: 'Mo & Co' } };
    expect(parseFromTeams('/confluence admins add <at>Mo &amp; Co</at>', [mo])).toMatchObject({
      command: { user: { kind: 'mention', id: '29:mo', name: 'Mo & Co' } },
    });
  });

  it('does not decode in the parser: text given to it is taken literally', () => {
    expect(parseMessage('search a &amp; b')).toMatchObject({ request: { words: 'a &amp; b' } });
  });
});
