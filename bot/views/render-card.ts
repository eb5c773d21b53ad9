import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as templating from 'adaptivecards-templating';
import { AppError } from '../errors.js';
import { buildSearchResultsCard } from './search-results-card.js';
import type { AdaptiveCardJson, CardData, CardKind } from './types.js';

const DOLLAR = '\uE000';
const ESCAPE = '\uE001';

/**
 * Finds the folder holding the card templates: the nearest `cards/` beside a `package.json`,
 * walking up from this module (works from `bot/views/` and from `dist/bot/views/`).
 * Throws `AppError('INTERNAL')` when there is none.
 */
export function findCardsDir(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'cards');
    if (existsSync(candidate) && existsSync(path.join(dir, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new AppError('INTERNAL', { message: `No cards/ folder above ${start}` });
    dir = parent;
  }
}

/** Renders cards of every kind from one templates folder; see `createCardRenderer`. */
export interface CardRenderer {
  render<K extends CardKind>(kind: K, data: CardData[K]): AdaptiveCardJson;
}

/** Options of {@link createCardRenderer}. */
export interface CardRendererOptions {
  /**
   * Expand every kind from its template, also those with a direct builder (`search-results`, see
   * search-results-card.ts). Tests compare the two; production leaves it off.
   */
  readonly templatesOnly?: boolean;
}

/**
 * Builds a renderer over `cardsDir`. Each template is read and compiled once, on first use, then
 * reused. User strings in `data` are shielded from the expression engine (a title like
 * `${requester}` renders literally). Object properties that expand to `null` (a `$when` that was
 * false on a property such as `refresh`) are dropped. Throws `AppError('INTERNAL')` when a template is missing or
 * invalid, when data holds `null`, or when an expression is left unexpanded (a data field missing).
 * The `search-results` card, shown on every search turn, is built directly by a builder pinned to
 * its template by a test (same card, none of the template engine's cost) unless `templatesOnly`.
 */
export function createCardRenderer(
  cardsDir: string = findCardsDir(),
  options: CardRendererOptions = {},
): CardRenderer {
  const templates = new Map<CardKind, templating.Template>();
  const direct = !options.templatesOnly;

  function loadTemplate(kind: CardKind): templating.Template {
    const cached = templates.get(kind);
    if (cached) return cached;
    const file = path.join(cardsDir, `${kind}.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new AppError('INTERNAL', { message: `Card template ${kind} cannot be read`, cause });
    }
    const template = new templating.Template(json);
    templates.set(kind, template);
    return template;
  }

  return {
    render(kind, data) {
      if (direct && kind === 'search-results')
        return buildSearchResultsCard(data as CardData['search-results']);
      const template = loadTemplate(kind);
      let expanded: unknown;
      try {
        expanded = template.expand({ $root: shieldData(data, kind) });
      } catch (cause) {
        if (cause instanceof AppError) throw cause;
        throw new AppError('INTERNAL', { message: `Card ${kind} failed to expand`, cause });
      }
      const card = unshieldOutput(expanded, kind);
      if (!isAdaptiveCard(card)) {
        throw new AppError('INTERNAL', { message: `Card ${kind} did not expand to an AdaptiveCard` });
      }
      return card;
    },
  };
}

let defaultRenderer: CardRenderer | undefined;

/**
 * Renders `cards/<kind>.json` with typed view data and returns the card object. Uses one shared
 * renderer (templates compiled once per process). Throws like `createCardRenderer`.
 */
export function renderCard<K extends CardKind>(kind: K, data: CardData[K]): AdaptiveCardJson {
  defaultRenderer ??= createCardRenderer();
  return defaultRenderer.render(kind, data);
}

const SHIELDED = /[$\uE000\uE001]/;
const UNSHIELDED = /[\uE000\uE001]/;

function shieldString(value: string): string {
  // Most strings hold none of the three characters: skip the replace (render is on every turn).
  if (!SHIELDED.test(value)) return value;
  return value.replace(/[$\uE000\uE001]/g, (c) =>
    c === '$' ? DOLLAR : c === DOLLAR ? `${ESCAPE}0` : `${ESCAPE}1`,
  );
}

function unshieldString(value: string): string {
  if (!UNSHIELDED.test(value)) return value;
  return value.replace(/\uE000|\uE001[01]/g, (m) =>
    m === DOLLAR ? '$' : m === `${ESCAPE}0` ? DOLLAR : ESCAPE,
  );
}

/**
 * A copy of the view data for the template: strings shielded, `undefined` members left out, `null`
 * refused (a template would show it as an empty value).
 */
function shieldData(value: unknown, kind: CardKind): unknown {
  if (typeof value === 'string') return shieldString(value);
  if (value === null) throw new AppError('INTERNAL', { message: `Card ${kind}: view data contains null` });
  if (Array.isArray(value)) return value.map((item) => shieldData(item, kind));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = shieldData(item, kind);
    }
    return out;
  }
  return value;
}

/**
 * The expanded card made final, in place (it is the template engine's fresh output, shared with
 * nobody): strings unshielded, members that expanded to `null` dropped. Throws when an expression
 * was left unexpanded.
 */
function unshieldOutput(value: unknown, kind: CardKind): unknown {
  if (typeof value === 'string') {
    if (value.includes('${')) {
      throw new AppError('INTERNAL', {
        message: `Card ${kind}: unexpanded expression ${value.slice(0, 80)}`,
      });
    }
    return unshieldString(value);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unshieldOutput(value[i], kind);
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (item === null) delete record[key];
      else record[key] = unshieldOutput(item, kind);
    }
    return record;
  }
  return value;
}

function isAdaptiveCard(value: unknown): value is AdaptiveCardJson {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  return card.type === 'AdaptiveCard' && typeof card.version === 'string' && Array.isArray(card.body);
}
