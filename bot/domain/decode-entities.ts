import { decodeHTMLStrict } from 'entities';

/**
 * The one HTML entity decoder (the `entities` library, which htmlparser2 uses too): named and
 * numeric references that end in `;`, in one pass, so `&amp;lt;` becomes `&lt;`, never `<`. Invalid
 * numeric references become U+FFFD as the HTML standard says; unknown names stay as typed.
 * Used at the chat edge (message text is decoded exactly once) and for Confluence's escaped excerpts.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}
