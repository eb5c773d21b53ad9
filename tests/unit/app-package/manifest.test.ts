import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../bot/intent/parse-message.js';
import {
  AppPackageError,
  buildAppPackage,
  fillManifest,
  listPlaceholders,
  resolveManifestValues,
  validateManifest,
} from '../../../scripts/app-package.js';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../../scripts/generate-icons.js';
import { decodePng, encodePng, readPngHeader } from '../../../scripts/png.js';

const APP_DIR = join(import.meta.dirname, '..', '..', '..', 'appPackage');
const TEMPLATE = readFileSync(join(APP_DIR, 'manifest.json'), 'utf8');
const BOT_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

function filled(env: Record<string, string> = {}): Record<string, unknown> {
  return fillManifest(TEMPLATE, resolveManifestValues({ BOT_ID, ...env }));
}

interface Command {
  title: string;
  description: string;
}

function commandsOf(manifest: Record<string, unknown>): Command[] {
  const bots = manifest.bots as { commandLists: { commands: Command[] }[] }[];
  return bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands));
}

describe('appPackage/manifest.json', () => {
  it('uses exactly the Teams Toolkit style placeholders the packager fills', () => {
    expect(listPlaceholders(TEMPLATE).sort()).toEqual([
      'APP_NAME_SUFFIX',
      'BOT_DOMAIN',
      'BOT_ID',
      'TEAMS_APP_ID',
    ]);
  });

  it('validates offline against its bundled schema once filled', async () => {
    const manifest = filled({ BOT_DOMAIN: 'confluence-bot.example.com', APP_NAME_SUFFIX: ' (local)' });
    expect(manifest.manifestVersion).toBe('1.22');
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.validDomains).toEqual(['confluence-bot.example.com']);
  });

  it('drops the empty validDomains entry when BOT_DOMAIN is unset and still validates', async () => {
    const manifest = filled();
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.id).toBe(BOT_ID);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('the validator really rejects bad manifests (so the checks above can fail)', async () => {
    const tooLong = filled({ APP_NAME_SUFFIX: ' with a suffix far too long' });
    const errors = await validateManifest(tooLong);
    expect(errors.join('\n')).toMatch(/name\/short/);
    const badScope = filled();
    (badScope.bots as { scopes: string[] }[])[0]!.scopes = ['everywhere'];
    expect((await validateManifest(badScope)).join('\n')).toMatch(/scopes/);
  });

  it('installs the bot in personal, team and groupChat scopes with the accent colour of the icons', () => {
    const manifest = filled();
    const bots = manifest.bots as { botId: string; scopes: string[] }[];
    expect(bots).toHaveLength(1);
    expect(bots[0]!.botId).toBe(BOT_ID);
    expect(bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
  });

  it('lists the main commands, and each description example parses to that command', () => {
    const commands = commandsOf(filled());
    expect(commands.map((c) => c.title)).toEqual(['search', 'get', 'create', 'update', 'approvals', 'help']);
    for (const command of commands) {
      const example = /Example: (.+)$/.exec(command.description)?.[1];
      expect(example, command.title).toBeDefined();
      expect(example!.toLowerCase().startsWith(command.title), command.title).toBe(true);
      const intent = parseMessage(example!);
      const understood = intent.kind === 'operation' ? intent.request.operation : intent.kind;
      expect(understood, `${command.title}: ${example}`).toBe(command.title);
    }
  });
});

describe('resolveManifestValues / fillManifest', () => {
  it('refuses to fill without BOT_ID, naming the variable', () => {
    expect(() => resolveManifestValues({})).toThrow(AppPackageError);
    expect(() => resolveManifestValues({ BOT_ID: '  ' })).toThrow(/BOT_ID is required/);
  });

  it('lists every problem at once (bad BOT_ID, bad TEAMS_APP_ID, bad domain)', () => {
    try {
      resolveManifestValues({
        BOT_ID: 'not-a-guid',
        TEAMS_APP_ID: 'nope',
        BOT_DOMAIN: 'https://x.example.com/',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppPackageError);
      expect((error as AppPackageError).problems).toHaveLength(3);
    }
  });

  it('defaults TEAMS_APP_ID to BOT_ID and keeps an explicit one', () => {
    expect(resolveManifestValues({ BOT_ID }).TEAMS_APP_ID).toBe(BOT_ID);
    const other = '0a0b0c0d-1e1f-4a4b-8c8d-9e9f0a0b0c0d';
    expect(resolveManifestValues({ BOT_ID, TEAMS_APP_ID: other }).TEAMS_APP_ID).toBe(other);
  });

  it('JSON-escapes values and names placeholders left without a value', () => {
    const placeholder = (name: string): string => ['$', '{{', name, '}}'].join('');
    const manifest = fillManifest(`{"name":"A${placeholder('SUFFIX')}"}`, { SUFFIX: ' "quoted" \\ ' });
    expect(manifest.name).toBe('A "quoted" \\ ');
    const both = `{"a":"${placeholder('ONE')}","b":"${placeholder('TWO')}"}`;
    expect(() => fillManifest(both, { ONE: '1' })).toThrow(/\$\{\{TWO\}\}/);
  });
});

describe('icons', () => {
  it('color.png is 192×192, fully opaque, with the accent background and a white glyph', () => {
    const bytes = readFileSync(join(APP_DIR, 'color.png'));
    expect(readPngHeader(bytes)).toMatchObject({ width: 192, height: 192, bitDepth: 8 });
    const { pixels } = decodePng(bytes);
    const alphas = new Set<number>();
    let white = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      alphas.add(pixels[i + 3]!);
      if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white++;
    }
    expect([...alphas]).toEqual([255]);
    expect(white).toBeGreaterThan(500);
    const corner = Array.from(pixels.subarray(0, 3));
    expect(`#${corner.map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(
      ACCENT_COLOR,
    );
  });

  it('outline.png is 32×32, white on transparent: every pixel is pure white or fully transparent', () => {
    const bytes = readFileSync(join(APP_DIR, 'outline.png'));
    expect(readPngHeader(bytes)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    const { pixels } = decodePng(bytes);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque++;
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(100);
    expect(pixels[3]).toBe(0);
  });

  it('the committed PNGs are what scripts/generate-icons.ts draws (regenerate after changing it)', () => {
    expect(encodePng(drawColorIcon()).equals(readFileSync(join(APP_DIR, 'color.png')))).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(readFileSync(join(APP_DIR, 'outline.png')))).toBe(true);
  });
});

describe('png codec', () => {
  it('round-trips RGBA pixels and rejects a corrupted chunk', () => {
    const pixels = Uint8Array.from({ length: 5 * 3 * 4 }, (_, i) => (i * 37) & 0xff);
    const png = encodePng({ width: 5, height: 3, pixels });
    expect(Array.from(decodePng(png).pixels)).toEqual(Array.from(pixels));
    const broken = Buffer.from(png);
    broken[20] = (broken[20] ?? 0) ^ 0xff;
    expect(() => decodePng(broken)).toThrow(/CRC/);
  });
});

describe('buildAppPackage', () => {
  it('zips manifest.json and both icons at the root, deterministically', async () => {
    const env = { BOT_ID, BOT_DOMAIN: 'bot.example.com' };
    const first = await buildAppPackage(APP_DIR, env);
    const second = await buildAppPackage(APP_DIR, env);
    expect(Buffer.from(first.zip).equals(Buffer.from(second.zip))).toBe(true);
    const entries = unzipSync(first.zip);
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect((manifest.bots as { botId: string }[])[0]!.botId).toBe(BOT_ID);
    expect(Buffer.from(entries['outline.png']!).equals(readFileSync(join(APP_DIR, 'outline.png')))).toBe(
      true,
    );
  });

  it('refuses to package without BOT_ID', async () => {
    await expect(buildAppPackage(APP_DIR, { BOT_ID: '' })).rejects.toThrow(/BOT_ID is required/);
  });
});
