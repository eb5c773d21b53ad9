/**
 * Adverbs people put after what they ask for ("search kafka again", "show me the On-call Rota one more
 * time", "open the VPN guide real quick", "search X sharp sharp" (Nigerian English), "… rq", "put the X in this chat", "search for X then" (in that case, after a "lol ok")): they say when, how fast or where to show it, never which page or what to look
 * for, so they are not search words or part of a page name. Kept as data, as a regex source for the
 * end of a phrase (with its leading space).
 */
export const TRAILING_ADVERB = String.raw`\s+(?:again|once\s+(?:more|again)|one\s+more\s+time|real\s+quick|quick(?:ly)?|(?:for\s+)?(?:a|one)\s+(?:sec|second|moment|minute|bit)|right\s+now|(?:right\s+)?away|rn|rq|when\s+(?:(?:you|u)\s+)?(?:can|possible)|in\s+a\s+(?:bit|sec|second|minute|moment)|later(?:\s+(?:today|on))?|sharp\s+sharp|(?<!\b(?:since|until|till|by|back|and|now|just|from)\s)then|(?:in\s+)?here|in\s+(?:the|this)\s+(?:chat|channel|thread|conversation)|(?:up\s+)?on\s+(?:the\s+|my\s+)?(?:big\s+)?(?:screen|projector|tv|monitor|display))`;

/**
 * Emphasis after a page's name ("open the Expense Policy only", "show the Travel Policy page itself":
 * Indian and other Englishes): it stresses the page asked for, never names it. Kept as data, as a
 * regex source for the end of a name (with its leading space).
 */
export const TRAILING_EMPHASIS = String.raw`\s+(?:only|itself|alone)`;
