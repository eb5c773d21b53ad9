/*
 * Words read as the name of a page to edit that only say where on it, what is wrong with it or what the
 * text is about ("below the last line of the Reading List", "there's a typo in the Code of Conduct",
 * "the team rituals page about the offsite"): the page's own words are what is left. Each pattern is
 * anchored, its runs bounded.
 */

/** Where on the page text goes, said before the page ("below the last line of", "at the very end of"). */
const PLACE_FIRST =
  /^(?:(?:right\s+)?(?:below|after|under(?:neath)?|beneath)\s+the\s+(?:very\s+)?(?:last|final|bottom)\s+(?:line|paragraph|bullet|entry|item|point|row)\s+(?:of|in|on)\s+|(?:at|to|on)\s+the\s+(?:very\s+)?(?:end|bottom)\s+of\s+)(?=\S)/i;

/** What is wrong with the page, said before it ("there's a typo in", "I found two mistakes on"). */
const COMPLAINT_FIRST =
  /^(?:there'?s|there\s+is|there\s+are|i\s+(?:found|spotted|noticed|see)|found|spotted)\s+(?:a|an|one|some|two|three|a\s+few|a\s+couple\s+of)\s+(?:small\s+|little\s+|tiny\s+|minor\s+)?(?:typos?|mistakes?|errors?|issues?|problems?)\s+(?:in|on)\s+(?=\S)/i;

/** The asker's opinion said before the page ("I think the X needs a note …", "imo the rota …"). */
const OPINION_FIRST =
  /^(?:i\s+(?:think|guess|reckon|believe|feel(?:\s+like)?|noticed)|imo|imho|tbh)\s+(?:that\s+)?(?=(?:the|our)\s+\S)/i;

/** A wish said before the page ("would be great for Team Rituals (to …)", "nice if the rota …"). */
const WISH_FIRST =
  /^(?:(?:it'?d|it\s+would|would|that'?d)\s+be\s+)?(?:(?:really|so|very)\s+)?(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal|better)\s+(?:for|if)\s+(?=\S)/i;

/** What the request is about, said before the page ("regarding Team Rituals", "re: the rota"); not "about" (a title's word). */
const TOPIC_FIRST =
  /^(?:re:?|regarding|concerning|as\s+for|as\s+regards|with\s+(?:regards?|respect)\s+to)\s+(?=\S)/i;

/** What the text is about, said after the page noun ("the team rituals page about the offsite"). */
const TOPIC_AFTER_PAGE =
  /^(\S.{0,120}?)\s+(?:page|doc|document)\s+(?:about|regarding|concerning|re)\s+\S.{0,80}$/i;

/**
 * What is added, named after the page noun before "that" ("put on Team Rituals page the info that …", "add in
 * the rota page the news that …"): the words before it are the page's.
 */
const ADDED_AFTER_PAGE =
  /^(\S.{0,120}?\s(?:page|doc|document))\s+the\s+(?:info|information|news|fact|update|note|line|sentence|point)$/i;

/**
 * Why the edit is asked, said after a title in capitals with no comma ("In Benefits & Perks FAQ the learning
 * budget is now bigger, please replace …"): a clause with an article and a statement's verb is no part of the
 * title. Case-sensitive (the title's capitals end it); bounded runs.
 */
const STATEMENT_AFTER_TITLE =
  /^((?:the\s+)?[A-Z0-9][\w&'’-]*(?:\s+(?:(?:of|and|&|for|to|at)\s+)?[A-Z0-9][\w&'’-]*){0,6}(?:\s+(?:page|doc))?)\s+(?:the|our|its|their)\s+[a-z][^\n]{0,100}?\s(?:is|are|was|were|has|have|had)\s\S[^\n]{0,80}$/;

/**
 * What the page should cover, said after it before the line asked for ("the X page to cover the new macs -",
 * "the Expense Policy should talk about taxis too", "the rota needs to mention holidays"): no part of its name.
 */
const WISH_AFTER_PAGE =
  /^(\S.{0,120}?)\s+(?:(?:should|must|needs?\s+to|has\s+to|ought\s+to|to)\s+(?:also\s+)?(?:mention|cover|talk\s+about|say\s+(?:something|more|a\s+bit)\s+about|explain|describe|include)|(?:needs|should|must|ought)$)(?:\s+\S.{0,80})?$/;

/**
 * Words said after the page that are no part of it: the text pointed back at ("update the FAQ with that",
 * "… with this") or the one asked, before the verb ("in Password Policy you change 12 to 14"). Lower-case
 * only, so a title in capitals ending "You" keeps it.
 */
const ASIDE_AFTER_PAGE = /^(\S.{0,120}?)\s+(?:with\s+(?:that|this|it|these|those)|you|u)$/;

/**
 * The page's words without a place, a complaint, an opinion, a wish, a topic, a reason or an aside said with them, or `undefined` when there is
 * none. `append` says whether the edit adds text (a place on the page only matters then).
 */
export function pageWordsOfEdit(words: string, append: boolean): string | undefined {
  const text = words.trim();
  const place = append ? PLACE_FIRST.exec(text) : null;
  if (place) return text.slice(place[0].length);
  const opinion = OPINION_FIRST.exec(text);
  if (opinion) return text.slice(opinion[0].length);
  const topic = TOPIC_FIRST.exec(text) ?? WISH_FIRST.exec(text);
  if (topic) return text.slice(topic[0].length);
  const complaint = COMPLAINT_FIRST.exec(text);
  if (complaint) return text.slice(complaint[0].length);
  const added = append ? ADDED_AFTER_PAGE.exec(text) : null;
  if (added) return added[1];
  return (
    TOPIC_AFTER_PAGE.exec(text)?.[1] ??
    STATEMENT_AFTER_TITLE.exec(text)?.[1] ??
    WISH_AFTER_PAGE.exec(text)?.[1] ??
    ASIDE_AFTER_PAGE.exec(text)?.[1]
  );
}
