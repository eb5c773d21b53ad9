import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../bot/intent/parse-message.js';
import { mentionsSpaceName, type NamedSpace, nameSpaces } from '../../../bot/intent/space-names.js';
import type { Intent, OperationRequest, TitleSearchRef } from '../../../bot/intent/types.js';

/** A directory like the simulator's, without LEGAL (a space the bot may not use). */
const SPACES: readonly NamedSpace[] = [
  { key: 'ENG', name: 'Engineering' },
  { key: 'HR', name: 'People & HR' },
  { key: 'OPS', name: 'IT & Operations' },
  { key: 'SALES', name: 'Sales' },
  { key: '~jdoe', name: 'Jane Doe' },
];

const search = (words: string, spaceKey?: string): Intent => ({
  kind: 'operation',
  request: { operation: 'search', words, ...(spaceKey ? { spaceKey } : {}) },
});
const named = (words: string, spaceKey?: string): Intent => ({
  kind: 'page-by-name',
  request: { operation: 'get', ref: { kind: 'title-search', words, ...(spaceKey ? { spaceKey } : {}) } },
});
const operation = (request: OperationRequest): Intent => ({ kind: 'operation', request });

describe('nameSpaces: a phrase naming a space at the end of the words, when the request named none', () => {
  it.each([
    ['code freeze in the engineering space', 'code freeze', 'ENG'],
    ['code freeze in engineering space', 'code freeze', 'ENG'],
    ['code freeze in the Engineering wiki.', 'code freeze', 'ENG'],
    ['annual leave carry over in HR’s wiki', 'annual leave carry over', 'HR'],
    ["annual leave from HR's space", 'annual leave', 'HR'],
    ['salary bands in the People space', 'salary bands', 'HR'],
    ['salary bands in the people and hr space', 'salary bands', 'HR'],
    ['P1 escalation in the IT & Operations space', 'P1 escalation', 'OPS'],
    ['P1 escalation in the IT & Operations', 'P1 escalation', 'OPS'],
    ['P1 escalation inside the ops space?', 'P1 escalation', 'OPS'],
    ["pricing on the Sales' wiki", 'pricing', 'SALES'],
    ["reading list in Jane Doe's space", 'reading list', '~jdoe'],
    ['notes on the offsite in the engineering space', 'notes on the offsite', 'ENG'],
    ['the sales space for contoso renewal', 'contoso renewal', 'SALES'],
    ['in the engineering wiki about code freeze', 'code freeze', 'ENG'],
    // A team word between the name and the marker, "confluence" as a marker, a colon after it.
    ['leavers process in the people team space', 'leavers process', 'HR'],
    ["release notes in the engineering team's space", 'release notes', 'ENG'],
    ['the HR team space for payroll dates', 'payroll dates', 'HR'],
    ['kafka lag on the engineering confluence', 'kafka lag', 'ENG'],
    ['engineering space: api versioning', 'api versioning', 'ENG'],
    // Several words that each name the same space ("IT ops" = IT & Operations, OPS).
    ['on-call rota from the IT ops space', 'on-call rota', 'OPS'],
    ['in the engineering confluence space for load testing', 'load testing', 'ENG'],
    // Two words or more that each name the same space count as its whole name, without "space".
    ['vpn setup guide from IT ops', 'vpn setup guide', 'OPS'],
    // A capitalised name after "in", at the end of words typed in lower case, is a proper name: the space.
    ['vpn setup in Engineering', 'vpn setup', 'ENG'],
    ['on-call rota in Operations', 'on-call rota', 'OPS'],
  ])('search %j → %j in %s', (words, rest, key) => {
    expect(nameSpaces(search(words), SPACES)).toEqual(search(rest, key));
  });

  it('takes the phrase (and a trailing "page") off a page name', () => {
    expect(nameSpaces(named("Holiday Calendar 2026 page from HR's wiki"), SPACES)).toEqual(
      named('Holiday Calendar 2026', 'HR'),
    );
    expect(nameSpaces(named('Testing Strategy in the engineering space'), SPACES)).toEqual(
      named('Testing Strategy', 'ENG'),
    );
    // After a page noun, "from <name>" names the space without "space" ("Diversity in Engineering" keeps its words).
    expect(nameSpaces(named('Team Rituals page from Engineering'), SPACES)).toEqual(
      named('Team Rituals', 'ENG'),
    );
    expect(nameSpaces(named('Parental Leave Policy page from the People team'), SPACES)).toEqual(
      named('Parental Leave Policy', 'HR'),
    );
    expect(nameSpaces(named('Diversity in Engineering'), SPACES)).toEqual(named('Diversity in Engineering'));
    // Words typed in lower case, then one capitalised word after "in": a space, as for search words.
    expect(nameSpaces(named('team rituals in Engineering'), SPACES)).toEqual(named('team rituals', 'ENG'));
    expect(nameSpaces(named('vpn guide in Operations'), SPACES)).toEqual(named('vpn guide', 'OPS'));
    expect(nameSpaces(named('diversity in engineering'), SPACES)).toEqual(named('diversity in engineering'));
    // "from" and a department's word in lower case at the end of a page name (round 15b); "in" keeps its words.
    expect(nameSpaces(named('local development setup from engineering'), SPACES)).toEqual(
      named('local development setup', 'ENG'),
    );
    expect(nameSpaces(named('notes from yesterday'), SPACES)).toEqual(named('notes from yesterday'));
    // Non-native "of <name>" after a document noun, or before "space", names it too; "Head of Sales" keeps its words.
    expect(nameSpaces(named('Architecture Overview of Engineering'), SPACES)).toEqual(
      named('Architecture Overview', 'ENG'),
    );
    expect(nameSpaces(named('Team Rituals of the Engineering space'), SPACES)).toEqual(
      named('Team Rituals', 'ENG'),
    );
    expect(nameSpaces(named('Head of Sales'), SPACES)).toEqual(named('Head of Sales'));
    expect(nameSpaces(named('"VPN Setup Guide" in the IT & Operations space'), SPACES)).toEqual(
      named('VPN Setup Guide', 'OPS'),
    );
  });

  it.each([
    ['Diversity in Engineering', 'one word of a name, not said to be a space: part of a title'],
    ['women in sales', 'the same with a whole one-word name'],
    ['notes from last week', 'no space is named'],
    ['vpn in the marketing space', 'a space the directory does not have'],
    ['vpn in the Legal space', 'a space outside the directory (not allowed here): never resolved'],
    ['in the engineering space', 'nothing would be left to search'],
    ['vpn in the the engineering space', 'not the shape of a space phrase'],
    ['Diversity in Sales', 'a title typed in capitals keeps its words'],
  ])('leaves %j alone (%s)', (words) => {
    const intent = search(words);
    expect(nameSpaces(intent, SPACES)).toBe(intent);
    const page = named(words);
    expect(nameSpaces(page, SPACES)).toBe(page);
  });

  it('never names a second space: a request with a space keeps its words and key', () => {
    for (const intent of [
      search('vpn in the sales space', 'ENG'),
      named('Onboarding from the engineering wiki', 'HR'),
    ]) {
      expect(nameSpaces(intent, SPACES)).toBe(intent);
    }
  });

  it('takes off the start of a name the parser split at its key ("in the People &" + HR)', () => {
    expect(nameSpaces(search('onboarding in the People &', 'HR'), SPACES)).toEqual(
      search('onboarding', 'HR'),
    );
    expect(nameSpaces(named('Onboarding in People and', 'HR'), SPACES)).toEqual(named('Onboarding', 'HR'));
    const other = search('onboarding in the People &', 'OPS');
    expect(nameSpaces(other, SPACES)).toBe(other);
  });

  it('reads a name word typed with one slip, and only a word of the directory', () => {
    expect(nameSpaces(search('sick leave on the poeple wiki'), SPACES)).toEqual(search('sick leave', 'HR'));
    expect(nameSpaces(search('payroll in the peopel & hr space'), SPACES)).toEqual(search('payroll', 'HR'));
    // "Legal" is outside this directory: one slip from no word of it, so it stays as typed.
    const legal = search('contracts in the legel space');
    expect(nameSpaces(legal, SPACES)).toBe(legal);
    // Short words must be typed right ("hr" is no slip of anything).
    const short = search('vpn in the ot space');
    expect(nameSpaces(short, SPACES)).toBe(short);
  });

  it('leaves no doubled or trailing white space in what remains', () => {
    const result = nameSpaces(search('code   freeze    in  the   engineering   space  '), SPACES);
    expect(result).toEqual(search('code   freeze', 'ENG'));
  });
});

