import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of Bot Framework channel tokens (public cloud). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * A loopback stand-in for the Bot Framework's OpenID metadata and signing keys, so the bot's
 * authentication runs for real (botbuilder fetches the keys and verifies RS256 signatures) without
 * any network. `sign` issues tokens with the published key; `forge` signs with a key that was never
 * published, as an attacker would.
 */
export interface BotFrameworkKeys {
  /** Give this to the app as `botAuthEndpoints.openIdMetadataUrl`. */
  readonly openIdMetadataUrl: string;
  /** How many times the metadata or keys were fetched. */
  readonly fetches: () => number;
  sign(claims: Record<string, unknown>): string;
  forge(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const nowSeconds = Math.floor(Date.now() / 1000);
  const payload = base64url(
    JSON.stringify({ iat: nowSeconds - 60, nbf: nowSeconds - 60, exp: nowSeconds + 3600, ...claims }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${base64url(signer.sign(key))}`;
}

/** Claims of a valid channel token for `appId` and `serviceUrl` (what Teams' connector sends). */
export function channelClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  return { iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl };
}

/** Starts the key stub on a free loopback port; `endorsements` are the channels the key may sign for. */
export async function startBotFrameworkKeys(endorsements: string[] = ['msteams']): Promise<BotFrameworkKeys> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-${randomUUID()}`;
  const jwk = published.publicKey.export({ format: 'jwk' });
  let fetches = 0;
  let base = '';
  const server: Server = createServer((req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/.well-known/openidconfiguration`,
    fetches: () => fetches,
    sign: (claims) => signJwt(published.privateKey, kid, claims),
    forge: (claims) => signJwt(attacker.privateKey, kid, claims),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
