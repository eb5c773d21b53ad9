/** Helpers for reading approval cards in integration tests. */

/** The request id an approval card refers to (from its refresh action); throws when it is no approval card. */
export function requestIdOf(card: Record<string, unknown> | undefined): string {
  const refresh = card?.refresh as { action?: { data?: { requestId?: string } } } | undefined;
  const id = refresh?.action?.data?.requestId;
  if (!id) throw new Error(`no approval card: ${JSON.stringify(card)?.slice(0, 300)}`);
  return id;
}

/** Every Action.Execute button outside `refresh`, with its verb and data. */
export function buttonsOf(card: Record<string, unknown> | undefined): { verb: string; data: unknown }[] {
  const found: { verb: string; data: unknown }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string')
        found.push({ verb: record.verb, data: record.data });
      for (const [key, child] of Object.entries(record)) if (key !== 'refresh') walk(child);
    }
  };
  walk(card);
  return found;
}