describe('nameSpaces: a parsed key that is no key of the directory but names one of its spaces', () => {
  it.each([
    ['ENGINEERING', 'ENG', 'the whole name'],
    ['PEOPLE', 'HR', 'a distinctive word of "People & HR"'],
    ['OPERATIONS', 'OPS', 'a distinctive word of "IT & Operations"'],
    ['IT', 'OPS', 'a short distinctive word'],
    ['JANE', '~jdoe', 'a word of a personal space name'],
    ['ENGINERING', 'ENG', 'a letter left out of a name word'],
    ['OPERATOINS', 'OPS', 'two letters swapped'],
    ['SLAES', 'SALES', 'two letters swapped in a five-letter word'],
    ['ENGINEERS', 'ENG', 'another form of a name word (a stem of six letters or more)'],
  ])('%s → %s (%s)', (parsed, key) => {
    expect(nameSpaces(search('vpn', parsed), SPACES)).toEqual(search('vpn', key));
    expect(nameSpaces(named('VPN Setup Guide', parsed), SPACES)).toEqual(named('VPN Setup Guide', key));
  });

  it.each([
    ['create a page called Desk Moves in the IT & Operations space: floor 3', 'OPS'],
    ['make a page named Holiday Rota in the People & HR space with: book by May', 'HR'],
    ['create a page called Desk Moves in the engineering space: floor 3', 'ENG'],
    ['create a page called Desk Moves in the Marketing & Comms space: floor 3', 'MARKETING'],
  ])(
    'a new page whose space is named in words after its title: %j goes to %s (a name outside the directory stays)',
    (text, key) => {
      const parsed = parseMessage(text);
      expect(mentionsSpaceName(parsed, text)).toBe(true);
      const resolved = nameSpaces(parsed, SPACES);
      expect(
        resolved.kind === 'operation' && resolved.request.operation === 'create' && resolved.request.spaceKey,
      ).toBe(key);
    },
  );

  it('maps every space key an operation holds: get and update by title, create and its parent', () => {
    const title = (spaceKey: string) => ({ kind: 'title' as const, title: 'Runbook', spaceKey });
    expect(nameSpaces(operation({ operation: 'get', ref: title('ENGINEERING') }), SPACES)).toEqual(
      operation({ operation: 'get', ref: title('ENG') }),
    );
    const edit = { kind: 'append' as const, markdown: 'x' };
    expect(nameSpaces(operation({ operation: 'update', ref: title('PEOPLE'), edit }), SPACES)).toEqual(
      operation({ operation: 'update', ref: title('HR'), edit }),
    );
    const create = (spaceKey: string, parentSpace: string) =>
      operation({ operation: 'create', title: 'T', spaceKey, markdown: 'm', parent: title(parentSpace) });
    expect(nameSpaces(create('ENGINEERING', 'ENGINEERING'), SPACES)).toEqual(create('ENG', 'ENG'));
    const update = {
      kind: 'page-by-name' as const,
      request: {
        operation: 'update' as const,
        ref: { kind: 'title-search', words: 'Rota', spaceKey: 'PEOPLE' } as TitleSearchRef,
        edit,
      },
    };
    expect(nameSpaces(update, SPACES)).toEqual({
      ...update,
      request: { ...update.request, ref: { ...update.request.ref, spaceKey: 'HR' } },
    });
  });

  it.each([
    ['ENG', 'a key of the directory'],
    ['LEGAL', 'a key outside the directory (still refused later, as typed)'],
    ['MARKETING', 'no space has that name'],
    ['~pchen', 'a personal key is never a name'],
    ['AND', 'a word every name could share'],
  ])('leaves %s alone (%s)', (parsed) => {
    const intent = search('vpn', parsed);
    expect(nameSpaces(intent, SPACES)).toBe(intent);
  });

  it('leaves a word two names share (ambiguous), but not a whole name', () => {
    const spaces = [...SPACES, { key: 'POPS', name: 'People Operations' }];
    const people = search('vpn', 'PEOPLE');
    expect(nameSpaces(people, spaces)).toBe(people);
    const phrase = search('vpn in the people space');
    expect(nameSpaces(phrase, spaces)).toBe(phrase);
    expect(nameSpaces(search('vpn in the People Operations space'), spaces)).toEqual(search('vpn', 'POPS'));
    const twins = [...SPACES, { key: 'ENG2', name: 'Engineering' }];
    const engineering = search('vpn', 'ENGINEERING');
    expect(nameSpaces(engineering, twins)).toBe(engineering);
  });

  it('touches nothing but operations and pages by name', () => {
    const intents: Intent[] = [
      { kind: 'admin', command: { kind: 'spaces', action: 'add', spaceKey: 'ENGINEERING' } },
      { kind: 'admin', command: { kind: 'policy-explain', operation: 'search', spaceKey: 'PEOPLE' } },
      { kind: 'question', question: 'what is in the engineering space?' },
      { kind: 'unclear', message: 'm', readings: ['search vpn in the engineering space'] },
    ];
    for (const intent of intents) expect(nameSpaces(intent, SPACES)).toBe(intent);
  });

  it('an empty directory resolves nothing', () => {
    const intent = search('vpn in the engineering space');
    expect(nameSpaces(intent, [])).toBe(intent);
  });
});

