import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../errors.js';
import { isLoopbackHost, validateSiteUrl } from './site-url.js';

/**
 * Which Confluence sites the bot may send a token to. Production: `https` to a host on
 * `allowedHosts` (or the api.atlassian.com gateway form), never an IP literal or a name that
 * resolves to a non-public address. Development adds loopback hosts (the local simulator).
 */
export interface SiteRules {
  /** Loopback hosts (`localhost`, 127.0.0.0/8, `::1`), over http or https. Development only. */
  readonly allowLoopback: boolean;
  /** Exact host names (`wiki.contoso.com`) or `*.domain` wildcards (one or more labels deep). */
  readonly allowedHosts: readonly string[];
}

/** Hosts allowed without any configuration: every Atlassian Cloud site. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = Object.freeze(['*.atlassian.net']);

/** The Atlassian API gateway: allowed only in its `/ex/confluence/{cloudId}` form (scoped tokens). */
export const GATEWAY_HOST = 'api.atlassian.com';

/** Resolves a host name to every address it has (dns.lookup with `all: true`); injectable for tests. */
export type HostLookup = (hostname: string) => Promise<readonly { readonly address: string }[]>;

/** The production resolver: the system's `getaddrinfo`, every address, in the resolver's order. */
export const lookupAllAddresses: HostLookup = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The one answer for every network-level refusal (unresolvable, non-public address, nothing
 * listening, not Confluence): distinct answers would turn the connect form into a port scanner.
 */
export const UNREACHABLE_SITE_MESSAGE =
  'Could not reach a Confluence site at that address. Check the site URL (https://<your-site>.atlassian.net).';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isHostName(host: string): boolean {
  const labels = host.split('.');
  return host.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

function isPattern(pattern: string): boolean {
  return pattern.startsWith('*.')
    ? isHostName(pattern.slice(2)) && !/^[0-9.]+$/.test(pattern.slice(2))
    : isHostName(pattern) && isIP(pattern) === 0;
}

/**
 * Parses CONFLUENCE_ALLOWED_HOSTS (comma-separated host names or `*.domain` wildcards, no scheme,
 * port or IP address). Returns the lowercased patterns and the entries that are not valid.
 */
export function parseAllowedHosts(raw: string | undefined): { hosts: string[]; bad: string[] } {
  const hosts: string[] = [];
  const bad: string[] = [];
  for (const entry of (raw ?? '').split(',')) {
    const pattern = entry.trim().toLowerCase();
    if (pattern === '') continue;
    if (isPattern(pattern)) hosts.push(pattern);
    else bad.push(entry.trim().slice(0, 80));
  }
  return { hosts, bad };
}

/** The site rules for a run mode: the default hosts plus `extraHosts`; loopback only outside production. */
export function siteRulesFor(production: boolean, extraHosts: readonly string[] = []): SiteRules {
  return Object.freeze({
    allowLoopback: !production,
    allowedHosts: Object.freeze([...new Set([...DEFAULT_ALLOWED_HOSTS, ...extraHosts])]),
  });
}

function matchesPattern(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const suffix = pattern.slice(1);
  return host.length > suffix.length && host.endsWith(suffix);
}

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const octets = dotted[1].split('.').map(Number);
    tail = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    text = `${text.slice(0, -dotted[1].length)}0:0`;
  }
  const [head, rest, ...more] = text.split('::');
  if (more.length > 0 || head === undefined) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (rest === undefined && fill !== 0)) return undefined;
  const groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  if (tail.length === 2) groups.splice(6, 2, ...tail);
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function v4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** How an address may be used: a public address, a loopback one (development), or anything else. */
export type AddressClass = 'public' | 'loopback' | 'non-public';

/**
 * Classifies an IP address (v4, or v6 with optional zone id). IPv6 forms that embed an IPv4 address
 * (v4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that address;
 * IPv6 outside 2000::/3 and every special-purpose range count as non-public. Anything that is not an
 * IP address is `non-public` (fail closed).
 */
