/**
 * Intent-parsing benchmark: `parseMessage` on adversarial messages of 1 KB, 10 KB and 28 KB (Teams'
 * message limit). Each shape targets a pattern that used to backtrack (trailing punctuation, polite
 * suffixes, link tags, quotes, long words); a linear parser costs a few milliseconds at most.
 */
import { performance } from 'node:perf_hooks';
import { MAX_COMMAND_LINE_LENGTH, MAX_MESSAGE_LENGTH, parseMessage } from '../../bot/intent/parse-message.js';
import { type BenchSection, formatMs, percentile } from './bench-types.js';

const SIZES = [1_000, 10_000, 28_000] as const;
const TARGET_MS = 5;
const BUDGET_MS = 300;
const MAX_RUNS = 200;

/** Repeats `unit` after `head` until the message is exactly `size` characters long. */
function build(head: string, unit: string, size: number, tail = ''): string {
  const fill = size - head.length - tail.length;
  return `${head}${unit.repeat(Math.ceil(fill / unit.length)).slice(0, fill)}${tail}`;
}

const SHAPES: readonly { readonly name: string; readonly make: (size: number) => string }[] = [
  { name: '`search ` + `". "` repeated', make: (n) => build('search ', '. ', n) },
  { name: '`". "` repeated then a word', make: (n) => build('search vpn', ' .', n, ' x') },
  { name: 'spaces inside the line', make: (n) => build('search vpn', ' ', n, 'x') },
  { name: 'spaces and commas, no suffix', make: (n) => build('get x', ' ,', n, 'y') },
  { name: 'nested quotes', make: (n) => build('get ', '"\'“‘«„「', n) },
  { name: 'quoted title, quotes inside', make: (n) => build('create "', 'a "b" ', n, '" in ENG: body') },
  { name: '`<a href` fragments (Teams HTML)', make: (n) => build('<p>get ', '<a href="https://x.y/z" ', n) },
  { name: '`<a href` fragments (text)', make: (n) => build('get ', '<a href=', n) },
  { name: '`please` suffixes, then a word', make: (n) => build('search vpn', ' please,', n, ' x') },
  { name: '`thanks` suffixes', make: (n) => build('search vpn', ' thanks', n) },
  { name: 'one long word', make: (n) => build('search ', 'a', n) },
  { name: 'long word after get', make: (n) => build('get ', 'ab', n) },
  { name: '`in` clauses', make: (n) => build('get x', ' in', n, ' ') },
  { name: 'question marks and spaces', make: (n) => build('what ', '? ', n, 'x') },
  { name: 'line breaks (`\\r\\n`) after create', make: (n) => build('create "T" in ENG\n', '\r\n', n, 'x') },
  { name: 'no-break spaces', make: (n) => build('search ', '\u00a0', n, 'x') },
  { name: 'control characters', make: (n) => build('search ', '\u0001', n, 'x') },
  { name: '`token` words', make: (n) => build('search ', 'token ', n) },
  { name: '`<at>` tags', make: (n) => build('/confluence admins add ', '<at>x</at>', n) },
  { name: 'Markdown page body', make: (n) => build('create "T" in ENG\n', '**[x](https://e.com)** ', n) },
  { name: 'question with a long body', make: (n) => build('what is this?\n', 'a ', n) },
  { name: 'short chat sentences', make: (n) => build('', 'sorry, crazy day. ', n, 'x') },
  { name: 'one-word clauses', make: (n) => build('', 'a, ', n, 'x') },
  {
    name: 'greeting words that split two ways, then a word',
    make: (n) => build('', 'much appreciated ', n, ' x'),
  },
  { name: 'thanks, then a particle many times, then a word', make: (n) => build('thanks', ' o', n, ' x') },
];
/** A first line just under the command-line cap: the longest line every command rule reads. */
const AT_CAP = MAX_COMMAND_LINE_LENGTH - 10;