describe('nameSpaces: bounds and invariants', () => {
  it('reads only the end of long words', () => {
    const words = `${'in the wiki '.repeat(160)}code freeze in the engineering space`;
    const started = performance.now();
    const result = nameSpaces(search(words), SPACES);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result).toEqual(search(`${'in the wiki '.repeat(160)}code freeze`, 'ENG'));
  });

  it('the key it sets is the parsed one or a key of the directory, and words only lose an end', () => {
    const vocabulary = [
      'in',
      'the',
      'on',
      'from',
      'space',
      'wiki',
      "HR's",
      'Sales',
      'IT',
      '&',
      'People',
      'vpn',
      'Legal',
      'x',
    ];
    const keys = SPACES.map((space) => space.key);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 }),
        fc.option(fc.constantFrom('ENG', 'ENGINEERING', 'LEGAL', 'PEOPLE'), { nil: undefined }),
        (parts, parsed) => {
          const words = parts.join(' ');
          const result = nameSpaces(search(words, parsed), SPACES);
          if (result.kind !== 'operation' || result.request.operation !== 'search')
            throw new Error('kind changed');
          const key = result.request.spaceKey;
          expect(key === parsed || (key !== undefined && keys.includes(key))).toBe(true);
          // A trailing phrase comes off the end, a leading "the X space for …" off the start.
          const kept = result.request.words;
          expect(words.startsWith(kept) || words.endsWith(kept)).toBe(true);
          expect(result.request.words.trim()).not.toBe('');
        },
      ),
      { examples: [[['IT', 'space', 'on', 'in'], undefined]] },
    );
  });
});

