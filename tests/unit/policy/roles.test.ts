import { describe, expect, it } from 'vitest';
import { resolveRoles } from '../../../bot/policy/roles.js';

const none = { envAdmins: [], grantedAdmins: [], envApprovers: [], channelApprovers: [] };
const alice = { id: '29:alice', name: 'Alice', aadObjectId: 'aad-alice' };

describe('resolveRoles', () => {
  it.each([
    ['nobody', none, { isAdmin: false, isApprover: false }],
    ['env admin by aad id', { ...none, envAdmins: ['aad-alice'] }, { isAdmin: true, isApprover: false }],
    [
      'granted admin by channel id',
      { ...none, grantedAdmins: ['29:alice'] },
      { isAdmin: true, isApprover: false },
    ],
    ['env approver', { ...none, envApprovers: ['aad-alice'] }, { isAdmin: false, isApprover: true }],
    ['channel approver', { ...none, channelApprovers: ['aad-alice'] }, { isAdmin: false, isApprover: true }],
    [
      'other people only',
      { ...none, envAdmins: ['aad-bob'], channelApprovers: ['29:bob'] },
      { isAdmin: false, isApprover: false },
    ],
    ['case differs', { ...none, envAdmins: ['AAD-ALICE'] }, { isAdmin: false, isApprover: false }],
    [
      'empty entries',
      { ...none, envAdmins: [''], channelApprovers: [''] },
      { isAdmin: false, isApprover: false },
    ],
  ])('%s', (_name, lists, expected) => {
    expect(resolveRoles(alice, lists)).toEqual(expected);
  });

  it('falls back to the channel id when there is no aadObjectId', () => {
    expect(resolveRoles({ id: 'U1', name: 'Slack user' }, { ...none, envAdmins: ['U1'] }).isAdmin).toBe(true);
  });

  it('never makes an empty id match', () => {
    expect(resolveRoles({ id: '', name: 'ghost' }, { ...none, envAdmins: [''] }).isAdmin).toBe(false);
  });
});
