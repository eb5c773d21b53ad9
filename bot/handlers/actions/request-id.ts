import { z } from 'zod';
import { AppError } from '../../errors.js';

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Card data that names one approval request (approve, reject, refresh, …). A malformed id gets the
 * same answer as an unknown one (`APPROVAL_NOT_FOUND`): a forged id learns nothing more.
 */
export const requestIdInput = z.unknown().transform((data) => {
  const requestId = (data as { requestId?: unknown } | null | undefined)?.requestId;
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    throw new AppError('APPROVAL_NOT_FOUND', { message: 'card data without a valid requestId' });
  }
  return { requestId };
});
