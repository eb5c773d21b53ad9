import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../bot/slack/receiver.js';

const MANIFEST = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'appPackage', 'slack-manifest.json'), 'utf8'),
) as {
  display_information: { name: string; description: string };
  features: {
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; should_escape: boolean; description: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
};

const URL_TEMPLATE = `https://\${{BOT_DOMAIN}}${SLACK_EVENTS_PATH}`;

describe('appPackage/slack-manifest.json', () => {
  it('points events, the slash command and interactivity at POST /slack/events', () => {
    expect(MANIFEST.settings.event_subscriptions.request_url).toBe(URL_TEMPLATE);
    expect(MANIFEST.settings.interactivity).toEqual({ is_enabled: true, request_url: URL_TEMPLATE });
    expect(MANIFEST.features.slash_commands.map((c) => c.url)).toEqual([URL_TEMPLATE]);
    expect(MANIFEST.settings.socket_mode_enabled).toBe(false);
  });

  it('subscribes to exactly the events the receiver handles (app_mention in channels, message.im in DMs)', () => {
    expect(MANIFEST.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    // DMs need the Messages tab open for writing.
    expect(MANIFEST.features.app_home.messages_tab_enabled).toBe(true);
    expect(MANIFEST.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('declares the one slash command, escaped so mentions arrive as <@U…|name>', () => {
    expect(MANIFEST.features.slash_commands).toHaveLength(1);
    expect(MANIFEST.features.slash_commands[0]).toMatchObject({
      command: '/confluence',
      should_escape: true,
    });
  });

  it('asks for exactly the bot scopes the code uses, and no user scopes', () => {
    const used = {
      'app_mentions:read': 'app_mention events',
      'chat:write': 'chat.postMessage, chat.update, chat.postEphemeral',
      commands: '/confluence',
      'im:history': 'message.im events',
      'users:read': 'users.info',
      'users:read.email': 'users.lookupByEmail and emails in users.info',
    };
    expect([...MANIFEST.oauth_config.scopes.bot].sort()).toEqual(Object.keys(used).sort());
    expect(MANIFEST.oauth_config.scopes.user).toBeUndefined();
  });

  it("keeps within Slack's manifest field limits", () => {
    expect(MANIFEST.display_information.name.length).toBeLessThanOrEqual(35);
    expect(MANIFEST.display_information.description.length).toBeLessThanOrEqual(140);
    expect(MANIFEST.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(MANIFEST.features.slash_commands[0]!.description.length).toBeLessThanOrEqual(2000);
  });
});
