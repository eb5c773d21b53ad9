/**
 * A read asked for in the middle of a line, after a clause of context: "…, so could you pull up the
 * failover runbook for me?", "…; can you open our expense policy". Such a clause is the request itself:
 * courtesy stripping keeps it, and the page it names wins over an earlier verb's object ("the lead
 * asked me to check the steps, so could you pull up …"). A regex source for the start of the clause,
 * up to the page's article (lookahead); each part bounded, no nested repetition.
 */
export const ASKED_READ = String.raw`(?:(?:so|and|but|then)\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:please\s+|pls\s+|kindly\s+)?(?:open|show|pull\s+up|bring\s+up)\s+(?:(?:me|us)\s+)?(?=(?:the|our)\s)`;