function timeParse(text: string): { median: number; max: number; runs: number } {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < MAX_RUNS && (times.length < 3 || performance.now() - started < BUDGET_MS)) {
    const start = performance.now();
    parseMessage(text);
    times.push(performance.now() - start);
  }
  return { median: percentile(times, 50), max: Math.max(...times), runs: times.length };
}

/**
 * Figures recorded at commit 9eb8012, before the parser was made linear (same shapes, same machine,
 * median of the runs that fit in the time budget). `—` marks a shape added afterwards.
 */
const BEFORE_MS: Readonly<Record<string, readonly [number, number, number]>> = {
  '`search ` + `". "` repeated': [0.19, 1.84, 5.46],
  '`". "` repeated then a word': [4.14, 443, 3398],
  'spaces inside the line': [0.05, 0.18, 0.49],
  'spaces and commas, no suffix': [13.6, 742, 4643],
  'nested quotes': [0.1, 0.97, 7.95],
  'quoted title, quotes inside': [0.18, 2.06, 11.5],
  '`<a href` fragments (Teams HTML)': [9.72, 386, 1097],
  '`<a href` fragments (text)': [1.67, 32.3, 88.7],
  '`please` suffixes, then a word': [0.13, 1.45, 10.3],
  '`thanks` suffixes': [0.11, 7.72, 8.4],
  'one long word': [0.08, 0.49, 1.49],
  'long word after get': [0.75, 26.2, 34.3],
  '`in` clauses': [0.22, 2.04, 15.6],
  'question marks and spaces': [3.38, 304, 5972],
};

/** Runs the intent-parsing benchmark and returns its BENCHMARKS.md section. */
export async function runBenchmark(): Promise<BenchSection> {
  for (let i = 0; i < 50; i++) parseMessage('search vpn setup in ENG please');
  const rows: string[] = [];
  let worst = 0;
  let slowestAtCap = { median: 0, shape: '' };
  for (const shape of SHAPES) {
    const cells: string[] = [];
    for (const size of SIZES) {
      const result = timeParse(shape.make(size));
      if (size === 28_000) worst = Math.max(worst, result.median);
      cells.push(`${formatMs(result.median)} (max ${formatMs(result.max)}, ${result.runs} runs)`);
    }
    const atCap = timeParse(shape.make(AT_CAP)).median;
    if (atCap > slowestAtCap.median) slowestAtCap = { median: atCap, shape: shape.name };
    const before = BEFORE_MS[shape.name];
    const beforeCell = before ? before.map(formatMs).join(' / ') : '—';
    rows.push(`| ${shape.name} | ${cells.join(' | ')} | ${beforeCell} |`);
  }
  const over = timeParse(build('search ', '. ', MAX_MESSAGE_LENGTH + 7));
  return {
    title: 'Intent parsing',
    markdown: [
      `\`parseMessage\` on adversarial messages, exactly 1,000 / 10,000 / 28,000 characters (Teams caps a message near 28 KB). Each cell is the median in ms over as many runs as fit in ${BUDGET_MS} ms (at least 3, at most ${MAX_RUNS}). The last column is the median before the parser was made linear (1 KB / 10 KB / 28 KB, commit 9eb8012).`,
      '',
      '| shape | 1 KB | 10 KB | 28 KB | before (ms) |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      `Over the cap (${(MAX_MESSAGE_LENGTH + 7).toLocaleString('en')} characters, refused with a message): ${formatMs(over.median)} ms.`,
      '',
      `Target: ≤ ${TARGET_MS} ms per 28 KB message. Worst median at 28 KB: ${formatMs(worst)} ms — ${worst <= TARGET_MS ? 'met' : 'NOT met'}.`,
      '',
      `Longer first lines are no command, so the most work is a first line just under the ${MAX_COMMAND_LINE_LENGTH.toLocaleString('en')}-character cap: every shape above at ${AT_CAP.toLocaleString('en')} characters, worst median ${formatMs(slowestAtCap.median)} ms (${slowestAtCap.shape}) — ${slowestAtCap.median <= TARGET_MS ? 'met' : 'NOT met'}.`,
    ].join('\n'),
  };
}
