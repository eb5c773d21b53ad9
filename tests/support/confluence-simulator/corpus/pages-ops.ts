import { code, expand, image, ol, pageLink, panel, status, table, tasks, toc, ul } from './markup.js';
import { mention } from './people.js';
import type { CorpusPage } from './types.js';

/** Seed pages of the OPS space (IT how-tos, runbooks, on-call). */
export const OPS_PAGES: CorpusPage[] = [
  {
    space: 'OPS',
    title: 'VPN Setup Guide',
    author: 'okoro',
    createdAt: '2024-01-18T09:00:00.000Z',
    updatedAt: '2025-02-27T09:00:00.000Z',
    versions: 5,
    storage: `${toc()}<h2>Before you start</h2><p>The company VPN uses WireGuard. You need your Okta account and the Okta Verify app for two-factor authentication.</p><h2>macOS and Windows</h2>${ol(
      [
        'Install the WireGuard client from the Self Service portal.',
        'Open <a href="https://vpn.northwind.example/enroll">vpn.northwind.example/enroll</a> and sign in with Okta.',
        'Download your personal configuration file and import it into WireGuard.',
        'Activate the tunnel named <strong>northwind-eu</strong>.',
      ],
    )}<h2>Linux</h2>${code(
      'bash',
      'sudo apt install wireguard\nsudo cp ~/Downloads/northwind-eu.conf /etc/wireguard/\nsudo wg-quick up northwind-eu',
    )}${panel('warning', '<p>Configuration files are personal. Never share them; they are revoked when you leave.</p>')}<h2>Troubleshooting</h2>${expand(
      'Handshake does not complete',
      '<p>Check that UDP port 51820 is not blocked by the hotel or airport network. Try the fallback tunnel <code>northwind-eu-tcp</code>.</p>',
    )}${image('wireguard-client.png')}`,
  },
  {
    space: 'OPS',
    title: 'Laptop Setup',
    author: 'okoro',
    createdAt: '2024-01-19T09:00:00.000Z',
    updatedAt: '2024-09-09T09:00:00.000Z',
    versions: 2,
    storage: `${tasks([
      { text: 'Enable FileVault or BitLocker disk encryption', done: true },
      { text: 'Install the endpoint agent from Self Service', done: true },
      { text: `Set up the VPN: ${pageLink('VPN Setup Guide', 'VPN Setup Guide')}` },
    ])}`,
  },
  {
    space: 'OPS',
    title: 'Incident Runbooks',
    author: 'msmith',
    createdAt: '2024-02-01T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    storage: `<p>Runbooks for production incidents. Start with ${pageLink('Incident Response Process', 'the incident process')}.</p>${ul(
      [
        pageLink('Runbook: Database Failover', 'Database failover'),
        pageLink('Runbook: Kafka Consumer Lag', 'Kafka consumer lag'),
        pageLink('Runbook: Elevated 5xx at the Gateway', 'Elevated 5xx'),
      ],
    )}`,
  },
  {
    space: 'OPS',
    title: 'Incident Response Process',
    parent: 'Incident Runbooks',
    author: 'msmith',
    createdAt: '2024-02-02T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    versions: 3,
    storage: `<h2>Severity levels</h2>${table([
      ['Severity', 'Meaning', 'Response time'],
      ['SEV1', 'Checkout or login down for all customers', '15 minutes'],
      ['SEV2', 'Major feature degraded', '30 minutes'],
      ['SEV3', 'Minor issue, workaround exists', 'next working day'],
    ])}<h2>Roles</h2>${ul(['Incident commander: coordinates, decides', 'Communications lead: status page and stakeholders', 'Scribe: timeline in the incident channel'])}${panel(
      'info',
      '<p>Every SEV1 and SEV2 gets a blameless postmortem within 5 working days.</p>',
    )}`,
  },
  {
    space: 'OPS',
    title: 'Runbook: Database Failover',
    parent: 'Incident Runbooks',
    author: 'okoro',
    createdAt: '2024-03-05T09:00:00.000Z',
    updatedAt: '2024-12-12T09:00:00.000Z',
    versions: 2,
    storage: `<p>${status('Green', 'TESTED 2024-12')}</p><h2>When to use</h2><p>The primary PostgreSQL instance is unreachable for more than 2 minutes or replication lag exceeds 60 seconds.</p><h2>Steps</h2>${ol(
      [
        'Page the database owner and open the incident channel.',
        'Confirm the replica is healthy: <code>SELECT pg_is_in_recovery();</code> must return true on the replica.',
        'Promote the replica.',
        'Update the <code>DATABASE_URL</code> secret and restart checkout-api.',
      ],
    )}${code('bash', 'patronictl -c /etc/patroni.yml failover --candidate pg-eu-2 --force', 'Promote')}${panel(
      'warning',
      '<p>Never fail over during a running schema migration.</p>',
    )}`,
  },
  {
    space: 'OPS',
    title: 'Runbook: Kafka Consumer Lag',
    parent: 'Incident Runbooks',
    author: 'pchen',
    createdAt: '2024-04-10T09:00:00.000Z',
    updatedAt: '2024-04-10T09:00:00.000Z',
    storage: `<p>Alert fires when lag on <code>orders.v2</code> exceeds 10,000 messages for 5 minutes.</p>${ol(
      [
        'Check consumer group health in the Kafka dashboard.',
        'Scale the consumer deployment to 6 replicas.',
        'If lag keeps growing, look for poison messages in the dead-letter topic.',
      ],
    )}${code('bash', 'kubectl -n orders scale deploy/order-projector --replicas=6')}`,
  },
  {
    space: 'OPS',
    title: 'Runbook: Elevated 5xx at the Gateway',
    parent: 'Incident Runbooks',
    author: 'okoro',
    createdAt: '2024-05-15T09:00:00.000Z',
    updatedAt: '2024-08-01T09:00:00.000Z',
    storage: `<p>The gateway 5xx ratio is above 2% for 3 minutes.</p>${ul([
      'Check the last deploy; roll back if it was in the last hour.',
      'Look at upstream latency per service in Grafana.',
      'If a single upstream fails, enable its circuit breaker flag.',
    ])}`,
  },
  {
    space: 'OPS',
    title: 'On-call Rota',
    author: 'msmith',
    createdAt: '2024-01-25T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    versions: 8,
    storage: `<p>Primary on-call changes every Monday at 10:00 CET. Swaps go through PagerDuty and must be announced in #ops.</p>${table(
      [
        ['Week', 'Primary', 'Secondary'],
        ['2025-W10', mention('okoro'), mention('pchen')],
        ['2025-W11', mention('pchen'), mention('jdoe')],
        ['2025-W12', mention('jdoe'), mention('msmith')],
        ['2025-W13', mention('msmith'), mention('okoro')],
      ],
    )}<h2>Compensation</h2><p>On-call pays 250 EUR per week plus 50 EUR per page outside working hours.</p>`,
  },
  {
    space: 'OPS',
    title: 'Wi-Fi and Printers',
    author: 'okoro',
    createdAt: '2024-01-22T09:00:00.000Z',
    updatedAt: '2024-01-22T09:00:00.000Z',
    storage: `<p>Staff Wi-Fi is <strong>Northwind-Staff</strong> (sign in with Okta). Guests use <strong>Northwind-Guest</strong>; the password changes every Monday and is on the reception screen.</p><p>Printers: follow-me printing with your badge on any floor.</p>`,
  },
  {
    space: 'OPS',
    title: 'Password and MFA Policy',
    author: 'msmith',
    createdAt: '2024-02-14T09:00:00.000Z',
    updatedAt: '2024-07-14T09:00:00.000Z',
    versions: 2,
    storage: `<p>Passwords must have at least 14 characters. Use the company password manager (1Password). Multi-factor authentication with Okta Verify or a hardware key is mandatory for every system.</p>${panel(
      'note',
      '<p>IT will never ask for your password. Report phishing with the <em>Report</em> button in Gmail.</p>',
    )}`,
  },
];
