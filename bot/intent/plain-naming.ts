/*
 * Ways of naming a new page's title that the create grammar reads in one plain form: "called". Kept
 * as data; each is replaced only in the command words (before the first colon, quote or line break),
 * where no page text has started yet.
 */

/**
 * Variants of "called" ("named as", "titled as", "by the name of", "with the title as", "with heading", Nigerian Pidgin
 * "wey dem call" = "that they call", "which is called", "whose title is", "under the name"), each a bounded run.
 */
const NAMING_VARIANTS =
  /\b(?:(?:which|that)\s{1,4}(?:is\s{1,4})?(?:called|named|titled)|(?:which|whose)\s{1,4}(?:name|title)\s{1,4}(?:is|will\s{1,4}be|should\s{1,4}be)|under\s{1,4}the\s{1,4}(?:name|title)(?:\s{1,4}of)?|(?:named|titled|called|call)\s{1,4}as|by\s{1,4}(?:the\s{1,4})?name(?:\s{1,4}of)?|with\s{1,4}(?:the\s{1,4})?(?:title|name)\s{1,4}(?:as|of)|with\s{1,4}(?:the\s{1,4})?(?:heading|header|topic|subject)(?:\s{1,4}(?:as|of))?|wey\s{1,4}(?:dem|we|i|una)\s{1,4}(?:go\s{1,4})?call)\s+(?=\S)/gi;
/**
 * "a page call X" (the verb's plain form after the page noun, as non-native English writes it): "call"
 * in lower case only ("a page Call Notes" is a title), before a title in capitals or quotes.
 */
const CALL_AFTER_NOUN =
  /\b((?:[Pp]age|[Pp]g|[Dd]oc|[Dd]ocument|[Aa]rticle))\s{1,4}call\s+(?=[\p{Lu}\p{N}"“‘'])/gu;
/**
 * "with Desk Rules as title", "with 'X' as the name", "with Desk Rules title": the title said before
 * its noun (in capitals or quotes), read as "called <title>". A bounded lazy run.
 */
const TITLE_BEFORE_ITS_NOUN =
  /\bwith\s{1,4}(["“‘'][^"”’'\n]{1,120}["”’']|\p{Lu}[^,;:\n]{0,80}?)\s{1,4}(?:as\s{1,4}(?:the\s{1,4}|its\s{1,4})?)?(?:title|name)\b/u;

/** "pg", chat's page noun, as the first page word ("create pg "X" in OPS", "make a new pg X"). */
const PG_NOUN = /^((?:(?:an?|one|the)\s{1,4})?(?:new\s{1,4})?)pg\b/i;

/** The create's command words with the title's naming in its plain form ("a page named as X" → "a page called X"). */
export function plainNaming(remainder: string): string {
  const cut = remainder.search(/[:"“‘«„\n]/);
  const head = cut < 0 ? remainder : remainder.slice(0, cut);
  const plain = head
    .replace(PG_NOUN, '$1page')
    .replace(NAMING_VARIANTS, 'called ')
    .replace(TITLE_BEFORE_ITS_NOUN, 'called $1')
    .replace(CALL_AFTER_NOUN, '$1 called ');
  return plain === head ? remainder : plain + (cut < 0 ? '' : remainder.slice(cut));
}
