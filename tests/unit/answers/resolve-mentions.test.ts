import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_LOOKUPS,
  markMentions,
  NAME_LOOKUP_CONCURRENCY,
  nameMentions,
  UNKNOWN_PERSON,
  withoutMentions,
} from '../../../bot/answers/resolve-mentions.js';
import { storageToMarkdown } from '../../../bot/confluence/storage-to-markdown.js';

const mention = (id: string) => `<ac:link><ri:user ri:account-id="${id}"/></ac:link>`;

describe('markMentions and nameMentions', () => {
  it('names mentioned people in converted Markdown; unknown people read as a Confluence user', async () => {
    const marked = markMentions(
      `<p>Primary: ${mention('a:1')} · Secondary: ${mention('a:2')} · again ${mention('a:1')}</p>`,
    );
    expect(marked.accountIds).toEqual(['a:1', 'a:2']);
    const markdown = storageToMarkdown(marked.storage);
    expect(withoutMentions(markdown)).not.toContain('@');
    const [text] = await nameMentions([markdown], marked.accountIds, {
      getUserName: async (id) => (id === 'a:1' ? 'Ada *Lovelace*' : undefined),
    });
    expect(text).toBe(
      `Primary: Ada \\*Lovelace\\* · Secondary: ${UNKNOWN_PERSON} · again Ada \\*Lovelace\\*`,
    );
  });

  it('leaves a mention link with its own text alone, and marks a bare user element', () => {
    const withBody =
      '<ac:link><ri:user ri:account-id="a:1"/><ac:plain-text-link-body><![CDATA[Ada]]></ac:plain-text-link-body></ac:link>';
    expect(markMentions(withBody).storage).toBe(withBody);
    expect(markMentions('<p><ri:user ri:account-id="a:3"/></p>').accountIds).toEqual(['a:3']);
  });

  it('is linear on hostile input (unclosed tags)', () => {
    const hostile = '<ri:user '.repeat(50_000);
    expect(markMentions(hostile).storage).toBe(hostile);
  });

  it('looks up at most MAX_NAME_LOOKUPS people, a few at a time, and never throws', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `a:${i}`);
    const marked = markMentions(ids.map(mention).join(' '));
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const [text] = await nameMentions([marked.storage], marked.accountIds, {
      getUserName: async (id) => {
        asked.push(id);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        if (id === 'a:3') throw new Error('boom');
        return `Person ${id}`;
      },
    });
    expect(asked).toHaveLength(MAX_NAME_LOOKUPS);
    expect(most).toBeLessThanOrEqual(NAME_LOOKUP_CONCURRENCY);
    expect(text).toContain('Person a:0');
    expect(text).toContain(UNKNOWN_PERSON);
  });
});
