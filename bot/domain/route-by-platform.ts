import type { ChatPort, ChatTarget, MemberLookup, Platform } from './chat.js';

/**
 * One ChatPort over the edges that are running: each target goes to its own platform's port. A
 * target for a platform that is not running is refused (the post fails; callers handle that as
 * any other failed post), and a roster question for it is answered "unavailable".
 */
export function routeByPlatform(ports: Partial<Record<Platform, ChatPort>>): ChatPort {
  const portFor = (target: ChatTarget): ChatPort => {
    const port = ports[target.platform];
    if (!port) throw new Error(`the ${target.platform} edge is not running`);
    return port;
  };
  return {
    post: async (target, message) => portFor(target).post(target, message),
    update: async (target, activityId, message) => portFor(target).update(target, activityId, message),
    async lookupMember(target, userId): Promise<MemberLookup> {
      const lookup = ports[target.platform]?.lookupMember;
      return lookup
        ? lookup(target, userId)
        : { kind: 'unavailable', reason: `no roster on ${target.platform}` };
    },
  };
}
