/** Small builders for Confluence storage-format constructs used by the seed pages. */

/** A panel macro (`info`, `note`, `warning`, `tip`) around rich text. */
export function panel(kind: 'info' | 'note' | 'warning' | 'tip', body: string, title?: string): string {
  const titleParam = title ? `<ac:parameter ac:name="title">${title}</ac:parameter>` : '';
  return `<ac:structured-macro ac:name="${kind}" ac:schema-version="1">${titleParam}<ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;
}

/** A code macro; the source goes in CDATA unescaped (it must not contain `]]>`). */
export function code(language: string, source: string, title?: string): string {
  const titleParam = title ? `<ac:parameter ac:name="title">${title}</ac:parameter>` : '';
  return `<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">${language}</ac:parameter>${titleParam}<ac:plain-text-body><![CDATA[${source}]]></ac:plain-text-body></ac:structured-macro>`;
}

/** A link to another page by title (and space key when it is in another space). */
export function pageLink(title: string, text: string, spaceKey?: string): string {
  const space = spaceKey ? ` ri:space-key="${spaceKey}"` : '';
  return `<ac:link><ri:page ri:content-title="${title}"${space}/><ac:plain-text-link-body><![CDATA[${text}]]></ac:plain-text-link-body></ac:link>`;
}

/** A status lozenge. */
export function status(colour: 'Green' | 'Yellow' | 'Red' | 'Blue' | 'Grey', title: string): string {
  return `<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">${colour}</ac:parameter><ac:parameter ac:name="title">${title}</ac:parameter></ac:structured-macro>`;
}

/** A table-of-contents macro. */
export function toc(): string {
  return '<ac:structured-macro ac:name="toc" ac:schema-version="1"><ac:parameter ac:name="maxLevel">3</ac:parameter></ac:structured-macro>';
}

/** An expand (collapsible) macro. */
export function expand(title: string, body: string): string {
  return `<ac:structured-macro ac:name="expand" ac:schema-version="1"><ac:parameter ac:name="title">${title}</ac:parameter><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;
}

/** An image attached to the page. */
export function image(filename: string, width = 600): string {
  return `<ac:image ac:width="${width}"><ri:attachment ri:filename="${filename}"/></ac:image>`;
}

/** A task list; `done` tasks are complete. */
export function tasks(items: ReadonlyArray<{ text: string; done?: boolean }>): string {
  const body = items
    .map(
      (item, i) =>
        `<ac:task><ac:task-id>${i + 1}</ac:task-id><ac:task-status>${item.done ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body>${item.text}</ac:task-body></ac:task>`,
    )
    .join('');
  return `<ac:task-list>${body}</ac:task-list>`;
}

/** A two-column layout section. */
export function twoColumns(left: string, right: string): string {
  return `<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell>${left}</ac:layout-cell><ac:layout-cell>${right}</ac:layout-cell></ac:layout-section></ac:layout>`;
}

/** A simple table: first row is the header. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
  const [head, ...body] = rows;
  const th = (head ?? []).map((c) => `<th>${c}</th>`).join('');
  const trs = body.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><tbody><tr>${th}</tr>${trs}</tbody></table>`;
}

/** An unordered list. */
export function ul(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** An ordered list. */
export function ol(items: readonly string[]): string {
  return `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`;
}
