/**
 * A first word drawn out with a tilde ("Hello~ please help me …", "hi~~ search vpn"): a sing-song
 * greeting mark common in East Asian chat, said as a comma. A tilde before a word ("~jdoe", a personal
 * space) or inside one is kept.
 */
const TILDE_AFTER_FIRST_WORD = /^(\p{L}{2,12})~+(?=\s)/u;

/** `text` with a tilde run after its first word said as a comma ("Hello~ please …" → "Hello, please …"). */
export function withTildeAsComma(text: string): string {
  return text.replace(TILDE_AFTER_FIRST_WORD, '$1,');
}
