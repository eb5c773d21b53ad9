import { randomBytes } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** The only HTML elements user Markdown may produce in storage. */
const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'blockquote',
  'br',
  'hr',
];

const SAFE_HREF = /^(https?:|mailto:)/i;

/** GitHub alert kinds mapped to the Confluence panel macro that looks closest. */
const ALERT_PANELS: Readonly<Record<string, string>> = {
  NOTE: 'info',
  IMPORTANT: 'info',
  TIP: 'tip',
  WARNING: 'note',
  CAUTION: 'warning',
};

const ALERT_PATTERN = /^[ \t]*\[!(NOTE|IMPORTANT|TIP|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab/newline/
 * carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const XML_INVALID_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML 1.0 forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  selfClosing: ['br', 'hr'],
};

/**
 * Removes characters that XML 1.0 does not allow anywhere in a document.
 * Pure; never throws.
 */
export function stripXmlInvalidChars(text: string): string {
  return text.replace(XML_INVALID_CHARS, '');
}

/**
 * Wraps text in CDATA sections, splitting any `]]>` so the body survives exactly.
 * Pure; never throws.
 */
export function toCdata(text: string): string {
  return `<![CDATA[${stripXmlInvalidChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Escapes text for use inside XML element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return stripXmlInvalidChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function sanitizeFragment(html: string): string {
  return toXhtml(sanitizeHtml(html, SANITIZE_OPTIONS));
}

/** Per-call collection of trusted macro XML, referenced from the HTML by unguessable tokens. */
class MacroTable {
  private readonly nonce = randomBytes(12).toString('hex');
  private readonly entries: string[] = [];

  add(xml: string): string {
    const token = `cfmacro${this.nonce}n${this.entries.length}x`;
    this.entries.push(xml);
    return `<p>${token}</p>\n`;
  }

  resolve(html: string): string {
    let output = html;
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      const token = `cfmacro${this.nonce}n${index}x`;
      const xml = this.entries[index] ?? '';
      output = output.split(`<p>${token}</p>`).join(xml).split(token).join(xml);
    }
    return output;
  }
}

function codeMacro(code: string, language: string | undefined): string {
  const lang = /^[a-z0-9+#._-]+/.exec((language ?? '').trim().toLowerCase())?.[0].slice(0, 40);
  const parameter = lang ? `<ac:parameter ac:name="language">${escapeXml(lang)}</ac:parameter>` : '';
  return `<ac:structured-macro ac:name="code" ac:schema-version="1">${parameter}<ac:plain-text-body>${toCdata(code)}</ac:plain-text-body></ac:structured-macro>`;
}

function panelMacro(panel: string, bodyHtml: string): string {
  return `<ac:structured-macro ac:name="${panel}" ac:schema-version="1"><ac:rich-text-body>${sanitizeFragment(bodyHtml)}</ac:rich-text-body></ac:structured-macro>`;
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function createMarked(macros: MacroTable): Marked {
  const state = { inTaskList: false };
  const instance: Marked = new Marked({ gfm: true, breaks: false, async: false });
  instance.use({
    renderer: {
      code({ text, lang }: Tokens.Code): string {
        return macros.add(codeMacro(text, lang));
      },
      html({ text, block }: Tokens.HTML | Tokens.Tag): string {
        const escaped = escapeHtmlText(text);
        return block ? `<p>${escaped}</p>\n` : escaped;
      },
      link(token: Tokens.Link): string | false {
        if (SAFE_HREF.test(token.href.trim())) return false;
        return token.raw.startsWith('<') ? escapeHtmlText(token.raw) : this.parser.parseInline(token.tokens);
      },
      image({ href, text }: Tokens.Image): string {
        const label = escapeHtmlText(text || href);
        return SAFE_HREF.test(href.trim()) ? `<a href="${escapeHtmlText(href.trim())}">${label}</a>` : label;
      },
      checkbox({ checked }: Tokens.Checkbox): string {
        if (state.inTaskList) return '';
        return checked ? '[x] ' : '[ ] ';
      },
      blockquote(token: Tokens.Blockquote): string | false {
        const match = ALERT_PATTERN.exec(token.text);
        const kind = match?.[1]?.toUpperCase();
        const panel = kind ? ALERT_PANELS[kind] : undefined;
        if (!match || !panel) return false;
        const inner = this.parser.parse(instance.lexer(token.text.slice(match[0].length)));
        return macros.add(panelMacro(panel, inner));
      },
      list(token: Tokens.List): string | false {
        if (token.items.length === 0 || !token.items.every((item) => item.task)) return false;
        const previous = state.inTaskList;
        state.inTaskList = true;
        const tasks = token.items.map((item, index) => {
          const body = sanitizeFragment(this.parser.parse(item.tokens)).trim();
          const status = item.checked ? 'complete' : 'incomplete';
          return `<ac:task><ac:task-id>${index + 1}</ac:task-id><ac:task-status>${status}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
        });
        state.inTaskList = previous;
        return macros.add(`<ac:task-list>${tasks.join('')}</ac:task-list>`);
      },
    },
  });
  return instance;
}

function toXhtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '<br/>')
    .replace(/<hr\s*\/?>/g, '<hr/>')
    .replace(/<del>/g, '<span style="text-decoration: line-through;">')
    .replace(/<\/del>/g, '</span>');
}

/**
 * Converts Markdown a user typed into Confluence storage format for new content.
 * Guarantees: the result is well-formed XML (as a fragment); raw HTML in the Markdown is shown as
 * text, never interpreted; links keep only http/https/mailto targets; images become plain links;
 * the only `ac:` elements are the ones this function builds — code macros (fenced code, body in
 * CDATA with `]]>` split), info/tip/note/warning panels (from GitHub `> [!NOTE]`-style alerts) and
 * task lists (from lists whose every item is `- [ ]`/`- [x]`). No `ri:` element is ever emitted.
 * Never throws for string input.
 */
export function markdownToStorage(markdown: string): string {
  const macros = new MacroTable();
  const marked = createMarked(macros);
  const html = marked.parse(stripXmlInvalidChars(markdown), { async: false });
  const safe = sanitizeFragment(html);
  return stripXmlInvalidChars(macros.resolve(safe)).trim();
}
