import { AppError } from '../errors.js';

/**
 * Refuses a plan whose storage was dropped (a finished request's record, see
 * `compactApprovalChange`) with AppError('INTERNAL'), rather than writing an empty page.
 */
export function assertStorageKept(plan: { readonly storageOmitted?: true }): void {
  if (plan.storageOmitted) {
    throw new AppError('INTERNAL', {
      message: 'refused to execute a finished plan whose storage was dropped',
    });
  }
}