describe('mentionsSpaceName: the cheap check before any directory look-up', () => {
  it.each([
    [search('vpn', 'ENGINEERING'), 'search vpn in the engineering space', [], true],
    [search('vpn', 'LEGAL'), 'search vpn in LEGAL', [], false],
    [search('vpn', 'ENG'), 'search vpn in ENG', [], false],
    [search('vpn', 'IT'), 'search vpn in the IT space', [], true],
    [search('vpn', 'IT'), "search vpn in IT's wiki", [], true],
    // "IT" is a department's other word (the IT & Operations space may have key OPS): looked up.
    [search('vpn', 'IT'), 'search vpn in IT', [], true],
    [search('vpn', 'IT'), 'search vpn in IT', ['IT'], false],
    [search('vpn', 'LEGAL'), 'search vpn in the LEGALISH space in LEGAL', [], false],
    [search('vpn', 'ENG'), 'search vpn in eng', ['ENG', 'HR'], false],
    [search('vpn', 'OPS'), 'search vpn in ops', [], true],
    [search('vpn', '~jdoe'), 'search vpn in ~jdoe', [], false],
    [search('onboarding in the People &', 'HR'), 'search onboarding in the People & HR space', ['HR'], true],
    [search('code freeze in the engineering space'), '', [], true],
    [search("leave in HR's wiki"), '', [], true],
    [search('P1 escalation in the IT & Operations'), '', [], true],
    [search('the sales space for contoso renewal'), '', [], true],
    [search('vpn setup'), 'search vpn setup', [], false],
    [search('Diversity in Engineering'), '', [], false],
    [search('vpn in Engineering'), '', [], true],
    [named('Holiday Calendar from the HR wiki'), '', [], true],
    [named('VPN Setup Guide'), 'open the VPN Setup Guide', [], false],
    // A key in capitals before a title in capitals: a space only after a link word ("in ENG Testing Strategy").
    [named('ENG Testing Strategy'), 'in ENG Testing Strategy replace staging with preprod', [], true],
    [named('VPN Setup Guide'), 'in VPN Setup Guide replace a with b', [], true],
    [named('ENG Testing Strategy'), 'open ENG Testing Strategy', [], false],
    [{ kind: 'admin', command: { kind: 'spaces', action: 'add', spaceKey: 'ENGINEERING' } }, '', [], false],
    [{ kind: 'question', question: 'what is in the engineering space?' }, '', [], false],
  ] as [Intent, string, string[], boolean][])('%j typed as %j → %s', (intent, typed, known, expected) => {
    expect(mentionsSpaceName(intent, typed, known)).toBe(expected);
  });
});

