import { describe, expect, it } from 'vitest';
import { looksLikeApiToken } from '../../../bot/intent/detect-secret.js';

const CLASSIC = `ATATT3xFfGF0${'Zq8-Lm_3Rt9Vw2Yx'.repeat(11)}=8C2F1A7B`;

describe('looksLikeApiToken', () => {
  it.each([
    ['a classic Atlassian API token alone', CLASSIC],
    ['a token inside a sentence', `here you go: ${CLASSIC} thanks`],
    ['a token glued to an email', `me@acme.com:${CLASSIC}`],
    ['a token in a command', `/confluence connect acme me@acme.com ${CLASSIC}`],
    ['a token in backticks', `token \`${CLASSIC}\``],
    ['a short ATATT3 token', 'ATATT3xFfGF0abcdefghijklmnopqrstuv'],
    ['an ATCTT3 token', 'ATCTT3xFfGF0abcdefghijklmnop1234567890'],
    ['a legacy 24-character token after "token"', 'my api token is Xk9mQ2vB7nR4tL8pW3zY6cJ5'],
    ['a random string after "password:"', 'password: Tr0ub4dor3xKq9mZ7pL2'],
    ['after "token=" with no space', 'token=9fKq2LmX7vB3nR8tW4zY'],
    ['after "secret is"', 'the secret is a8Kd92LmQz7XvP3r5tWb'],
    ['a few words after the keyword', 'the API token for the bot account is 7hG5kL2mN9pQ4rS8tV1w'],
    ['base64 padding', 'token: dGhpc0lzQVNlY3JldFRva2VuMTIz=='],
  ])('flags %s', (_label, text) => {
    expect(looksLikeApiToken(text)).toBe(true);
  });

  it.each([
    ['plain text', 'search vpn setup in ENG'],
    ['a page id', 'get 1234567890123'],
    ['a page URL', 'open https://acme.atlassian.net/wiki/spaces/ENG/pages/123456/VPN+Setup'],
    ['a URL after "token"', 'the token page is https://id.atlassian.com/manage-profile/security/api-tokens'],
    ['a UUID after "token"', 'token id 3f2b8c1e-9d4a-4b6f-8e2a-1c5d7f9b0a3e'],
    ['a UUID', 'admins add 00000000-0000-0000-0000-0000000000ab'],
    ['a Teams user id', '/confluence admins add 29:1AbCdEfGhIjKlMnOpQrStUvWxYz'],
    ['words about tokens', 'how do I rotate the API token for confluence?'],
    ['a short password', 'password: hunter2'],
    ['a camelCase identifier after token', 'token refreshAccessTokenFromCache'],
    ['a path after token', 'token endpoint /wiki/rest/api/user/current'],
    ['a date after password', 'password expires 2024-06-30'],
    ['a long lower-case word after token', 'token internationalization'],
    ['a version string', 'secret rotation shipped in 4.2.1'],
    ['an empty string', ''],
    ['ATATT3 alone (too short)', 'ATATT3'],
    ['an email', 'password reset for grace.hopper@example.com'],
  ])('ignores %s', (_label, text) => {
    expect(looksLikeApiToken(text)).toBe(false);
  });
});
