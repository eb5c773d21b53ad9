/**
 * A model-composed answer on top of the offline one: the offline retrieval and ranking are
 * unchanged (only passages of allowed spaces, read through the scoped loader), and the passages it
 * chose to quote are the only thing the model sees. The reply is checked before it is used: it must
 * say it can answer, be non-empty and short, and cite at least one of the given passages; markers
 * naming passages that were not given are dropped. Anything else → `undefined`, and the caller shows
 * the offline answer.
 */
import type { Answer, Citation } from '../answers/answer-question.js';
import type { ModelProvider } from '../config-model.js';
import { ANSWER_SCHEMA, answerPrompt, MAX_ANSWER_CHARS, type ModelAnswer } from './answer-prompt.js';
import type { ModelClient } from './model-client.js';
import { neutralizeModelText } from './model-text.js';

/** A passage the composed answer cites, with the number the text uses for it. */
export interface CitedPassage {
  readonly number: number;
  readonly citation: Citation;
}

/** An answer written by a model from the offline answer's passages. */
export interface ComposedAnswer {
  /** Safe plain text with citation markers `[n]` that all name a cited passage. */
  readonly text: string;
  /** The cited passages, by number. */
  readonly cited: readonly CitedPassage[];
  readonly provider: ModelProvider;
  readonly model: string;
}

/** `[1]`, `[2, 3]`, `[1,2]`: a citation marker (a `[n](…)` link was already reduced to its label). */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * The model's reply checked against the `count` passages it was given: its text with markers to
 * passages not given removed, and the numbers it cites (ascending); `undefined` when it cannot
 * answer, is empty or too long, or cites none of the passages.
 */
export function checkModelAnswer(
  reply: ModelAnswer,
  count: number,
): { readonly text: string; readonly numbers: readonly number[] } | undefined {
  if (!reply.answerable) return undefined;
  const raw = reply.answer.trim();
  if (raw.length === 0 || raw.length > MAX_ANSWER_CHARS) return undefined;
  const cited = new Set<number>();
  const text = neutralizeModelText(raw)
    .replace(MARKER, (_whole, list: string) => {
      const valid = list
        .split(',')
        .map((n) => Number(n.trim()))
        .filter((n) => Number.isInteger(n) && n >= 1 && n <= count);
      for (const n of valid) cited.add(n);
      return valid.length > 0 ? `[${valid.join(', ')}]` : '';
    })
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (text.length === 0 || cited.size === 0) return undefined;
  return { text, numbers: [...cited].sort((a, b) => a - b) };
}

/**
 * Asks the model to compose an answer from `answer.citations` (numbered from 1); `undefined` when
 * there is nothing to compose from, the call fails or the reply does not pass the checks.
 */
export async function composeAnswer(model: ModelClient, answer: Answer): Promise<ComposedAnswer | undefined> {
  const passages = answer.citations;
  if (passages.length === 0) return undefined;
  const reply = await model.completeJson('answer', answerPrompt(answer.question, passages), ANSWER_SCHEMA);
  if (!reply) return undefined;
  const checked = checkModelAnswer(reply, passages.length);
  if (!checked) return undefined;
  return {
    text: checked.text,
    cited: checked.numbers.flatMap((number) => {
      const citation = passages[number - 1];
      return citation ? [{ number, citation }] : [];
    }),
    provider: model.provider,
    model: model.model,
  };
}

/**
 * The composed answer as Markdown: the model's text, then each cited passage quoted with its page
 * link exactly as the offline answer shows them, so every claim can be checked at its source.
 */
export function formatComposedAnswer(composed: ComposedAnswer): string {
  const lines = [composed.text, '_Written by a language model from these Confluence passages only:_'];
  for (const { number, citation } of composed.cited) {
    const where = citation.passage.heading ? ` › ${citation.passage.heading}` : '';
    lines.push(
      `> [${number}] ${citation.passage.text.replace(/\n/g, ' ')}\n\n— [${citation.pageTitle}](${citation.webUrl})${where}`,
    );
  }
  return lines.join('\n\n');
}
