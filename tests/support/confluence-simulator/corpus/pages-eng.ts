import {
  code,
  expand,
  image,
  ol,
  pageLink,
  panel,
  status,
  table,
  tasks,
  toc,
  twoColumns,
  ul,
} from './markup.js';
import { mention } from './people.js';
import type { CorpusPage } from './types.js';

/** Seed pages of the ENG space (handbook, architecture, release notes, how-tos). */
export const ENG_PAGES: CorpusPage[] = [
  {
    space: 'ENG',
    title: 'Engineering Handbook',
    author: 'jdoe',
    createdAt: '2024-01-12T09:00:00.000Z',
    updatedAt: '2025-02-20T15:00:00.000Z',
    versions: 6,
    storage: `${toc()}<h2>How we work</h2><p>Small pull requests, reviewed within one working day, merged behind feature flags. Main is always releasable.</p><h2>Code review</h2>${ul(
      [
        'Every change needs one approving review; changes to payments need two.',
        'Reviewers check tests, naming and error handling before style.',
        'Authors merge their own pull requests after approval.',
      ],
    )}<h2>Definition of done</h2>${tasks([
      { text: 'Tests cover the new behaviour', done: true },
      { text: 'Dashboards and alerts updated', done: true },
      { text: 'Release notes entry written' },
    ])}<p>See also ${pageLink('Architecture Overview', 'Architecture Overview')} and ${pageLink('On-call Rota', 'the on-call rota', 'OPS')}.</p>`,
  },
  {
    space: 'ENG',
    title: 'Architecture Overview',
    author: 'jdoe',
    createdAt: '2024-02-05T09:00:00.000Z',
    updatedAt: '2025-01-28T13:00:00.000Z',
    versions: 4,
    storage: `${image('architecture-2025.png', 800)}<h2>Services</h2>${table([
      ['Service', 'Language', 'Owner', 'State'],
      ['checkout-api', 'Go', 'Payments', status('Green', 'GA')],
      ['catalog-service', 'Kotlin', 'Catalog', status('Green', 'GA')],
      ['search-indexer', 'Python', 'Discovery', status('Yellow', 'BETA')],
      ['legacy-billing', 'Java', 'Payments', status('Red', 'DEPRECATED')],
    ])}<h2>Data flow</h2><p>Orders enter through the API gateway, are written to PostgreSQL by checkout-api and published to Kafka on the <code>orders.v2</code> topic. The search-indexer consumes catalog events and feeds OpenSearch.</p>${panel(
      'note',
      `<p>legacy-billing will be switched off in Q3 2025. Talk to ${mention('msmith')} before adding anything to it.</p>`,
    )}<h2>Decisions</h2><p>Architecture decisions are recorded as ADRs; see ${pageLink('ADR-012 Event Sourcing for Orders', 'ADR-012')}.</p>`,
  },
  {
    space: 'ENG',
    title: 'ADR-012 Event Sourcing for Orders',
    parent: 'Architecture Overview',
    author: 'okoro',
    createdAt: '2024-06-10T09:00:00.000Z',
    updatedAt: '2024-06-24T09:00:00.000Z',
    versions: 2,
    storage: `<p>${status('Green', 'ACCEPTED')}</p><h2>Context</h2><p>Order state is spread over five tables and audits are hard to reconstruct.</p><h2>Decision</h2><p>Orders are stored as an append-only stream of events in PostgreSQL; read models are projected asynchronously.</p><h2>Consequences</h2>${ul(
      [
        'Projections must be idempotent.',
        'Replaying the full stream takes about 40 minutes for production volume.',
      ],
    )}`,
  },
  {
    space: 'ENG',
    title: 'ADR-015 Choosing OpenSearch',
    parent: 'Architecture Overview',
    author: 'pchen',
    createdAt: '2024-09-02T09:00:00.000Z',
    updatedAt: '2024-09-16T09:00:00.000Z',
    storage: `<p>${status('Green', 'ACCEPTED')}</p><h2>Decision</h2><p>We use OpenSearch 2.x (managed) for catalog search instead of running Elasticsearch ourselves. Licensing and the managed offering decided it.</p>`,
  },
  {
    space: 'ENG',
    title: 'Release Notes',
    author: 'jdoe',
    createdAt: '2024-03-01T09:00:00.000Z',
    updatedAt: '2025-03-13T10:00:00.000Z',
    storage: `<p>Release notes for every production release, newest first.</p>${ul([
      pageLink('Release Notes 2025.03', '2025.03'),
      pageLink('Release Notes 2025.02', '2025.02'),
      pageLink('Release Notes 2025.01', '2025.01'),
    ])}`,
  },
  {
    space: 'ENG',
    title: 'Release Notes 2025.01',
    parent: 'Release Notes',
    author: 'jdoe',
    createdAt: '2025-01-16T09:00:00.000Z',
    updatedAt: '2025-01-16T09:00:00.000Z',
    storage: `<h2>Highlights</h2>${ul(['Guest checkout for returning customers', 'Catalog images served as WebP'])}<h2>Fixes</h2>${ul(
      [
        'Fixed rounding of VAT on invoices with more than 100 lines',
        'Password reset emails no longer expire after 5 minutes',
      ],
    )}`,
  },
  {
    space: 'ENG',
    title: 'Release Notes 2025.02',
    parent: 'Release Notes',
    author: 'okoro',
    createdAt: '2025-02-13T09:00:00.000Z',
    updatedAt: '2025-02-14T10:00:00.000Z',
    versions: 2,
    storage: `<h2>Highlights</h2>${ul(['Apple Pay in the mobile app', 'Faster search: p95 latency down from 420 ms to 180 ms'])}${panel(
      'warning',
      '<p>The <code>/v1/orders</code> endpoint is deprecated and will be removed in 2025.05.</p>',
    )}`,
  },
  {
    space: 'ENG',
    title: 'Release Notes 2025.03',
    parent: 'Release Notes',
    author: 'jdoe',
    createdAt: '2025-03-13T09:00:00.000Z',
    updatedAt: '2025-03-14T09:00:00.000Z',
    versions: 2,
    storage: `<h2>Highlights</h2>${ul(['Wishlists shared by link', 'Invoices downloadable as PDF/A'])}<h2>Known issues</h2>${ul(
      ['Wishlist links do not open in the Android app yet (fix in 2025.04)'],
    )}`,
  },
  {
    space: 'ENG',
    title: 'Local Development Setup',
    author: 'pchen',
    createdAt: '2024-02-20T09:00:00.000Z',
    updatedAt: '2025-02-03T09:00:00.000Z',
    versions: 3,
    storage: `<p>You need Docker, Node 20 and Go 1.22. Clone the monorepo and run the bootstrap script.</p>${code(
      'bash',
      'git clone git@github.example:northwind/monorepo.git\ncd monorepo\n./scripts/bootstrap.sh && make dev\n# when a test fails with "a && b < c" in its name, quote it: go test -run "a && b < c"',
      'Bootstrap',
    )}${panel('tip', '<p>Run <code>make doctor</code> when something does not start; it checks ports 5432, 9092 and 8080.</p>')}${expand(
      'Apple Silicon notes',
      '<p>Use the arm64 images; set <code>DOCKER_DEFAULT_PLATFORM=linux/arm64</code>.</p>',
    )}`,
  },
  {
    space: 'ENG',
    title: 'API Style Guide',
    author: 'okoro',
    createdAt: '2024-04-15T09:00:00.000Z',
    updatedAt: '2024-12-01T09:00:00.000Z',
    versions: 2,
    storage: `<h2>Resources</h2>${ul(['Plural nouns: <code>/orders</code>, <code>/orders/{id}</code>', 'kebab-case paths, camelCase JSON fields', 'Timestamps in ISO 8601 UTC'])}<h2>Errors</h2>${code(
      'json',
      '{\n  "error": {\n    "code": "ORDER_NOT_FOUND",\n    "message": "No order with id 42"\n  }\n}',
    )}<h2>Pagination</h2><p>Cursor based: return <code>next</code> as an opaque string; never expose offsets.</p>`,
  },
  {
    space: 'ENG',
    title: 'Feature Flags',
    author: 'jdoe',
    createdAt: '2024-05-20T09:00:00.000Z',
    updatedAt: '2024-05-20T09:00:00.000Z',
    storage: `<p>Flags live in Unleash. Name them <code>team.feature-name</code>, give every flag an owner and remove it within 30 days of full rollout.</p>${twoColumns(
      `<h3>Do</h3>${ul(['Default to off', 'Log flag evaluations at debug level'])}`,
      `<h3>Do not</h3>${ul(['Nest flags', 'Use flags for permissions'])}`,
    )}`,
  },
  {
    space: 'ENG',
    title: 'Security Incident Postmortem 2024-11',
    author: 'msmith',
    createdAt: '2024-11-20T09:00:00.000Z',
    updatedAt: '2024-11-28T09:00:00.000Z',
    versions: 2,
    restricted: true,
    storage: `<p>Confidential postmortem of the leaked staging credentials. Access restricted to the security team.</p>${ol(
      [
        'Detection: secret scanner alert at 09:12 UTC',
        'Containment: keys rotated at 09:40 UTC',
        'No customer data was accessed',
      ],
    )}`,
  },
  {
    space: 'ENG',
    title: 'Testing Strategy',
    author: 'pchen',
    createdAt: '2024-03-18T09:00:00.000Z',
    updatedAt: '2024-10-07T09:00:00.000Z',
    versions: 2,
    storage: `<p>Most tests are fast unit tests. Each service has contract tests against its consumers and a small set of end-to-end tests that run before every deploy.</p>${table(
      [
        ['Layer', 'Share', 'Runs'],
        ['Unit', '70%', 'every commit'],
        ['Contract', '20%', 'every commit'],
        ['End-to-end', '10%', 'before deploy'],
      ],
    )}`,
  },
  {
    space: 'ENG',
    title: 'Team Rituals',
    author: 'okoro',
    createdAt: '2024-02-28T09:00:00.000Z',
    updatedAt: '2024-02-28T09:00:00.000Z',
    storage: `<p>Stand-up at 09:45, demo day every second Thursday, retro after each release. ${mention('okoro')} hosts demo day.</p>`,
  },
];
