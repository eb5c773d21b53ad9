/**
 * ", the ENG one", "(the HR version)", "- the OPS page": which copy, said by the space it is in after a
 * break. The key typed in capitals says where; "the one" says nothing more. One anchored match.
 */
const KEY_ONE = /^(?:the|a)\s+(~?[A-Z][A-Z0-9]{1,9})\s+(?:one|version|copy|page)[\s.!?]*$/;

/** The space key a "the <KEY> one" clause names, or `undefined`. */
export function keyOneAside(clause: string): string | undefined {
  return clause.length > 40 ? undefined : KEY_ONE.exec(clause.trim())?.[1];
}
