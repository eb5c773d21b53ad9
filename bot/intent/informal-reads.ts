/**
 * Informal and regional ways to ask for a page to be shown, read as "show": "chuck up the Trademark
 * Guidelines" (Australian), "fire over the VPN Setup Guide", "pop open the feature flags page", "throw
 * me the laptop setup page", "ping me the link to the sales playbook", "flick me the rota", "read out
 * the expense policy", "(need to) refer the Team Rituals page". Each phrase is a verb with its particle
 * or its "me"/"us", so a verb alone ("chuck the old runbook", "pop Sam on the rota") never reads as a
 * read. Kept as data.
 */
const INFORMAL_READ_PHRASES: readonly string[] = [
  String.raw`chuck\s+(?:up|over|across)`,
  String.raw`chuck(?=\s+(?:me|us)\s)`,
  String.raw`fire\s+(?:over|across|through)`,
  String.raw`fire(?=\s+(?:me|us)\s)`,
  String.raw`pop\s+(?:open|up)`,
  String.raw`whack\s+up`,
  String.raw`throw\s+(?:over|across)`,
  String.raw`(?:throw|toss|sling|flick|ping|shoot|bung)(?=\s+(?:me|us)\s)`,
  String.raw`(?:sling|flick|shoot|bung)\s+(?:over|across)`,
  String.raw`hand\s+over`,
  String.raw`hand(?=\s+(?:me|us)\s)`,
  String.raw`call\s+up`,
  String.raw`load\s+up`,
  String.raw`serve\s+up`,
  String.raw`read\s+out`,
  String.raw`read\s+(?:me|us)\s+out`,
  // "need to refer the Team Rituals page" (Indian English: consult), "go through the X".
  String.raw`refer(?:\s+to)?`,
  String.raw`go\s+(?:through|over)`,
  String.raw`dig\s+(?:me|us)\s+(?:up|out)`,
  String.raw`throw\s+up`,
  'surface',
  // "bring the Local Development Setup page here": "bring" with the page right after it.
  String.raw`bring(?=\s+(?:the|our)\s)(?!.*\sup\s+to\s+(?:date|speed)\b)`,
  String.raw`make\s+available`,
  String.raw`(?:put|get)\s+eyes\s+on`,
  // "need eyes on the X" once "need" is read: the eyes are the asker's.
  String.raw`eyes\s+on`,
  // "may I request the Expense Policy page": asking for a page by name.
  String.raw`request(?=\s+(?:the|our)\s)`,
  // "reopen the Onboarding page", "re-open the VPN guide": opened again.
  String.raw`re-?open`,
];

/** Whom the page is for, after the informal verb ("me", "us"). */
const WHOM = /^\s+(?:(?:me|us)\s+)?/i;
/** What the page's name starts with: an article, a quote or "link" (typed in any case). */
const NAME_START = /^(?:the|teh|our|da|a\s+link|link)\s|^["“]/i;
/** Or a title's capital (case-sensitive: "chuck us a search" is no page). */
const TITLE_START = /^\p{Lu}/u;

/** "go over the rota and add Sam": an edit after the page, which these verbs never stand for. */
const THEN_EDIT =
  /\s(?:and|&|then)\s+(?:then\s+)?(?:add|append|put|write|insert|replace|change|update|edit|rename|fix|correct|swap|delete|remove)\b/i;

const INFORMAL_READ = new RegExp(String.raw`^(?:to\s+)?(?:${INFORMAL_READ_PHRASES.join('|')})(?=\s)`, 'i');

/** `core` with an informal read's verb at its start said as "show" (see {@link INFORMAL_READ_PHRASES}); else unchanged. */
export function plainReadVerb(core: string): string {
  const match = INFORMAL_READ.exec(core);
  if (!match || THEN_EDIT.test(core)) return core;
  const rest = core.slice(match[0].length);
  const object = rest.slice(WHOM.exec(rest)?.[0].length ?? 0);
  return NAME_START.test(object) || TITLE_START.test(object) ? `show${rest}` : core;
}
