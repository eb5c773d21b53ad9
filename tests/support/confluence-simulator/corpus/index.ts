import { pageLink, panel, ul } from './markup.js';
import { ENG_PAGES } from './pages-eng.js';
import { HR_PAGES } from './pages-hr.js';
import { OPS_PAGES } from './pages-ops.js';
import { OTHER_PAGES } from './pages-other.js';
import type { CorpusPage, CorpusSpace } from './types.js';

function home(name: string, intro: string, links: string[]): { title: string; storage: string } {
  return {
    title: `${name} Home`,
    storage: `<p>${intro}</p>${panel('info', '<p>Use the search bar or the page tree on the left to find what you need.</p>')}<h2>Start here</h2>${ul(links)}`,
  };
}

/**
 * The seed spaces, in id order. The default `bot` account sees all but LEGAL and `~pchen`.
 * Every space has a homepage (`<Name> Home`) that new pages go under by default.
 */
export const DEFAULT_SPACES: readonly CorpusSpace[] = [
  {
    key: 'ENG',
    name: 'Engineering',
    type: 'global',
    description: 'How Northwind Labs builds and ships software.',
    homepage: home('Engineering', 'Architecture, release notes and engineering practices.', [
      pageLink('Engineering Handbook', 'Engineering Handbook'),
      pageLink('Release Notes', 'Release Notes'),
    ]),
  },
  {
    key: 'HR',
    name: 'People & HR',
    type: 'global',
    description: 'People policies, onboarding and benefits.',
    homepage: home('People & HR', 'Everything about working at Northwind Labs.', [
      pageLink('Onboarding', 'Onboarding'),
      pageLink('Policies', 'Policies'),
    ]),
  },
  {
    key: 'OPS',
    name: 'IT & Operations',
    type: 'global',
    description: 'IT help, runbooks and the on-call rota.',
    homepage: home('IT & Operations', 'IT how-tos and production operations.', [
      pageLink('VPN Setup Guide', 'VPN Setup Guide'),
      pageLink('Incident Runbooks', 'Incident Runbooks'),
    ]),
  },
  {
    key: 'SALES',
    name: 'Sales',
    type: 'global',
    description: 'Playbooks, pricing and customer notes.',
    homepage: home('Sales', 'How we sell.', [pageLink('Sales Playbook', 'Sales Playbook')]),
  },
  {
    key: 'LEGAL',
    name: 'Legal',
    type: 'global',
    description: 'Restricted: contracts and legal procedures.',
    homepage: home('Legal', 'Restricted to the legal team.', [
      pageLink('Contract Templates', 'Contract Templates'),
    ]),
  },
  {
    key: '~jdoe',
    name: 'Jane Doe',
    type: 'personal',
    description: 'Personal space of Jane Doe.',
    homepage: home('Jane Doe', 'My notes.', [pageLink('Reading List', 'Reading List')]),
  },
  {
    key: '~pchen',
    name: 'Priya Chen',
    type: 'personal',
    description: 'Personal space of Priya Chen (private).',
    homepage: home('Priya Chen', 'Private notes.', []),
  },
];

/** The seed pages (45+), parents before children. */
export const DEFAULT_PAGES: readonly CorpusPage[] = [...ENG_PAGES, ...HR_PAGES, ...OPS_PAGES, ...OTHER_PAGES];
