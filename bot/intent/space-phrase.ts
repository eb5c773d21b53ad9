/**
 * How a space is said after a page's name or before a topic: a key in capitals ("HR", "~jdoe", "ENG
 * space") or a name in one to four words said with "space" ("the Legal space", "the People & HR space",
 * "the IT and Operations space"). The words are resolved against the space directory later (see
 * space-names.ts). Bounded: at most four words of at most 30 letters.
 */
export const SPACE_SAID = String.raw`(?:the\s+)?(?:~?[A-Z][A-Z0-9]{1,9}(?:\s+space)?|[\p{L}&]{1,30}(?:\s+[\p{L}&]{1,30}){0,3}\s+space)`;

/**
 * "… in LEGAL", "… in the Legal space", "… from the People & HR space", "… from HR": where the page is,
 * at the end of what names it (looked past for the name's shape, its last noun or its length).
 */
export const SPACE_AFTER_NAME = new RegExp(String.raw`\s+(?:in|on|from)\s+${SPACE_SAID}[\s?!.]*$`, 'u');

/** Words typed in capitals after a name that are chat, not a space ("…, ASAP", "…, PLS", "… OK"). */
export const CAPITALS_NOT_A_SPACE: ReadonlySet<string> = new Set(
  'ASAP PLS PLZ THX TY TQ FYI BTW ETA EOD EOW COB OK OKAY URGENT NOW PDF URL LINK'.split(' '),
);