describe('nameSpaces: a page name that starts with its space, or ends with a bare "<space> space"', () => {
  it.each([
    // A key typed as a key (capitals before lower-case words, or a short key in lower case).
    ['OPS incident runbooks', 'incident runbooks', 'OPS'],
    ['hr onboarding', 'onboarding', 'HR'],
    // A key of the directory in capitals before a title in capitals ("in ENG Testing Strategy …").
    ['ENG Testing Strategy', 'Testing Strategy', 'ENG'],
    // A key or name said to be a space: possessive, or "space"/"wiki" after it.
    ["hr's paid time off", 'paid time off', 'HR'],
    ['the engineering space Testing Strategy', 'Testing Strategy', 'ENG'],
    // One word and its marker at the end, with nothing before them.
    ['fire drill schedule ops space', 'fire drill schedule', 'OPS'],
  ])('page %j → %j in %s', (words, rest, key) => {
    expect(nameSpaces(named(words), SPACES)).toEqual(named(rest, key));
  });

  it.each([
    // The capitals are the title's, a space name's word is the title's, a pronoun is no key.
    'VPN Setup Guide',
    'Engineering Handbook',
    'Sales Playbook',
    'it onboarding',
    // A key outside the directory names nothing (fails closed later: the words stay as typed).
    'LEGAL contract templates',
  ])('page %j keeps its words and names no space', (words) => {
    expect(nameSpaces(named(words), SPACES)).toEqual(named(words));
  });

  it('the cheap check asks for the directory only when a page name may start with a space', () => {
    expect(mentionsSpaceName(named('hr onboarding'), 'open hr onboarding', [])).toBe(true);
    expect(mentionsSpaceName(named('VPN Setup Guide'), 'open the VPN Setup Guide', [])).toBe(false);
  });
});

