import { pageLink, panel, status, table, tasks, ul } from './markup.js';
import { mention } from './people.js';
import type { CorpusPage } from './types.js';

/** Seed pages of SALES, LEGAL and the personal spaces. */
export const OTHER_PAGES: CorpusPage[] = [
  {
    space: 'SALES',
    title: 'Sales Playbook',
    author: 'msmith',
    createdAt: '2024-02-08T09:00:00.000Z',
    updatedAt: '2025-01-20T09:00:00.000Z',
    versions: 3,
    storage: `<h2>Ideal customer</h2><p>Mid-size retailers (50–500 stores) running their own e-commerce stack.</p><h2>Stages</h2>${table(
      [
        ['Stage', 'Exit criteria'],
        ['Discovery', 'Pain and budget confirmed'],
        ['Demo', 'Technical buyer attended'],
        ['Proposal', 'Pricing sent, legal review started'],
        ['Closed won', 'Order form signed'],
      ],
    )}<p>Discount approval rules are in ${pageLink('Pricing and Discounts', 'Pricing and Discounts')}.</p>`,
  },
  {
    space: 'SALES',
    title: 'Pricing and Discounts',
    parent: 'Sales Playbook',
    author: 'msmith',
    createdAt: '2024-02-09T09:00:00.000Z',
    updatedAt: '2025-01-20T09:00:00.000Z',
    versions: 2,
    storage: `${table([
      ['Discount', 'Who approves'],
      ['up to 10%', 'Account executive'],
      ['10% to 20%', 'Sales director'],
      ['over 20%', 'CFO'],
    ])}${panel('warning', '<p>Multi-year prepayment discounts never stack with volume discounts.</p>')}`,
  },
  {
    space: 'SALES',
    title: 'Q1 2025 Pipeline Review',
    author: 'lgarcia',
    createdAt: '2025-03-28T09:00:00.000Z',
    updatedAt: '2025-03-31T09:00:00.000Z',
    versions: 2,
    storage: `<p>Pipeline coverage is 3.1x for Q2. ${status('Green', 'ON TRACK')}</p>${tasks([
      { text: 'Follow up with Contoso on the security questionnaire' },
      { text: 'Send the renewal quote to Fabrikam', done: true },
    ])}`,
  },
  {
    space: 'SALES',
    title: 'Customer Meeting Notes: Contoso',
    author: 'lgarcia',
    createdAt: '2025-02-18T09:00:00.000Z',
    updatedAt: '2025-02-18T09:00:00.000Z',
    storage: `<p>Attendees: ${mention('lgarcia')}, ${mention('jdoe')} and three people from Contoso IT.</p>${ul(
      [
        'Contoso wants single sign-on with Azure AD before rollout.',
        'They asked about data residency in the EU (answer: yes, Frankfurt).',
      ],
    )}`,
  },
  {
    space: 'LEGAL',
    title: 'Contract Templates',
    author: 'lgarcia',
    createdAt: '2024-03-12T09:00:00.000Z',
    updatedAt: '2024-11-12T09:00:00.000Z',
    versions: 2,
    storage: `<p>Use only these templates. Changes to liability clauses need Legal approval.</p>${ul(['Master Services Agreement v4', 'Data Processing Agreement v3', 'Mutual NDA v2'])}`,
  },
  {
    space: 'LEGAL',
    title: 'Litigation Hold Procedure',
    author: 'lgarcia',
    createdAt: '2024-04-22T09:00:00.000Z',
    updatedAt: '2024-04-22T09:00:00.000Z',
    storage: `<p>When Legal issues a litigation hold, do not delete any email, chat or document about the named matter until the hold is lifted in writing.</p>`,
  },
  {
    space: 'LEGAL',
    title: 'Trademark Guidelines',
    author: 'lgarcia',
    createdAt: '2024-05-30T09:00:00.000Z',
    updatedAt: '2024-05-30T09:00:00.000Z',
    storage: `<p>Write Northwind Labs in full on first use; never use the logo on a coloured background other than navy.</p>`,
  },
  {
    space: '~jdoe',
    title: 'Meeting Notes 2025-03-04',
    author: 'jdoe',
    createdAt: '2025-03-04T16:00:00.000Z',
    updatedAt: '2025-03-04T16:30:00.000Z',
    versions: 2,
    storage: `<p>1:1 with ${mention('msmith')}.</p>${tasks([
      { text: 'Draft the Q2 hiring plan' },
      { text: 'Review the search-indexer design doc', done: true },
    ])}`,
  },
  {
    space: '~jdoe',
    title: 'Reading List',
    author: 'jdoe',
    createdAt: '2024-08-01T09:00:00.000Z',
    updatedAt: '2024-12-01T09:00:00.000Z',
    storage: `${ul(['Designing Data-Intensive Applications', 'Accelerate', 'The Manager&rsquo;s Path'])}`,
  },
  {
    space: '~pchen',
    title: 'Promotion Packet Draft',
    author: 'pchen',
    createdAt: '2025-02-01T09:00:00.000Z',
    updatedAt: '2025-02-01T09:00:00.000Z',
    storage: `<p>Private draft. Impact: led the OpenSearch migration, cut search latency by half.</p>`,
  },
];
