import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { z } from 'zod';

/** Debian's Chromium (installed by `npm run setup:browser`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Generous wait for anything the bot must answer (selectors, not timing assertions). */
export const ANSWER_TIMEOUT_MS = 30_000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const cardSchema = z.record(z.unknown());
const attachmentSchema = z.object({ contentType: z.string(), content: cardSchema.optional() });

/** A message the Playground pushed to its page over the conversation websocket. */
const conversationFrameSchema = z.object({
  action: z.string(),
  actionConversationId: z.string(),
  message: z
    .object({
      messageId: z.string(),
      attachments: z.array(attachmentSchema).optional(),
      postConversationId: z.string().optional(),
    })
    .passthrough(),
});
export type ConversationFrame = z.infer<typeof conversationFrameSchema>;

/** A headless Chromium showing the Playground, plus the bot messages it has received. */
export interface PlaygroundBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every `createMessage`/`updateMessage` frame, in arrival order. */
  readonly frames: ConversationFrame[];
  /** Requests the page tried to make to anything but loopback (all aborted). */
  readonly blockedRequests: string[];
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with a fresh profile, aborts every non-loopback request, records the
 * Playground's conversation frames and opens `url`. Throws when Chromium is missing.
 */
export async function openPlayground(url: string): Promise<PlaygroundBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`npm run setup:browser\` (or set CHROMIUM_PATH).`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'playground-e2e-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 2000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    const host = new URL(requestUrl).hostname;
    if (LOCAL_HOSTS.has(host) || requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) {
      return route.continue();
    }
    blockedRequests.push(requestUrl);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const frames: ConversationFrame[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      try {
        const parsed = conversationFrameSchema.safeParse(JSON.parse(String(frame.payload)));
        if (parsed.success) frames.push(parsed.data);
      } catch {
        // log-panel frames and pings are not JSON conversation frames
      }
    });
  });
  await page.goto(url);
  return {
    context,
    page,
    frames,
    blockedRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Clicks a conversation in the Playground's tree ("Personal Chat", "Group Chat", a channel name). */
export async function openConversation(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('treeitem', { name }).first().click({ timeout: ANSWER_TIMEOUT_MS });
  await page.locator('div[role="textbox"]').first().waitFor({ timeout: ANSWER_TIMEOUT_MS });
}

/**
 * Types `text` into the first composer and sends it. With `mentionBot`, picks "@Confluence Assistant"
 * from the mention menu first (channels and group chats only deliver messages that mention the bot).
 * The composer sends one line: the Playground drops Shift+Enter line breaks.
 */
export async function sendMessage(
  page: Page,
  text: string,
  options: { mentionBot?: boolean } = {},
): Promise<void> {
  const box = page.locator('div[role="textbox"]').first();
  await box.click();
  if (options.mentionBot) {
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: /Confluence Assistant/ }).click({ timeout: ANSWER_TIMEOUT_MS });
    await page.keyboard.type(' ');
  }
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The newest rendered Adaptive Card containing `text`, once it is visible. */
export async function waitForCard(page: Page, text: string | RegExp): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  await card.waitFor({ state: 'visible', timeout: ANSWER_TIMEOUT_MS });
  return card;
}

/** Saves a PNG of the rendered card as `<dir>/<name>.png` and returns its path. */
export async function screenshotCard(card: Locator, dir: string, name: string): Promise<string> {
  const path = join(dir, `${name}.png`);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path, animations: 'disabled' });
  return path;
}

/** The text a rendered card shows (empty when it has none). */
export async function textOf(card: Locator): Promise<string> {
  return (await card.textContent()) ?? '';
}
