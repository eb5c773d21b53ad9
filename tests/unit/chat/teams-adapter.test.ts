import { describe, expect, it } from 'vitest';
import { createGatedAdapter, toBotActivity } from '../../../bot/chat/teams-adapter.js';
import { loadConfig } from '../../../bot/config.js';

function activity(serviceUrl: string) {
  return toBotActivity({
    type: 'message',
    id: 'a1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user', name: 'User' },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'a:conversation', conversationType: 'personal', tenantId: 'tenant-1' },
    text: 'hello',
  });
}

describe('GatedTeamsAdapter outbound clients', () => {
  it('keeps one ConnectorClient and one UserTokenClient per service URL across turns', async () => {
    const adapter = createGatedAdapter(loadConfig({}));
    const seen: { connector: unknown; userToken: unknown }[] = [];
    const runTurn = async (serviceUrl: string) => {
      const run = await adapter.authenticate(activity(serviceUrl), '');
      await run(async (context) => {
        seen.push({
          connector: context.turnState.get(adapter.ConnectorClientKey),
          userToken: context.turnState.get(adapter.UserTokenClientKey),
        });
      });
    };
    await runTurn('http://127.0.0.1:9/a');
    await runTurn('http://127.0.0.1:9/a');
    await runTurn('http://127.0.0.1:9/b');
    expect(seen[0]?.connector).toBeDefined();
    expect(seen[1]?.connector).toBe(seen[0]?.connector);
    expect(seen[2]?.connector).not.toBe(seen[0]?.connector);
    expect(seen[1]?.userToken).toBe(seen[0]?.userToken);
  });
});
