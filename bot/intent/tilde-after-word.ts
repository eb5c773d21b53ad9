/**
 * A word near the start drawn out with a tilde ("Hello~ please help me …", "hi~~ search vpn", "@priya
 * hey~ …", "• Hello~ …"): a sing-song greeting mark common in East Asian chat, said as a comma. Only
 * among the first four words of the first line, before any colon or quote (page text after them stays as
 * typed); a tilde before a word ("~jdoe", a personal space) or inside one ("a~b") is kept.
 */
const TILDE_NEAR_START = /^((?:[^\s~:"“]+[ \t]+){0,3}?)(\p{L}{2,12})~+(?=\s)/u;

/** `text` with a tilde run after an early word said as a comma ("Hello~ please …" → "Hello, please …"). */
export function withTildeAsComma(text: string): string {
  return text.includes('~') ? text.replace(TILDE_NEAR_START, '$1$2,') : text;
}