export function classifyAddress(raw: string): AddressClass {
  const address = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) {
    if (NON_PUBLIC.check(address, 'ipv4')) return address.startsWith('127.') ? 'loopback' : 'non-public';
    return 'public';
  }
  if (family !== 6) return 'non-public';
  const groups = ipv6Groups(address);
  if (!groups) return 'non-public';
  const isZero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (isZero(0, 7) && groups[7] === 1) return 'loopback';
  if (isZero(0, 5) && groups[5] === 0xffff) return classifyAddress(v4FromGroups(groups[6]!, groups[7]!));
  if (groups[0] === 0x64 && groups[1] === 0xff9b && isZero(2, 6))
    return classifyAddress(v4FromGroups(groups[6]!, groups[7]!));
  if (groups[0] === 0x2002) return classifyAddress(v4FromGroups(groups[1]!, groups[2]!));
  const canonical = groups.map((g) => g.toString(16)).join(':');
  if (!GLOBAL_UNICAST_V6.check(canonical, 'ipv6') || NON_PUBLIC.check(canonical, 'ipv6')) return 'non-public';
  return 'public';
}

const NOT_ALLOWED_MESSAGE =
  'Only Atlassian Cloud sites (https://<your-site>.atlassian.net) are accepted. To use another domain, the operator adds it to CONFLUENCE_ALLOWED_HOSTS.';

/**
 * The host predicate, with no network: why `siteUrl` (already normalised by `validateSiteUrl`) may
 * not receive a token under `rules`, or `undefined` when it may. The reason is safe to show and
 * never repeats the URL.
 */
export function siteHostRefusal(siteUrl: string, rules: SiteRules): string | undefined {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return 'That is not a URL.';
  }
  if (url.username !== '' || url.password !== '') return 'A site URL must not carry a user name or password.';
  const host = url.hostname.toLowerCase();
  if (isLoopbackHost(host)) {
    return rules.allowLoopback ? undefined : 'Loopback addresses are accepted only in development.';
  }
  if (url.protocol !== 'https:') return 'The site URL must start with https://.';
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) {
    return 'An IP address is not accepted: use the site name (https://<your-site>.atlassian.net).';
  }
  if (!isHostName(host)) return 'That is not a valid host name.';
  if (url.port !== '') return 'Use the site address without a port.';
  if (url.pathname.startsWith('/ex/confluence/')) {
    return host === GATEWAY_HOST ? undefined : NOT_ALLOWED_MESSAGE;
  }
  return rules.allowedHosts.some((pattern) => matchesPattern(host, pattern))
    ? undefined
    : NOT_ALLOWED_MESSAGE;
}

function refuse(userMessage: string, reason: string): never {
  throw new AppError('CONFLUENCE_BAD_SITE_URL', {
    userMessage,
    message: `Confluence site URL refused: ${reason}`,
  });
}

/**
 * Validates and normalises `raw` (see `validateSiteUrl`) and applies the host predicate, without
 * touching the network. Used by config for CONFLUENCE_SITE_URL.
 *
 * @throws AppError `CONFLUENCE_BAD_SITE_URL` with a safe user message that never repeats the URL.
 */
export function checkSiteUrl(raw: string, rules: SiteRules): string {
  const siteUrl = validateSiteUrl(raw);
  const refusal = siteHostRefusal(siteUrl, rules);
  if (refusal !== undefined) refuse(refusal, 'host not allowed');
  return siteUrl;
}

/**
 * `checkSiteUrl`, then resolves the host and refuses it unless every address is public (loopback
 * too, when `rules.allowLoopback`). Run before any request that carries a token: connect, rotate,
 * and the bootstrap connector at startup.
 *
 * DNS rebinding (a name that answers a public address now and a private one later) is not closed
 * by this check alone; what closes it is that only https is accepted, so a rebound connection
 * reaches a server that cannot present a certificate for the allowed name and fails TLS before the
 * token is sent, and that by default only Atlassian's own domain is allowed.
 *
 * @throws AppError `CONFLUENCE_BAD_SITE_URL`; every resolution problem gets UNREACHABLE_SITE_MESSAGE.
 */
export async function guardSiteUrl(raw: string, rules: SiteRules, lookup: HostLookup): Promise<string> {
  const siteUrl = checkSiteUrl(raw, rules);
  const host = new URL(siteUrl).hostname.toLowerCase();
  if (isLoopbackHost(host)) return siteUrl;
  let addresses: readonly { readonly address: string }[];
  try {
    addresses = await lookup(host);
  } catch {
    return refuse(UNREACHABLE_SITE_MESSAGE, 'host name does not resolve');
  }
  const allowed = (address: string) => {
    const kind = classifyAddress(address);
    return kind === 'public' || (kind === 'loopback' && rules.allowLoopback);
  };
  if (addresses.length === 0 || !addresses.every((a) => allowed(a.address))) {
    refuse(UNREACHABLE_SITE_MESSAGE, 'host name resolves to a non-public address');
  }
  return siteUrl;
}
