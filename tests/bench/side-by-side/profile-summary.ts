/**
 * Where the milliseconds of a search turn go, from a V8 CPU profile (.cpuprofile) of our bot under
 * load: each sample's time is charged to a component by the frame that ran (its package or bot/
 * folder; Node internals and native built-ins to the nearest caller that has a home), plus the
 * inclusive time of our own busiest functions. Main thread only: the libuv pool (fsync, file
 * writes) and worker threads are not in a V8 profile; process.cpuUsage covers them.
 */

/** The parts of the .cpuprofile format used here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * CPU per turn by component, and our busiest functions (inclusive). Sample times are wall-clock gaps
 * (a descheduled process still ages its samples), so each part's share of the busy samples is
 * scaled to the process's measured CPU per turn over the same window.
 */
export interface ProfileSummary {
  readonly conversations: number;
  readonly turns: number;
  /** process.cpuUsage() of the bot over the profiled window ÷ turns (profiler overhead included). */
  readonly cpuMsPerTurn: number;
  readonly components: readonly ProfilePart[];
  readonly functions: readonly ProfilePart[];
}

/** One line of the breakdown. */
export interface ProfilePart {
  readonly name: string;
  /** Share of the busy (non-idle) samples, 0…1. */
  readonly share: number;
  /** share × CPU per turn. */
  readonly msPerTurn: number;
}

/** Which component a script belongs to, by its URL; undefined = no home (Node internals, natives). */
const COMPONENTS: readonly { readonly name: string; readonly test: RegExp }[] = [
  {
    name: 'HTTP server (restify, body parsing)',
    test: /node_modules\/(restify|formidable|find-my-way|csv|bunyan)/,
  },
  {
    name: 'Bot Framework adapter + outbound reply (botbuilder, connector, auth, axios)',
    test: /node_modules\/(botbuilder|botframework|@azure|axios|jsonwebtoken|jws|jwa|@microsoft\/(?!teams-ai)|form-data|follow-redirects|uuid|dayjs)/,
  },
  { name: 'teams-ai routing and turn state', test: /node_modules\/@microsoft\/teams-ai/ },
  { name: 'zod validation', test: /node_modules\/zod/ },
  {
    name: 'card templating (adaptivecards-templating, adaptive-expressions)',
    test: /node_modules\/(adaptivecards-templating|adaptive-expressions|antlr4ts|lodash|jspath|xmldom|@xmldom|big-integer|d3-format|timex)/,
  },
  {
    name: 'logging (pino)',
    test: /node_modules\/(pino|sonic-boom|fast-redact|on-exit-leak-free|thread-stream|quick-format|atomic-sleep|safe-stable-stringify)/,
  },
  { name: 'stores (lowdb, steno)', test: /node_modules\/(lowdb|steno)/ },
  { name: 'other packages', test: /node_modules\// },
  { name: 'bot/audit', test: /\/bot\/audit\// },
  { name: 'bot/intent (parsing)', test: /\/bot\/intent\// },
  { name: 'bot/policy', test: /\/bot\/policy\// },
  { name: 'bot/confluence (client, schemas, excerpts)', test: /\/bot\/confluence\// },
  { name: 'bot/views (card data, renderer)', test: /\/bot\/views\// },
  { name: 'bot/chat (Teams edge)', test: /\/bot\/chat\// },
  { name: 'bot/stores', test: /\/bot\/stores\// },
  { name: 'bot core (assistant, operations, handlers)', test: /\/bot\// },
  { name: 'bench harness', test: /\/tests\// },
];

function componentOf(url: string): string | undefined {
  if (url === '' || url.startsWith('node:')) return undefined;
  return COMPONENTS.find((component) => component.test.test(url))?.name ?? 'other scripts';
}

const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'garbage collection',
  '(program)': 'V8/Node native (program)',
};

/** Summarises `profile`, taken while the bot answered `turns` turns using `cpuMs` of CPU. */
export function summariseProfile(
  profile: CpuProfile,
  measured: { readonly turns: number; readonly cpuMs: number; readonly conversations: number },
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    // A sample's time is the gap to the next sample (the last one gets the previous gap).
    const us = profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(id);
    if (!leaf || leaf.callFrame.functionName === '(idle)') return;
    busyUs += us;
    let component = SPECIAL[leaf.callFrame.functionName];
    const seen = new Set<string>();
    for (let node: typeof leaf | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const { functionName, url } = node.callFrame;
      component ??= componentOf(url);
      const bot = /\/(bot\/.*)$/.exec(url)?.[1];
      if (bot) {
        const name = `${functionName || '(anonymous)'} (${bot})`;
        if (!seen.has(name)) functions.set(name, (functions.get(name) ?? 0) + us);
        seen.add(name);
      }
    }
    const name = component ?? 'Node core with no caller above it (HTTP parsing, sockets, timers)';
    components.set(name, (components.get(name) ?? 0) + us);
  });
  const cpuMsPerTurn = measured.cpuMs / Math.max(1, measured.turns);
  const sorted = (map: Map<string, number>): ProfilePart[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, share: us / busyUs, msPerTurn: (cpuMsPerTurn * us) / busyUs }));
  return {
    conversations: measured.conversations,
    turns: measured.turns,
    cpuMsPerTurn,
    components: sorted(components),
    functions: sorted(functions).slice(0, 25),
  };
}

function partMs(parts: readonly ProfilePart[], name: string): string {
  const part = parts.find((p) => p.name === name);
  return part ? part.msPerTurn.toFixed(2) : '—';
}

/** The floor's and our breakdowns side by side, then our busiest functions, as Markdown. */
export function formatProfiles(floor: ProfileSummary | undefined, ours: ProfileSummary): string {
  const names = [...ours.components.map((c) => c.name)];
  for (const c of floor?.components ?? []) if (!names.includes(c.name)) names.push(c.name);
  return [
    `Each bot profiled in one extra run (not in the tables above) at ${ours.conversations} conversations with the inspector's sampling profiler (200 µs): ours ${ours.turns} turns at ${ours.cpuMsPerTurn.toFixed(2)} ms CPU per turn${floor ? `, the floor ${floor.turns} turns at ${floor.cpuMsPerTurn.toFixed(2)} ms` : ''} (the profiler's own cost included). A sample is charged to the package or bot/ folder of the frame that ran; Node internals and native calls (JSON, node:http client requests, crypto, Buffer) to the nearest caller that has one, so the Confluence request itself counts under bot/confluence, and socket work with no JavaScript caller (HTTP parsing of any of the three connections: inbound, Confluence, reply) under Node core. Each part = its share of the busy samples × the measured CPU per turn. Main thread only: the libuv pool (fsync, file writes) is in the CPU figure but not in the samples, so it is spread over the parts.`,
    '',
    '| component | floor ms/turn | ours ms/turn | ours share |',
    '|---|---:|---:|---:|',
    ...names.map((name) => {
      const share = ours.components.find((c) => c.name === name)?.share ?? 0;
      return `| ${name} | ${floor ? partMs(floor.components, name) : '—'} | ${partMs(ours.components, name)} | ${(100 * share).toFixed(1)}% |`;
    }),
    '',
    'Our busiest functions, inclusive (with everything they call):',
    '',
    '| function | ms per turn | share |',
    '|---|---:|---:|',
    ...ours.functions.map(
      (f) => `| \`${f.name}\` | ${f.msPerTurn.toFixed(2)} | ${(100 * f.share).toFixed(1)}% |`,
    ),
  ].join('\n');
}
