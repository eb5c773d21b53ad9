/*
 * An opinion about what a page should say, then the edit asked for ("I think the Testing Strategy ought to
 * cover mutation tests - can you add a line saying …", "I feel the Remote Work Policy should mention coworking
 * - can you add …"): the opinion's lead ("I think", "I feel") says why, and "ought to" is "should"; the rest
 * is read as the page named, then the edit. The caller keeps the reading only when it is an update. Data
 * words; the runs are bounded.
 */

/** "I think", "I feel", "I reckon", "imo", "honestly": the lead of an opinion. */
const OPINION_LEAD =
  /^(?:(?:honestly|tbh|imo|imho)[\s,]+)?(?:i\s+(?:really\s+)?(?:think|feel|reckon|believe|guess)(?:\s+that)?|imo|imho|in\s+my\s+opinion)[\s,]+(?=(?:the|our)\s)/i;

/** "ought to" / "oughta" before what the page should do. */
const OUGHT_TO = /\s(?:ought\s+to|oughta)\s/i;

/** The line without its opinion's lead and with "ought to" as "should", or `undefined` when it has no such lead. */
export function withoutOpinionLead(line: string): string | undefined {
  const lead = OPINION_LEAD.exec(line.trim());
  return lead ? line.trim().slice(lead[0].length).replace(OUGHT_TO, ' should ') : undefined;
}
