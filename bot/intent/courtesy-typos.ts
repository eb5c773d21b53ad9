import { editDistance } from './edit-distance.js';

/** Words that ask ("could you …"): corrected only when "you"/"we"/"I" follows ("cna you"). */
const ASKING = ['can', 'could', 'would', 'will'] as const;
const ASKED = new Set(['you', 'u', 'ya', 'we', 'i']);
/** Courtesy words that stand alone ("pleae", "helo", "thnaks"). */
const COURTESY = ['please', 'hello', 'thanks'] as const;
const KNOWN = new Set<string>([...ASKING, ...COURTESY, 'thank', 'help', 'hell', 'held']);
/** Leading words looked at: courtesy comes first, so a typo further in is content. */
const WORDS_LOOKED_AT = 6;

function correction(word: string, next: string | undefined): string | undefined {
  const lower = word.toLowerCase();
  if (KNOWN.has(lower) || !/^[a-z]{3,}$/.test(lower)) return undefined;
  const near = (candidate: string): boolean =>
    candidate[0] === lower[0] && editDistance(lower, candidate, 1) <= 1;
  if (next !== undefined && ASKED.has(next.toLowerCase())) {
    const asking = ASKING.find(near);
    if (asking) return asking;
  }
  return lower.length >= 4 ? COURTESY.find(near) : undefined;
}

/**
 * The line with typos of its leading courtesy words corrected ("cna you" → "can you", "pleae" →
 * "please", "helo" → "hello"), so the courtesy is dropped like the well-typed kind. One edit at
 * most, first letter kept, only among the first few words. Pure; linear in those words.
 */
export function fixCourtesyTypos(line: string): string {
  const parts = line.split(/(\s+)/);
  let seen = 0;
  for (let i = 0; i < parts.length && seen < WORDS_LOOKED_AT; i += 1) {
    const part = parts[i]!;
    if (part.trim() === '') continue;
    seen += 1;
    const word = /^[A-Za-z]+/.exec(part)?.[0];
    if (!word) continue;
    const fixed = correction(word, parts[i + 2]?.replace(/[^A-Za-z]+$/, ''));
    if (fixed) parts[i] = `${fixed}${part.slice(word.length)}`;
  }
  return parts.join('');
}
