import type { AdminHandlers } from './admin-command.js';
import { handleAdmins } from './admins.js';
import { handleApprovalsHere } from './approvals-here.js';
import { handleApprovers } from './approvers.js';
import { handleAudit } from './audit.js';
import { handleConnect } from './connect.js';
import { handleDisconnect } from './disconnect.js';
import { handleHelp } from './help.js';
import { handlePolicyExplain } from './policy-explain.js';
import { handlePolicySet } from './policy-set.js';
import { handlePolicyShow } from './policy-show.js';
import { handleRotate } from './rotate.js';
import { handleSpaces } from './spaces.js';
import { handleStatus } from './status.js';
import { handleTest } from './test.js';

/**
 * Every `/confluence …` admin command, one file each, keyed by the parsed command's kind (the type
 * makes the set complete: a new kind does not compile until it has a handler here). The admins-only
 * gate and the audit of refusals and failures are in `run-admin-command.ts`; a test pins the keys
 * to the kinds the parser produces.
 */
export const ADMIN_COMMANDS: AdminHandlers = {
  help: handleHelp,
  status: handleStatus,
  test: handleTest,
  connect: handleConnect,
  disconnect: handleDisconnect,
  rotate: handleRotate,
  'policy-show': handlePolicyShow,
  'policy-set': handlePolicySet,
  'policy-explain': handlePolicyExplain,
  spaces: handleSpaces,
  approvers: handleApprovers,
  admins: handleAdmins,
  'approvals-here': handleApprovalsHere,
  audit: handleAudit,
};
