/**
 * Usage placeholders such as `<page>` would be read as HTML by Teams (and shown escaped inside code
 * spans); single guillemets show the same hint literally everywhere.
 */
export function placeholders(text: string): string {
  return text.replace(/<([^<>\n]{1,60})>/g, '‹$1›');
}