// Search words naming a space (fifteenth round, search tuner): read by the directory step, not the parser.
describe('a word of a space name typed in lower case after "in", at the end of search words', () => {
  it.each([
    ['release notes in engineering', 'release notes', 'ENG'],
    ['onboarding in people', 'onboarding', 'HR'],
    ['okta in operations', 'okta', 'OPS'],
  ])('search %j → %j in %s', (words, rest, key) => {
    expect(mentionsSpaceName(search(words), words)).toBe(true);
    expect(nameSpaces(search(words), SPACES)).toEqual(search(rest, key));
  });

  it.each([
    ['bugs in development', "a department's other word, not its name"],
    ['kafka in stream', 'no word of any name'],
    ['diversity in engineering and sales', 'not one word at the end'],
    ['kafka on engineering', 'only after "in"'],
  ])('leaves %j alone (%s)', (words) => {
    const intent = search(words);
    expect(nameSpaces(intent, SPACES)).toBe(intent);
  });

  it('keeps a page name as typed ("diversity in engineering" may be its title)', () => {
    const page = named('diversity in engineering');
    expect(nameSpaces(page, SPACES)).toBe(page);
  });
});

describe('a label before the words of a search ("Engineering: kafka")', () => {
  it('names the space when the directory has it, else stays a search word', () => {
    expect(nameSpaces(search('Engineering: kafka'), SPACES)).toEqual(search('kafka', 'ENG'));
    expect(nameSpaces(search('Sales: pricing'), SPACES)).toEqual(search('pricing', 'SALES'));
    expect(nameSpaces(search('People: probation'), SPACES)).toEqual(search('probation', 'HR'));
    const possessive = search("People's choice awards");
    expect(nameSpaces(possessive, SPACES)).toBe(possessive);
    const faq = search('FAQ: kafka');
    expect(nameSpaces(faq, SPACES)).toBe(faq);
  });
});

describe('a space named first after "in", then the topic', () => {
  it('reads one word of a name after "in" ("in operations on X"), not without it', () => {
    expect(nameSpaces(search('in operations on the rota'), SPACES)).toEqual(search('the rota', 'OPS'));
    expect(nameSpaces(search('in engineering about release notes'), SPACES)).toEqual(
      search('release notes', 'ENG'),
    );
    const bare = search('people for onboarding');
    expect(nameSpaces(bare, SPACES)).toBe(bare);
  });
});

// Search words naming a space by its key (sixteenth round, search tuner): read by the directory step.
describe('a key in capitals first, or after a spaced dash or slash at the end, of search words', () => {
  it.each([
    ['OPS backup retention', 'backup retention', 'OPS'],
    ['HR parental leave', 'parental leave', 'HR'],
    ['ENG Testing Strategy', 'Testing Strategy', 'ENG'],
    ['kafka lag - ENG', 'kafka lag', 'ENG'],
    ['kafka / ENG', 'kafka', 'ENG'],
    ['expense policy – HR.', 'expense policy', 'HR'],
  ])('search %j → %j in %s', (words, rest, key) => {
    expect(mentionsSpaceName(search(words), `search ${words}`)).toBe(true);
    expect(nameSpaces(search(words), SPACES)).toEqual(search(rest, key));
  });

  it.each([
    ['VPN setup', 'a key of no space: the capitals are the topic'],
    ['LEGAL nda template', 'a key outside the directory'],
    ['hr onboarding', 'a key in lower case may be a topic word'],
    ['vpn setup - MFA', 'a key of no space after the dash'],
    ['new hire checklist HR', 'no break before the key'],
    ['client/server HR', 'no spaced break'],
    ['OPS', 'nothing after the key'],
  ])('leaves %j alone (%s)', (words) => {
    const intent = search(words);
    expect(nameSpaces(intent, SPACES)).toBe(intent);
  });
});
