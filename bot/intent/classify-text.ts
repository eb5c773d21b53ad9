import { helpAboutTheBot, isAboutApprovalQueue, isBotTalk, isPersonAdded } from './about-the-bot.js';
import { ASKED_READ } from './asked-read.js';
import { TEXT_NAMED } from './body-markers.js';
import { fixCourtesyTypos } from './courtesy-typos.js';
import { editDistance } from './edit-distance.js';
import { HELP_TOPIC_LEAD } from './help-in-other-words.js';
import { spaceAside } from './name-residue.js';
import { EMOJI as EMOJI_AND_SYMBOLS } from './normalize-message.js';
import { PARTICLE, PARTICLES } from './particles.js';
import { GET_PARTICIPLE } from './passive-get.js';
import { isInsideQuotes } from './read-quoted.js';
import { isComplaint } from './readings.js';
import { trimEndWhere } from './scan-text.js';
import { sectionHeadingFirst } from './section-heading.js';
import { plainSpaceKeys } from './space-key.js';
import { isEnglishWord } from './spelling.js';
import { statedReplace } from './stated-replace.js';
import { isPageAfterQuotedText } from './text-then-page.js';
import type { HelpTopic } from './types.js';
import { fixVerbTypo } from './verb-typos.js';
import { WEEKDAY } from './weekdays.js';

/** A typed smiley (":)", ";-D"): it ends a bit of small talk the way a full stop does. */
const EMOTICON = /(^|\s)(?:[:;=]-?[)(\][DPp]|[xX]D+|\^_*\^|<3+)(?=\s|$)/g;

/** "please" as people type it, typos included. */
const PLEASE = String.raw`(?:please|pls|plz|plse|plese|pleas|plase|pleae|plis|pleeease|pretty\s+please|kindly)`;
/** How people address whoever they talk to, in many Englishes ("mate", "pal", "lads"): kept as data. */
const VOCATIVE =
  "(?:mate|m8|pal|buddy|bud|guys|lads|boss|chief|fam|bro|dude|cobber|sir|madam|ma'am|ma|bhai|oga|yaar|partner|friend|friends|y'?all|peeps|gang|ladies|bru|boet|bruv|cuz|chale|stranger|strangers)";
/** Who people greet before a command: the bot by name, the room, nobody in particular. */
const ADDRESSEE = String.raw`(?:\s+(?:there|bot|team|all|again|everyone|folks|${VOCATIVE}|confluence(?:\s+(?:assistant|bot))?|assistant))?(?:\s+${PARTICLE})?`;

/** Greetings in other languages, before a request ("Bonjour, …") or alone ("hola!"). */
const OTHER_LANGUAGE_GREETING = String.raw`(?:hola|buenos\s+d[ií]as|buenas(?:\s+tardes)?|bonjour|salut|coucou|hallo|guten\s+(?:morgen|tag)|moin|servus|ciao|buongiorno|ol[aá]|oi|hej|hei|namaste|namaskar|vanakkam|sat\s+sri\s+akal|salaam|salam|(?:as-?)?salaam?u?\s+alaikum|sawubona|jambo|habari|sannu|bawo|kedu|merhaba|shalom|aloha|kia\s+ora|ni\s+hao|annyeong|konnichiwa|ahoj|kumusta|kamusta|magandang\s+(?:umaga|hapon|gabi|araw)|mabuhay|selamat\s+(?:pagi|siang|sore|malam)|bom\s+dia|boa\s+(?:tarde|noite)|buon\s+giorno|guten\s+abend|gr(?:ü|ue?)(?:ß|ss)\s+gott|goedemorgen|god\s+morgen|dzie[ńn]\s+dobry|howzit|wagwan|привет|здравствуйте|こんにちは|你好|مرحبا|שלום)`;
/** Thanks in other languages ("merci beaucoup", "muchas gracias", "dhanyavaad", "asante sana", "salamat po"). Kept as data. */
const OTHER_LANGUAGE_THANKS = String.raw`(?:merci(?:\s+beaucoup)?|(?:muchas\s+)?gracias|danke(?:\s+sch(?:ö|oe?)n)?|vielen\s+dank|grazie(?:\s+mille)?|obrigad[oa]|dhanyavaa?d|dhanyawaa?d|shukriya|asante(?:\s+sana)?|arigato|arigatou|xie\s+xie|kiitos|dank\s+je(?:\s+wel)?|spasibo|(?:maraming\s+)?salamat|terima\s+kasih|shukran|nandri|mahalo|na\s+gode|daalu|dzi[ęe]kuj[ęe]|(?:kam|gam)sahamnida|toda(?:\s+raba)?|nanri|dhonnobad|dhanyabad|спасибо|ありがとう|谢谢|شكرا)`;
/** The bot's command verbs, as a lookahead source: what may follow "to" in "is it possible to …", "asked me to …". */
const COMMAND_VERB = String.raw`(?=(?:search|find|look|open|show|see|get|give|view|read|check|share|pull|bring|create|make|set\s+up|start|add|put|write|update|edit|append|change|replace|rename|fix|correct|swap|insert|include|mention|note)\b)`;
/** Phrasal verbs of finding ("dig up", "track down", "hunt out", "locate"), as a lookahead. */
const FINDING_PHRASAL = String.raw`(?=(?:(?:dig|track|hunt|chase|root|sniff)\s+(?:up|down|out)|locate)\b)`;
/**
 * Courtesy and chit-chat before a command, each as an anchored pattern. `stripPoliteness` drops
 * them in rounds, so they combine in any order ("hi! sorry to bother you, could you please …").
 * Kinds: greetings and thanks; a leading sentence of small talk ("hope you're well.", "how are
 * you?"); asides ("quick one:", "btw"); please; asking whether the bot can or would ("could you",
 * "is it possible to", "would you mind"); wishes ("I'd like to", "it would be great to have").
 */
/**
 * Greetings said as a whole sentence before a request ("Greetings of the day!" (Indian English), "Blessed
 * morning!" (Nigerian English), "you're welcome!" said back): read as the thanks and greetings above.
 */
const GREETING_OF_THE_DAY = String.raw`greetings\s+of\s+the\s+day|(?:a\s+)?blessed\s+(?:morning|day|week|weekend|evening)|(?:you'?re|you’re|you\s+are)\s+(?:most\s+|very\s+)?welcome`;

const POLITE_PREFIXES: readonly RegExp[] = [
  /^[\s.,!;:…—–-]+(?=\S)/,
  // "could you let me know where I can find X?": where to find something is a search for it.
  /^(?:let\s+me\s+know|tell\s+me|do\s+you\s+know|any\s+idea)\s+(?=where\s+(?:(?:i|we)\s+(?:can|could|should|would)|to)\s+(?:find|get|see)\b)/i,
  // Greetings and chat fillers ("so like… what can you do?", "like, …", "soo…") before the request.
  new RegExp(
    String.raw`^(?:he+y+|hi+|he?l+o+|hiy+a+|hey+a+|howdy|g'?day|howya|howaya|how'?s\s+it\s+goin'?|${GREETING_OF_THE_DAY}|greetings|${VOCATIVE}|yo|ok|okay|so+(?:\s+like(?=\s*[,.…]|\s+(?:what|how|who|where|when|why|which|can|could|do|does|is|are)\b))?|like(?=\s*[,.…])|um+|uh+|well|oh|alright|right|basically|honestly|actually|essentially|good (?:morning|afternoon|evening)|(?:the\s+)?top\s+o[f']?\s+the\s+morning|morning|evening|dear|${OTHER_LANGUAGE_GREETING})${ADDRESSEE}(?:\s+from\s+(?:the\s+)?[A-Za-z&'-]+(?:\s+[A-Za-z&'-]+){0,2}(?=\s*[,!.]))?[\s,!.:;)(\-—–…]+(?=\S)`,
    'i',
  ),
  new RegExp(
    // Thanks in another language too ("danke, and now the Code of Conduct bitte").
    String.raw`^(?:thanks|thank\s+you|thx|ty|cool|great|nice|perfect|awesome|sure|afternoon|good\s+day|cheers|grand|sound|brill|lovely|sweet|ace|${OTHER_LANGUAGE_THANKS})(?:\s+(?:there|bot|team|all|a\s+lot|so\s+much|${VOCATIVE}))?\s*[,!.:;)(]+[\s,!.:;)(-]*(?=\S)`,
    'i',
  ),
  /^(?:thanks|thank\s+you|thx|cheers)\s+for\s+[^.!?,]{1,40}[,!.]+\s*(?=\S)/i,
  /^(?:i\s+)?hope\s+[^.!?,]{1,60}[.!,]+[\s,!.:;)(-]*(?=\S)/i,
  // "let's see... search X", "hmm, ok: …": thinking aloud before the request (the punctuation says it ends;
  // "let me see the X page" asks to open it and keeps its words).
  /^(?:let'?s\s+see|let\s+me\s+see|lemme\s+see|let\s+me\s+think|hm+|hmm+\s+ok(?:ay)?)\s*[.…,!:;]+[\s.…,!:;]*(?=\S)/i,
  /^(?:how\s+(?:are|r)\s+(?:you|u|ya)(?:\s+doing)?(?:\s+today)?|how\s+(?:you|u|ya)\s+(?:doing|doin|going|goin)|how\s+(?:have|'ve)\s+(?:you|u)\s+been|how'?s\s+(?:it\s+going|your\s+(?:day|week|morning)(?:\s+going)?|things|life)|happy\s+\p{L}+|long\s+time\s+no\s+see|(?:just\s+)?checking\s+in|(?:nice|good|great)\s+to\s+(?:meet|see)\s+(?:you|u|ya)|(?:what\s+a\s+)?(?:long|busy|crazy|hectic|manic)\s+(?:day|week)(?:\s+(?:huh|eh|right|today))?)\s*[?!.,]+[\s,!.:;)(-]*(?=\S)/iu,
  // A hedge or an apology, then the request: "Sorry if this is a dumb question but …", "sorry for the
  // noise, …", "not sure if this is allowed, but …", "no idea whether you can do this but …".
  /^(?:sorry\s+(?:if|for)|(?:i'?m\s+|i\s+am\s+|im\s+)?not\s+(?:sure|certain)(?:\s+(?:if|whether))?|(?:i\s+)?(?:don'?t|dont|do\s+not)\s+know\s+(?:if|whether)|(?:i\s+have\s+)?no\s+idea\s+(?:if|whether)|dunno\s+(?:if|whether)|(?:this|it)\s+(?:might|may)\s+be\s+(?:a\s+)?(?:dumb|silly|stupid|weird|odd|strange|long\s+shot|big\s+ask))\s+[^,.!?]{1,60}?(?:\s*[,.!]\s*(?:but\s+)?|\s+but\s+)(?=\S)/i,
  // "(probably) a long shot but …", "long shot, …": a hedge on whether it exists, then the request.
  /^(?:(?:probably|prob|maybe|bit\s+of)\s+)?(?:a\s+)?long\s+shot(?:\s+but|\s*[,.:!\-–—]+\s*(?:but\s+)?)\s*(?=\S)/i,
  // "weird question but …", "random q, …", "dumb one:", "newbie question:": the hedge itself, then the request or the question.
  /^(?:(?:a|one|another)\s+)?(?:weird|dumb|silly|stupid|random|odd|strange|daft|possibly\s+dumb|newbie|noob|beginner|basic)\s+(?:question|q|one|request|ask)(?:\s*[,:!.\-–—]+\s*|\s+but\s+|\s*,\s*but\s+)(?=\S)/i,
  /^(?:(?:a\s+)?(?:quick|small|tiny)\s+(?:one|question|request|thing|q|ask|favou?r)(?:\s+(?:before|after|from)\s+[^,.!?:;"“—–\n-]{1,30}?(?=\s*[,.!:;—–-]))?|sorry(?:\s+to\s+(?:bother|bug|trouble|disturb|interrupt)(?:\s+(?:you|u|ya))?(?:\s+again)?)?(?:\s+but)?|one\s+more(?:\s+thing)?|another\s+one|(?:one\s+)?(?:last|final)\s+(?:thing|one|question|request)(?:\s+(?:i\s+promise|for\s+(?:today|now|the\s+day|the\s+week|this\s+week)|before\s+(?:i\s+(?:go|leave|log\s+off|sign\s+off)|the\s+weekend)))?|two\s+things|(?:and\s+)?another\s+thing|me\s+again|btw|by\s+the\s+way|fyi|f\.y\.i\.?|jsyk|psa|(?:a\s+)?heads\s+up|just\s+so\s+you\s+know|anyway|anyways|(?:oh|ah)\s+and(?:\s+(?:also|btw))?|what'?s\s+up|whats\s+up|sup|wassup)[\s,!.:;)(\-—–…]+(?=\S)/i,
  /^(?:quick|urgent|asap|q)\s*[:!,\-–—]+\s*(?=\S)/i,
  // A condition or timing before the request: "if it's not too much trouble, …", "when you get a chance …",
  // "not urgent but whenever you can, …".
  /^(?:if\s+(?:it'?s|its|it\s+is)\s+not\s+(?:too\s+much\s+)?(?:trouble|bother|hassle|work|a\s+problem)|if\s+(?:you\s+)?(?:don'?t|dont|do\s+not)\s+mind|when(?:ever)?\s+(?:you\s+)?(?:get|have|find)\s+(?:a\s+)?(?:chance|sec|second|minute|moment|min|mo|time)|when(?:ever)?\s+(?:you|u)\s+can|at\s+your\s+(?:earliest\s+)?convenience|(?:no\s+(?:rush|hurry)|not\s+urgent)(?:\s+but)?)(?:\s*[,.!;:\-–—]+\s*|\s+)(?=\S)/i,
  // "Please be informed that …", "Please note that …" (formal email): what follows is the news, not a command;
  // "note that on the rota" puts what was said on a page ("that" points back, a page follows).
  /^(?:(?:please|pls|kindly)\s+)?(?:be\s+(?:informed|advised)|note)\s+that\s+(?!(?:down\s+)?(?:on|onto|into|to|in)\s+(?:the|our)\s[^,.:;!?\n]{0,60}?\b(?:page|doc|rota|policy|guide|list|checklist|faq|runbook|notes|process|playbook|handbook|procedure)\b)(?=\S)|^(?:for\s+your\s+information|just\s+(?:to\s+let\s+you\s+know|letting\s+you\s+know)|just\s+so\s+you\s+know)[\s,:;.\-–—]+(?=\S)/i,
  // "please do open the X", "kindly do share …": "do" stresses the command, it asks no question.
  new RegExp(String.raw`^${PLEASE}\s+do\s+${COMMAND_VERB}`, 'i'),
  // "Request you to rename …", "I am requesting you to kindly share …" (Indian English): the request follows.
  new RegExp(
    String.raw`^(?:(?:i|we)\s+(?:(?:am|are|would\s+like\s+to)\s+)?)?(?:kindly\s+)?request(?:ing)?\s+(?:(?:you|u)\s+)?to\s+(?:${PLEASE}\s+)?${COMMAND_VERB}`,
    'i',
  ),
  // "(I would like to) request a new page …" (formal): the page asked for follows.
  /^(?:request(?:ing)?|ask(?:ing)?\s+for)\s+(?=an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)/i,
  // "Following up on yesterday: …", "Further to our call, …", "Re the audit - …": what the message answers.
  // ("re kafka lag - anything?": what follows only asks whether pages exist, so "re …" is the topic, kept.)
  /^(?:following\s+up(?:\s+on)?|as\s+a\s+follow[-\s]?up(?:\s+to)?|further\s+to|re(?=\s))\s+[^,:;.!?\n"“]{1,40}(?:[,:;]|\s[-–—])\s*(?=\S)(?!(?:(?:any|got\s+any|anything|something)(?:\s+(?:docs?|pages?|info))?|docs|pages)[\s?!.]*$)/i,
  // "We could use a page called X …", "time to create …": a wish or a nudge before the page or the verb.
  /^(?:(?:we|i)\s+could\s+(?:really\s+)?(?:use|do\s+with)\s+(?=an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)|(?:it'?s\s+)?(?:high\s+)?time\s+to\s+(?=(?:create|make|add|update|start|write|set\s+up)\b))/i,
  // "I think we need …", "I guess we should …": the opinion before the wish.
  /^(?:i\s+(?:think|guess|believe|reckon|feel\s+like)|i'?m\s+thinking)\s+(?=(?:we|i)\s+(?:need|should|want|must|could|might)\b)/i,
  // "Do add to X …" (emphatic do, Indian and British English), "Pls help to update X - …".
  new RegExp(
    String.raw`^(?:do|help(?:\s+us)?\s+to)\s+${COMMAND_VERB}(?!(?:search|find|look|open|show|see|get|give|view|read|check)\b)`,
    'i',
  ),
  // "it would be good to add …", "it's necessary to update …", "is needed to add …": the wish or need, then the verb.
  new RegExp(
    String.raw`^(?:(?:it'?d|it\s+would|would|that'?d|it\s+will|it'?s|its|it\s+is)\s+be\s+(?:really\s+|so\s+|very\s+)?(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal|useful|better|best|wise)|(?:it'?s|its|(?:it\s+)?is)\s+(?:(?:really|very|quite)\s+)?(?:needed|necessary|required|important|needful|urgent|good|better|best))\s+(?:to\s+)?${COMMAND_VERB}`,
    'i',
  ),
  // Interjections and a correction of what was just asked: "lol ok …", "oops, …", "ah no I meant …".
  /^(?:lol|haha+|hehe+|lmao|rofl|omg|ugh+|argh+|hmm+|whoa|meh|oh\s+no|oh\s+dear|abeg|(?:i\s+)?beg(?:\s+(?:you|u))?|biko|eh+|oi|oy|erm+|em+|aiyo+|aiyah|wah|alamak|arre|yaar|acc?ha|aye|och|wee\s+favou?r|same\s+way|similarly|likewise|oya)[\s,!.]+(?=\S)|^(?:ah+|no+|nope|nah|(?:(?:ah+|oh|hang\s+on)\s+)?wait|oops|whoops)\s*[,!.]+\s*(?=\S)/i,
  /^(?:(?:ah+|oh|no|sorry|oops),?\s+)*i\s+(?:meant|mean)(?:\s+to)?[\s,:]+(?=\S)/i,
  // "I need help finding X", "help me with finding X": the finding is the request.
  /^(?:(?:i\s+)?need\s+(?:some\s+|a\s+little\s+|a\s+bit\s+of\s+)?)?help\s+(?:me\s+|us\s+)?(?:with\s+|in\s+)?(?=(?:finding|locating|searching(?:\s+for)?|looking\s+for|opening|getting\s+to|pulling\s+up|bringing\s+up)\s+\S)/i,
  // "Need your help creating a page in HR called X: …", "I need help making a new doc …": the making is the request.
  /^(?:(?:i\s+)?need\s+(?:your\s+|some\s+|a\s+little\s+|a\s+bit\s+of\s+)?)?help\s+(?:me\s+|us\s+)?(?:with\s+|in\s+)?(?=(?:creating|making|setting\s+up|writing\s+up|starting)\s+(?:an?\s+|one\s+)?(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)/i,
  // "(could you) help me out with a new page? Snow Days in HR, …": the page asked for, then its title
  // (quoted or in capitals) after the break; "help me with a new page?" alone still asks for help.
  /^[Hh]elp\s+(?:(?:me|us)\s+)?(?:out\s+)?with\s+(?=(?:an?|one)\s+(?:new\s+)?(?:page|doc)\s*[?:.,!]+\s*["“\p{Lu}])/u,
  // "Shall we create a page X in HR: …", "why don't you make a page X in OPS: …": a proposal to the bot
  // that gives the page's text (a colon after the page noun) asks for the page.
  /^(?:shall\s+we|why\s+(?:don'?t|dont|do\s+not)\s+(?:you|u|we)|why\s+not)\s+(?=(?:create|make|set\s+up|start|write\s+up)\s+(?:an?\s+|one\s+)?(?:new\s+)?(?:page|doc)\b[^:?\n]{1,150}:)/i,
  // "I am in search of X" (non-native, formal): what is searched for follows.
  /^(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+in\s+search\s+of\s+(?=\S)/i,
  // "For the audit next week, I'd like to …", "before my 1:1 can you pull up …": why or when, before who wants what.
  // ("for the engineering space, search X" names where, not why: the space is kept for the search; "For the
  // API Style Guide, I want to add: …" may name the page the edit goes to, left to the page-first readers.)
  /^(?:for|before|after|ahead\s+of)\s+(?:the|our|my|a|an|this|next|tomorrow'?s|today'?s)\s(?:[^,.!?:;"“]|:(?=\d)){1,40}?(?<!\s(?:space|wiki))[\s,]+(?!(?:i|we)(?:\s+(?:need|want|would\s+like)|'d\s+like)\s+to\s+(?:add|append|put|write|insert|mention|note|update|change|replace|fix|correct|edit|rename)\b)(?=(?:i|we)(?:\s+(?:need|want|would|really|also)|'d)\b|(?:please\s+|pls\s+|(?:can|could|would)\s+(?:you|u)\s+)?(?:create|make|set\s+up|search|find|look\s+(?:up|for)|open|show|pull\s+up|bring\s+up|get|give)\b)/i,
  /^(?:i\s+(?:have|got)|i'?ve\s+got|got)\s+(?:a\s+)?(?:quick\s+|small\s+|little\s+)?(?:question|request|q)\s*(?:for\s+(?:you|u)\s*)?[:!,.\-–—]+\s*(?=\S)/i,
  /^(?:i'?m|i\s+am|im)\s+(?:new|back|still\s+new)\b[^.!?]{0,30}[.!]+\s*(?=\S)/i,
  // "I'm Sam from sales, …", "this is Priya from HR -": who is asking, by name (in capitals), before the request.
  /^(?:[Ii]'?m|[Ii]’m|[Ii]\s+am|[Tt]his\s+is|[Mm]y\s+name\s+is)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?(?:\s+(?:from|in|on|with)\s+(?:the\s+)?[\p{L}&]+(?:\s+team)?)?\s*[,.!;–—-]+\s*(?=\S)/u,
  // "I just got added to this channel - …", "just joined the team, …": who is asking, before the request.
  /^(?:i\s+)?(?:just\s+)?(?:got\s+added|was\s+added|joined|started)\s+(?:to\s+|in\s+|on\s+)?(?:this|the|your)\s+(?:channel|team|chat|group|company)(?:\s+(?:today|yesterday|this\s+week))?(?:\s*[.!,:;]+|\s+[-–—]+)\s*(?=\S)/i,
  // "Before I disappear into meetings, …", "while I remember, …": when the asker asks, before the request.
  /^(?:before|while|since)\s+(?:i|we)\s+[^,.!?:;"“\n]{1,50},\s*(?=\S)/i,
  // "New joiner here. When is payday?", "newbie here -", "total newbie here -": who is asking, before the request.
  /^(?:(?:a\s+)?(?:(?:total|complete|absolute|real|(?:a\s+)?bit\s+of\s+a)\s+)?(?:new\s+(?:user|joiner|starter|hire|member|colleague|employee|person)|newbie|noob|newcomer)|first\s+(?:day|week)(?:\s+(?:on\s+the\s+job|at\s+work))?|first[\s-]+time(?:\s+user|\s+using\s+(?:this(?:\s+bot)?|you|u|the\s+bot))?)(?:\s+here)?\s*[.!,:;\-–—]+\s*(?=\S)/i,
  /^(?:i'?m|i\s+am|im)\s+(?:trying|wanting|hoping|going)\s+to\s+(?=\S)/i,
  // "I am writing to request the travel policy" (formal, as in an email): what is asked for follows.
  /^(?:i'?m|i\s+am|im)\s+writing\s+to\s+(?:request|ask\s+for|ask\s+you\s+for)\s+(?=\S)/i,
  /^(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+(?:needing|wanting|requiring)\s+(?=\S)/i,
  // "Please help to search the kafka runbook": a read with what it reads ("help to search" alone asks for help).
  /^help\s+(?:me\s+|us\s+)?to\s+(?=(?:search|find|look|open|show|get|give|pull|bring|share|send)\S*\s+\S)/i,
  /^me\s+(?=i\s)/i,
  // "go find X", "try searching X", "see if you can find X", "start by searching X": a search said with a helper verb first.
  /^(?:go\s+(?:and\s+)?|try\s+(?:and\s+|to\s+)?|see\s+if\s+(?:you|u)\s+can\s+|(?:start|begin)\s+(?:off\s+)?(?:by|with)\s+)(?=(?:search|searching|find|finding|look(?:ing)?\s+(?:for|up)|locate|dig\s+up)\b)/i,
  // "maybe search for X", "perhaps you could find X": a hedge before a read asks for the read all the same.
  /^(?:maybe|perhaps|possibly|mayb|mebbe)(?:\s+(?:you|u)\s+(?:can|could|might))?[\s,]+(?=(?:search|find|look\s+(?:for|up|into)|dig\s+up|hunt\s+(?:for|down)|locate|open|show|pull\s+up|bring\s+up)\b)/i,
  // "any chance of a quick look for X": asking for a look or a search, as a noun.
  /^(?:any\s+chance|is\s+there\s+any\s+chance|could\s+i\s+(?:get|have))\s+(?:of\s+)?(?=an?\s+(?:quick\s+)?(?:look|search|squiz|gander)\b)/i,
  // "you know, the page", "y'know the one": filler before what is pointed at.
  /^(?:you|u|ya|y'?)\s*know[\s,]+(?=(?:the|that|this|those|it)\b)/i,
  /^(?:i|we)\s+(?:really|just|also|definitely|urgently|actually|kinda|kind\s+of|still)\s+(?=(?:need|want|would|'d|wish)\b)/i,
  /^(?:need|want|wanna)\s+(?=\S)(?!(?:help|to\s+know|to\s+understand)\b)/i,
  /^(?:we|i)\s+(?:should|must|could|might)\s+(?:have\s+|get\s+)?(?=(?:an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)|create|make|add|start|write|put|update|edit|append)\b)/i,
  /^there\s+should\s+be\s+(?=an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)/i,
  /^(?:how\s+about|what\s+about|what\s+if\s+we\s+(?:had|made|created|added)|time\s+for|maybe|perhaps)\s+(?=an?\s+(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)/i,
  new RegExp(String.raw`^${PLEASE}\b[\s,:]*(?=\S)`, 'i'),
  /^(?:(?:would|do)\s+(?:you|u)\s+)?mind(?:\s+(?:please|just))?\s+(?=\S)/i,
  // "any chance of the release process page?", "is there any chance of the rota": asking to be given one thing.
  /^(?:is\s+there\s+)?(?:any|a|some)\s+chance\s+(?:of|for)\s+(?=(?:the|our)\s)/i,
  /^(?:(?:is\s+there\s+)?(?:any|a|some)\s+(?:chance|way)\s+(?:that\s+)?(?:you|u)\s+(?:could|can|would|might)|(?:can|could|may)\s+i\s+(?:please\s+)?ask\s+(?:you\s+)?to|do\s+me\s+a\s+favou?r\s+and|(?:are|r|can|could|will|would)\s+(?:you|u)\s+able\s+to|(?:would|could)\s+(?:you|u)\s+be\s+(?:so\s+kind\s+(?:as\s+to|and|to)|able\s+to)|do\s+you\s+think\s+(?:you\s+)?(?:could|can)|(?:(?:i'?d|i\s+would|we'?d|we\s+would|would|i'?ll|i\s+will|we'?ll|we\s+will)\s+)?(?:really\s+)?(?:appreciate|love|like|be\s+(?:(?:very|so|really|most|super)\s+)?(?:grateful|thankful|glad|happy))\s+(?:it\s+)?if\s+(?:you|u)(?:\s+(?:could|can|would|will))?|(?:is|would)\s+(?:it\s+)?(?:be\s+)?possible(?:\s+for\s+(?:you|u)\s+to|(?:\s+to)?(?=\s+(?:search|find|look|open|show|get|give|see|view|read|create|make|set\s+up|add|put|write|insert|include|update|edit|append|change|replace|rename|swap|correct|fix|substitute|stick|pop|tack|jot|note|mention|post|pull|bring)\b))|(?:is|would)\s+(?:it\s+)?(?:be\s+)?possible\s+(?:that\s+)?(?:you|u)(?:\s+(?:can|could|would|will))?|is\s+there\s+(?:a\s+)?way\s+to)\s+(?=\S)/i,
  /^(?:can|could|would|will|won'?t)\s+(?:you|u|ya|ye)\b(?:\s+(?:please|pls|kindly|quickly|just|maybe|possibly|perhaps|ever))?[\s,]*(?=\S)/i,
  // "reckon you could …" (Australian, British), "Can help (me) …" (Singapore English, no "you").
  /^(?:(?:do\s+)?(?:you|ya|ye|u)\s+)?reckon\s+(?:you|ya|ye|u)\s+(?:could|can|would)\s+(?=\S)/i,
  new RegExp(String.raw`^(?:can|could)\s+help\s+(?:(?:me|us)\s+)?(?:to\s+)?${COMMAND_VERB}`, 'i'),
  // "Please help us create …", "help me change 'a' to 'b' on …": help asked with the command itself.
  new RegExp(String.raw`^help\s+(?:me|us)\s+(?:to\s+)?${COMMAND_VERB}`, 'i'),
  // "Can open the travel policy page lah" (no subject): only before what the verb acts on.
  new RegExp(String.raw`^can\s+${COMMAND_VERB}(?=\S+\s+(?:the|my|our|me|us|a|an|for)\s)`, 'i'),
  // "can we get a (new) page …", "can we have a Book Club page in HR?": a new page wished for.
  /^(?:can|could)\s+(?:we|i)\s+(?:have|get)\s+(?=an?\s+(?:new\s+)?(?:(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b|[^"“\n:?]{1,120}?\s(?:page|doc)\s+(?:in|on)\s+(?:the\s+)?(?:space\s+)?~?[A-Z][A-Z0-9]{1,9}\b))/i,
  new RegExp(String.raw`^(?:can|could)\s+we\s+(?:please\s+)?(?!${GET_PARTICIPLE})(?=\S)`, 'i'),
  /^(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody)\s+(?:please\s+)?(?=(?:search|find|look|open|show|get|pull|bring|point|add|put|update|create|make)\b)/i,
  /^if\s+(?:you|u)\s+(?:could|can|would)\s+(?:please\s+)?(?=\S)/i,
  /^(?:how|what)\s+about\s+(?=(?:searching|finding|looking|opening|showing|adding|creating|making|updating|renaming|changing)\b)/i,
  /^(?:i\s+was\s+wondering|i'?m\s+wondering|i\s+wonder)\s+(?:if|whether)\s+(?:you|u)\s+(?:could|can|would|might)\s+(?=\S)/i,
  /^(?:(?:i\s+was|i'?m|i\s+am|im|we\s+were|we'?re|we\s+are)\s+)?hoping\s+(?:that\s+)?(?:you|u)\s+(?:could|can|would|might|will)\s+(?=\S)/i,
  /^(?:you|u)\s+(?:can|could)\s+(?=\S)/i,
  // "Please you put in X page that …" (non-native): "you" before the imperative's verb.
  /^(?:you|u)\s+(?=(?:search|find|open|show|create|make|add|update|edit|append|put|write|insert|include|mention|change|replace|rename|correct)\b)/i,
  /^(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:have|request)\s+(?=(?:the|our|a\s+look)\s)/i,
  // "can I get reimbursed for …" asks what happens to the asker (see passive-get.ts): no read is asked.
  new RegExp(
    String.raw`^(?:can|could|may)\s+i\s+(?:please\s+|just\s+)?(?!${GET_PARTICIPLE})(?=(?:see|view|read|get|have|open|look|peek|glance|take\s+a\s+(?:quick\s+)?look)\b)`,
    'i',
  ),
  /^(?:it'?d|it\s+would|would|that'?d)\s+be\s+(?:really\s+|so\s+)?(?:great|nice|good|awesome|cool|helpful|handy|lovely|ideal)\s+(?:to\s+have|if\s+(?:you|u|we)(?:\s+(?:could|can|would))?|if(?=\s+(?:the|our)\s[^.!?]{1,120}?\s(?:said|mentioned|included|had)\s))\s+(?=\S)/i,
  /^(?:i\s+)?(?:want|need|would\s+like)\s+that\s+(?:you|u)\s+(?=\S)/i,
  // What is left of "I really need that you create …" once the wish went: "that you" before the verb.
  new RegExp(String.raw`^that\s+(?:you|u)\s+${COMMAND_VERB}`, 'i'),
  // "recommend me some pages on X", "suggest docs about X": pages asked for by what they are about.
  /^(?:recommend|suggest)\s+(?:me\s+|us\s+)?(?=(?:(?:some|any|a\s+few|good)\s+)?(?:pages?|docs?|documents?|articles?|reading)\s+(?:on|about|for|regarding)\s)/i,
  // "I'd appreciate any docs on X", "would appreciate some pages about X": what is wished for follows.
  /^(?:(?:i'?d|i\s+would|we'?d|we\s+would|would)\s+)?(?:really\s+)?appreciate\s+(?=(?:any|some)\s)/i,
  /^(?:me|i)\s+(?:would\s+|'d\s+)?(?:want|need|like)\s+(?:to\s+)?(?=(?:search|find|look|open|see|get|read|create|make|add|update|edit|append|put|write|the)\b)/i,
  /^(?:i\s+(?:want|need|would like|wanna|wish)\s+(?:you\s+)?to|i\s+wanna|(?:i'?m|im|i\s+am)\s+after(?=\s+(?:the|our|a|an|some|any)\s)|i'?d\s+(?:like|love)\s+(?:you\s+)?to|i\s+would\s+love\s+(?:you\s+)?to|i\s+want|i\s+need|let'?s|lets|let\s+me(?!\s+know\b)|lemme|help\s+me(?:\s+to)?(?=\s+(?:search|find|look|locate|open|get|create|make|add|update|edit|write)\b)|go\s+ahead\s+and|quickly|just|also|now|then|and|but|try\s+to)\b[\s,]*(?=\S)/i,
  /^(?:i'?d\s+(?:like|love)|i\s+would\s+(?:like|love)|we\s+(?:need|want)|we'?d\s+(?:like|love)|we\s+would\s+(?:like|love)|would\s+(?:really\s+)?(?:like|love)|'?d\s+(?:really\s+)?(?:like|love))\b[\s,]*(?=\S)/i,
  // "I will like you to search …", "I'll like to open …" (Nigerian English for "I would like").
  /^(?:i\s+will|i'?ll|i\s+shall)\s+(?:like|love)\s+(?:(?:you|u)\s+)?to\b[\s,]*(?=\S)/i,
  // "be a legend and open …", "be a dear and …", "do me a solid and …": a favour asked, then the request.
  /^(?:be\s+(?:a\s+)?(?:legend|dear|star|gem|love|sport|champ|doll|darl|pal|mate|good\s+(?:lad|egg|sport))|do\s+me\s+a\s+(?:solid|kindness))\s+and\s+(?=\S)/i,
  // "Kindly assist to open …", "please assist me with finding …" (Indian, Nigerian, East African English).
  new RegExp(String.raw`^assist\s+(?:me\s+|us\s+)?(?:to|in)\s+${COMMAND_VERB}`, 'i'),
  /^assist\s+(?:me\s+|us\s+)?(?:with|in)\s+(?=(?:an?\s+(?:quick\s+)?search\s+(?:for|on)|finding|locating|searching|looking\s+for|opening|getting|pulling\s+up|bringing\s+up|creating|making|adding|updating|editing)\s+\S)/i,
  // "Please to change in X …" (non-native): "to" before a command verb; "(want) to learn about X": before reading on a topic.
  new RegExp(String.raw`^to\s+${COMMAND_VERB}`, 'i'),
  /^to\s+(?=(?:learn\s+(?:\S+\s+){0,2}?about|(?:brush|bone|swot|gen)\s+up\s+on|research)\s)/i,
  // Someone else's request passed on: "my manager asked me to …", "Jane wants me to …", "I've been
  // told to …", "I was asked to …" (only before a command verb: "my boss asked me to travel" is not one).
  new RegExp(
    String.raw`^(?:(?:(?:my|our|the)\s+)?(?:[\p{L}'-]{2,30}\s+){1,2}(?:has\s+|have\s+)?(?:asked|asks|wants|wanted|told|needs|needed|would\s+like)\s+(?:me|us)\s+to|(?:i'?ve|i\s+have|i\s+was|i'?m|i\s+am|im|we'?ve|we\s+have|we\s+were|we'?re|we\s+are)\s+(?:been\s+)?(?:asked|told|supposed|meant|expected|required)\s+to)\s+(?:${COMMAND_VERB}|${FINDING_PHRASAL})`,
    'iu',
  ),
  // Someone else's need passed on: "Sarah needs the travel insurance docs", "my boss wants the expense policy",
  // "my manager asked for the gdpr info": only before what names pages (a document noun), never "needs to …".
  /^(?:(?:my|our|the)\s+)?(?:[\p{L}'-]{2,30}\s+){1,2}?(?:needs|wants|needed|wanted|asked\s+(?:me\s+|us\s+)?for|is\s+asking\s+(?:me\s+|us\s+)?for|requested)\s+(?!(?:to|me|us|you|it|that|this|more|some\s+more)\b)(?=[^,.!?;:]{1,80}?\s(?:docs|documents|documentation|pages|page|doc|info|information|stuff|guide|policy|policies|runbook|runbooks|handbook|checklist|playbook|notes)(?=[\s,.!?]|$))/iu,
  /^i\s+(?=(?:search|searching|find|finding|look\s+for)\b)/i,
  // "I wan see the X", "make you open X", "you fit find X", "dey open X" (Nigerian Pidgin): the wish, then the read.
  /^(?:i\s+(?:wan|wan\s+make\s+(?:you|u))|make\s+(?:you|u)|(?:you|u)\s+fit|dey|(?:you|u)\s+dey)\s+(?=(?:see|open|show|find|search|check|get|give|send|bring|pull|read|look)\b)/i,
  /^(?:(?:i\s+)?(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|don'?t|do\s+not)(?:\s+(?:seem\s+to|manage\s+to|even))?|(?:i'?m|i\s+am|im)\s+(?:not\s+able|unable)\s+to)\s+(?=find\b)/i,
  // "check and share the X page", "find and send me X": two verbs joined, the last one says what is wanted.
  /^(?:check|find|search|look\s+up|locate|get)\s+and\s+(?=(?:share|send|open|show|give|get|forward)\b)/i,
  // "Kindly do the needful and update …", "Please revert with the X link" (Indian English).
  /^(?:do\s+(?:the\s+)?needful\s+(?:and|to|by|for)|revert\s+(?:back\s+)?with)\s+(?=\S)/i,
  // "I have requirement to create …", "we have a need to update …" (Indian English): the request follows.
  new RegExp(
    String.raw`^(?:i|we)\s+(?:have|got|am\s+having)\s+(?:a\s+|one\s+)?(?:requirement|need|request)\s+to\s+${COMMAND_VERB}`,
    'i',
  ),
  /^(?:(?:i'?m|i\s+am|im)\s+)?(?:trying\s+to|having\s+(?:a\s+hard\s+time|trouble)|struggling\s+(?:to\s+)?|(?:any|no)\s+luck)\s*(?=(?:find|finding|locate|locating)\b)/i,
  /^(?:i'?m|i\s+am|im)\s+(?=(?:looking(?!\s+(?:into|at)\b)|searching|search|find|hunting\s+(?:for|down))\b)/i,
];
/** "Make please a new page …", "open pls the rota" (non-native, chat): courtesy right after the verb. */
const PLEASE_AFTER_VERB = new RegExp(
  String.raw`^((?:search|find|look\s+(?:for|up)|open|show|get|give|send|create|make|add|put|write|append|update|edit|change|replace|rename|fix|correct|check|pull\s+up|bring\s+up)(?:\s+(?:me|us))?)\s+${PLEASE}\b[\s,]*(?=\S)`,
  'i',
);
/** Ways to say thanks, and what people put after them ("thanks so much", "thx in advance"): kept as data. */
const THANKS_WORDS = ['thanks', 'thank you', 'thank u', 'thx', 'ty', 'tks', 'thanx', 'thnx', 'many thanks'];
const THANKS_AFTER = [
  'so much',
  'a lot',
  'a ton',
  'a bunch',
  'very much',
  'heaps',
  'in advance',
  'so much in advance',
];

/** Every thanks word with every phrase after it ("thank you so much", "ty in advance"). */
function thanksPhrases(): string[] {
  return THANKS_WORDS.flatMap((thanks) => THANKS_AFTER.map((after) => `${thanks} ${after}`));
}

/** Who thanks are said to after a request ("thanks mate", "cheers boss", Australian, Irish, Nigerian English). */
const THANKED = ['mate', 'boss', 'sir', 'team', 'all', 'bro', 'legend'];
/** Praise said instead of thanks after a request ("…, you're a legend", "ur the best"); kept as data. */
const PRAISED_AS = ['a legend', 'a star', 'the best', 'a lifesaver', 'a life saver', 'a gem'];
const PRAISE_SAID = [
  ...['ur', "you're", 'youre', 'you are', 'u r', "you're such", 'ur such'].flatMap((you) =>
    PRAISED_AS.map((praise) => `${you} ${praise}`),
  ),
  // Not "legend" or "lifesaver" alone: "search for map legend" keeps its words.
  'you legend',
  'you star',
  'you rock',
  'u rock',
];
/** Thanks as said after a request or on a closing line of its own: every thanks phrase, to someone or not, and praise. */
export const THANKS_SAID: readonly string[] = [
  ...[
    ...THANKS_WORDS,
    ...thanksPhrases(),
    'cheers',
    'ta',
    'ta muchly',
    'tysm',
    'tyvm',
    'much obliged',
    'thank you kindly',
    'thank u kindly',
    'thanks kindly',
    'thanks a million',
    'thanks in anticipation',
  ].flatMap((thanks) => [thanks, ...THANKED.map((who) => `${thanks} ${who}`)]),
  ...PRAISE_SAID,
];

/** "Please" in other languages, said after a request typed in English. Kept as data. */
const OTHER_LANGUAGE_PLEASE: readonly string[] = [
  'bitte',
  'bitte schön',
  'bitte schon',
  'por favor',
  'porfa',
  'porfavor',
  "s'il vous plaît",
  "s'il vous plait",
  "s'il te plaît",
  "s'il te plait",
  'per favore',
  'onegai',
  'onegaishimasu',
];

/** Courtesy words dropped from the end of a line; longest first, so "thank you" wins over "you". */
const POLITE_SUFFIXES: readonly string[] = [
  'please',
  'pls',
  'plz',
  'thanks',
  'thank you',
  'thx',
  'thnx',
  'thanx',
  'ty',
  'tysm',
  'tyvm',
  'lmk',
  'let me know',
  'for me',
  'for us',
  'to me',
  'with me',
  'over to me',
  'full stop',
  'one more time',
  'asap',
  'right now',
  'now',
  'quickly',
  'if you can',
  'if possible',
  'cheers',
  'ta',
  'tia',
  // "please" in another language after an English request ("… bitte", "… porfa", "… s'il vous plaît").
  ...OTHER_LANGUAGE_PLEASE,
  'many thanks',
  'much appreciated',
  'appreciated',
  // A letter's closing typed on the request's line ("… that meals are capped at 30 EUR. Regards").
  'regards',
  'kind regards',
  'best regards',
  'warm regards',
  'when you get a chance',
  'when you have a moment',
  'when you have time',
  "if you don't mind",
  'if you dont mind',
  'if you could',
  'already',
  'anywhere',
  'real quick',
  'right away',
  'rn',
  'please help',
  'pls help',
  'plz help',
  'can you help',
  'can u help',
  'and do the needful',
  'do the needful',
  'and let me know',
  'and lmk',
  // "Pls revert back", "kindly check and share" (Indian English): reply with it, send it over.
  'and revert',
  'and revert back',
  'revert',
  'revert back',
  'pls revert',
  'pls revert back',
  'please revert',
  'please revert back',
  'kindly revert',
  'kindly revert back',
  // "…, please guide", "pls advise" (Indian English): asks for the answer, names nothing.
  'please guide',
  'pls guide',
  'kindly guide',
  'please guide me',
  'kindly guide me',
  'please advise',
  'pls advise',
  'kindly advise',
  'check and share',
  'pls check and share',
  'please check and share',
  'kindly check and share',
  'and share',
  'and share it',
  // "X policy, kindly share": send it over, as above.
  'kindly share',
  'kindly share it',
  'pls share',
  'pls share it',
  'please share',
  'please share it',
  'and thx',
  'and thanks',
  'and ty',
  'and thank you',
  'that would be great',
  "that'd be great",
  'that would be awesome',
  'that would help',
  'would be great',
  'would be appreciated',
  'when you have a sec',
  'when you have a minute',
  'when you get a sec',
  'when you get a minute',
  'when you can',
  'whenever you can',
  'no rush',
  'i guess',
  'i suppose',
  'i think',
  'maybe',
  'perhaps',
  // Tags and urgency after a request ("… innit", "… will ya", "… at the earliest", "… urgently").
  'innit',
  'will ya',
  'would ya',
  'could ya',
  'would ye',
  'at the earliest',
  'urgently',
  'kindly',
  // Laughter after a request ("… lol").
  'lol',
  'haha',
  'lmao',
  // A tag after a request: "… would you", "… also".
  'would you',
  'could you',
  'will you',
  'also',
  // A particle after a request ("… po", "… yaar", "…, thanks lah", "… o"): see particles.ts.
  ...PARTICLES,
  ...thanksPhrases(),
  // A run-on "and" before the thanks ("… and thanks a ton", "… n thx" typed on a phone).
  ...thanksPhrases().map((thanks) => `and ${thanks}`),
  ...THANKS_SAID,
  ...THANKS_WORDS.flatMap((thanks) => [`n ${thanks}`, `& ${thanks}`]),
  // Urgency said the Indian English way ("… on priority", "… on priority basis", "… on urgent basis").
  'on priority',
  'on priority basis',
  'on a priority basis',
  'on urgent basis',
  'on an urgent basis',
].sort((a, b) => b.length - a.length);
/** Laughter: dropped after a request ("… lol"), but alone it is all there is. */
const LAUGHTER = new Set(['lol', 'haha', 'lmao']);
/** How far back from the end a courtesy phrase is looked for (the longest phrase fits). */
const SUFFIX_PROBE = Math.max(...POLITE_SUFFIXES.map((phrase) => phrase.length)) + 1;
const TRAILING_STOPS = new Set([' ', '.', '!', '?', '？', '。', '！']);

/** A bracketed phrase at the end of a line ("… (thanks!)"); its text is captured. */
const BRACKETED_END = /\(([^()]{1,40})\)$/;
const DASHES = new Set(['-', '–', '—']);

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /\w/.test(char);
}

/**
 * Drops one trailing courtesy phrase ("…, please!", "… thank you") from a whitespace-collapsed line,
 * with the spaces, commas and `.!?` around it. A backward scan over a bounded tail: the regex form of
 * this (`[\s,]*\b(?:please|…)\s*[.!?]*$`) restarts at every comma or space and is quadratic.
 */
function stripPoliteSuffix(text: string): string {
  const end = trimEndWhere(
    trimEndWhere(text, (c) => c === '.' || c === '!' || c === '?'),
    (c) => c === ' ',
  );
  // Courtesy in brackets at the end ("… (thanks!)", "… (pls)"): the brackets go with it.
  const bracketed = BRACKETED_END.exec(end.slice(-SUFFIX_PROBE - 6));
  if (bracketed && POLITE_SUFFIXES.includes(bracketed[1]!.replace(/[\s.!?]+$/, '').toLowerCase()))
    return trimEndWhere(end.slice(0, end.length - bracketed[0].length), (c) => c === ' ' || c === ',');
  const tail = end.slice(-SUFFIX_PROBE).toLowerCase();
  const phrase = POLITE_SUFFIXES.find((p) => tail.endsWith(p) && !isWordChar(end[end.length - p.length - 1]));
  // "please help" alone asks for help: only a phrase after a request is dropped.
  const alone = phrase !== undefined && phrase.length === end.length;
  // "… for now" is part of what was said ("it should just say X for now").
  if (
    phrase === 'now' &&
    /\sfor$/i.test(
      end
        .slice(0, end.length - phrase.length)
        .trimEnd()
        .slice(-4),
    )
  )
    return text;
  // "… that Node 22 is required now": after a statement's verb, "now" is part of what was said.
  if (
    phrase === 'now' &&
    WRITE_OF_TEXT.test(end) &&
    statementBeforeNow(end.slice(0, end.length - phrase.length))
  )
    return text;
  if (phrase === undefined || (alone && (phrase.endsWith('help') || LAUGHTER.has(phrase)))) return text;
  // "search for po", "find docs about also": with nothing asked for left, the word is what is asked for.
  if (/\b(?:for|about|on|of|search|find)$/i.test(end.slice(0, end.length - phrase.length).trimEnd()))
    return text;
  // "… - thanks", "… – cheers": the dash before the courtesy goes with it.
  return trimEndWhere(
    end.slice(0, end.length - phrase.length),
    (c) => c === ' ' || c === ',' || DASHES.has(c),
  );
}

/** Verbs of a statement ("X is required now", "the retro starts at 10 now"). Kept as data. */
const STATEMENT_VERBS = new Set(
  'is are was were be been has have had starts start ends end begins begin costs cost runs run lives live happens happen takes take needs moved changed works expire expires apply applies open opens close closes last lasts stay stays'.split(
    ' ',
  ),
);
/** A request to put text on a page (only there is a final "now" part of the text). */
const WRITE_OF_TEXT =
  /\b(?:add|append|put|note|write|update|mention|saying|include|insert|post|stick|jot|record|change|replace)\b/i;
/** Words before "now" looked at for a statement's verb. */
const NOW_PROBE_WORDS = 4;

/**
 * Words that start the text to add ("… to say that", "saying", ": "), then two words or more: a clause
 * ("say that Macs ship with 32 GB now"), whatever its verb; not a relative clause ("pages that mention
 * kafka now"), whose verb follows "that". Bounded runs on a bounded tail.
 */
const TEXT_CLAUSE_BEFORE_NOW =
  /(?:\b(?:that(?!\s+(?:mention|cover|talk|list|explain|describe|contain|include|refer|deal|show|has|have|is|are|was|were)s?\b)|saying|says?)|:)\s+\S+\s+\S+(?:\s+\S+){0,8}\s*$/i;

/** True when one of the last few words before a final "now" is a statement's verb, or a clause given as text ends there. */
function statementBeforeNow(before: string): boolean {
  const tail = before.slice(-60);
  const words = tail.trim().toLowerCase().split(/\s+/).slice(-NOW_PROBE_WORDS);
  return words.some((word) => STATEMENT_VERBS.has(word)) || TEXT_CLAUSE_BEFORE_NOW.test(tail);
}

/**
 * A tag that asks whether the request can be done, at the end with its question mark ("Show me the
 * Expense Policy can?", "… or not?", "… or no?", "… can or not?": Singapore and Malaysian English).
 */
const ASKING_TAG =
  /(?:^|\s)(?:can(?:\s+or\s+not)?|or\s+not|or\s+no|can\s+anot)\s*\?+[\s.!]*$|\s(?:or\s+not|can\s+or\s+not|can\s+anot)\s*$/i;
/** Whoever is addressed, after a comma or a courtesy word at the end ("…, mate?", "… please mate"): not part of the request. */
const VOCATIVE_TAG = new RegExp(
  String.raw`(?:,|(?<=\b(?:please|pls|plz|thanks|thank\s+you|thx|ty|cheers|ta)),?)\s*(?:${VOCATIVE}|bot|team|all|everyone|folks)\s*[?!.]*\s*$`,
  'i',
);

/** The line without an {@link ASKING_TAG} or a {@link VOCATIVE_TAG}, looked for in its last few characters only. */
function dropAskingTag(text: string): string {
  const from = Math.max(0, text.length - 20);
  const tag = ASKING_TAG.exec(text.slice(from)) ?? VOCATIVE_TAG.exec(text.slice(from));
  return tag && from + tag.index > 0 ? text.slice(0, from + tag.index) : text;
}

/** Longest clause after the last comma that {@link stripTrailingClause} may drop (characters). */
const MAX_TRAILING_CLAUSE = 60;
/**
 * What people add after a command and a comma that is not part of it: a question tag ("…, can
 * you?", "…, ok?"), an offer of thanks, or why they need it ("…, need it for my trip", "…, it's
 * for the audit", "…, because …", "…? thinking of booking some days").
 */
/**
 * A question tag after the request ("…, can you?", "…, can you add it?", "…, you can search?"): it
 * asks for what was just said, so it is dropped even after "saying …".
 */
const QUESTION_TAG =
  /^(?:where\s+(?:can|could|do|would|should)\s+(?:i|we)\s+(?:find|get|see)\s+(?:it|this|that|them)|where\s+is\s+it)[\s?!.]*$|^(?:(?:can|could|would|will|won'?t)\s+(?:you|u|ya)|(?:you|u)\s+can)(?:\s+(?:please|pls))?(?:\s+(?:help(?:\s+me)?|please|pls|do\s+(?:that|it|this)|(?:add|put|write|search|find|look\s+(?:for\s+)?|open|show|make|create|change|update|fix|do)(?:\s+(?:it|that|this|them|for\s+(?:it|that|them)|for\s+me))?))?[\s?!.]*$/i;
const TRAILING_CLAUSE =
  /^(?:ok|okay|k|right|yeah|yes|alright|if\s+(?:you\s+)?(?:can|could|possible)|(?:i\s+)?need\s+(?:it|this|that|them)\b.*|(?:it'?s|its|it\s+is|is)\s+(?:for|urgent|needed|important)\b.*|for\s+(?:my|our)\s.*|because\b.*|(?:since|cause|coz|cuz)\s+(?:i|i'm|im|i've|we|we're|we've|my|our|it's|its|they|they're)\b.*|(?:i|i'?m|im|i'?ve|ive|i'?ll|we|we'?re|we'?ve|we'?ll|they|they'?re|he|she|it|it'?s|this\s+is|there'?s|that'?s|can'?t|cant|cannot|couldn'?t|don'?t|doesn'?t|won'?t|need(?:ed)?\s+to|got\s+to|gotta|(?:thinking|planning|hoping|trying|wanting)\s+(?:of|about|on|to)|my|our|so|as|just)\s.*|(?:the\s+)?(?!(?:should|must|could|would|will|can|may|might)\s)[\p{L}\p{N}-]+\s+(?:is|are|was|were|isn'?t|aren'?t|keeps?|kept|broke|broken|down|asked|asks?|wants?|wanted|needs?|needed|said|says?|told|requested|requires?|required|mentioned|confirmed|agreed|approved|decided|announced)\b.*|(?:thanks|thank\s+you|thx|ty|cheers|(?:best|kind|warm|many)\s+(?:regards|wishes|thanks)|regards|sincerely|br)\b.*|(?:nothing|no(?:thing)?\s+more|not?\s+anything)\s+else|(?:only|just)\s+(?:that|those|this|these|them))[\s?!.]*$/iu;

/** A place alone before a comma ("in ENG", "over in the HR space", "on Engineering"): it asks nothing by itself. */
const PLACE_ONLY =
  /^(?:over\s+)?(?:in|on|within|inside)\s+(?:the\s+)?[\p{L}\p{N}&'’~-]+(?:\s[\p{L}\p{N}&'’-]+){0,3}$/iu;
/** A clause asking whether something exists ("have we got …", "we got any …", "is there …", "any …"). */
const ASKED_WHETHER = /^(?:have|'?ve|has|do|does|did|got|we|you|u|is|are|any|anything|something)\s/i;

/** Where a request comes from, said after it ("…, as discussed", "…, per our call", "…, fyi"). Kept as data. */
const CONTEXT_ASIDE =
  /^(?:as\s+(?:discussed|agreed|requested|promised|mentioned|planned|per\s+(?:our|the|my|your)\s+(?:chat|call|meeting|discussion|conversation|email|mail|thread|standup))(?:\s+(?:earlier|yesterday|today|before|last\s+week|in\s+the\s+(?:meeting|call|standup)))?|per\s+(?:our|the|my)\s+(?:chat|call|meeting|discussion|conversation|email|mail|thread|standup)|(?:just\s+)?fyi|for\s+(?:your\s+)?(?:info|information|reference))[\s.!]*$/i;

/** Why a write is asked, said after it ("Sam asked me to", "it's urgent", "I need it for the audit"). Kept as data. */
const WHY_ASKED =
  /^(?:(?:\p{Lu}\p{Ll}+|my\s+\p{Ll}+|our\s+\p{Ll}+|the\s+\p{Ll}+|they|he|she|hr|legal|finance)\s+(?:asked|told|wants|wanted)\s+(?:me|us)(?:\s+to(?:\s+do\s+(?:it|this|that))?)?|it'?s\s+(?:urgent|needed|important|for\s+(?:the|an?|my|our)\s+\p{Ll}+)|(?:i|we)\s+need\s+(?:it|this|that)(?:\s+for\s+(?:the|an?|my|our)\s+\p{Ll}+)?|asap|urgent)[\s.!]*$/iu;

const CLAUSE_GIVES_TEXT = new RegExp(
  String.raw`^(?:(?:(?:it|this|that|the\s+page|the\s+text)\s+)?(?:just\s+|only\s+)?(?:should|must|will|can|has\s+to|needs\s+to|ought\s+to)\s+(?:just\s+|only\s+|also\s+)?(?:say|read|contain|mention|include)\b|${TEXT_NAMED}\s*:|(?:and\s+)?(?:just|only)\s+(?:(?:put|write|add|say|have|type)\s+)?["“‘'])`,
  'i',
);
/** ", the title is X", ", the text is …" after a page is described: part of the page, not context. */
const CLAUSE_NAMES_PAGE =
  /^(?:(?:the|its)\s+)?(?:title|name|text|content|body)\s+(?:is|will\s+be|should\s+be)\s/i;
const PAGE_WORD = /\b(?:page|doc|document)\b/i;
/** An update at the start, after at most a few courtesy words not yet dropped ("help to update X - …"). */
const UPDATE_FIRST =
  /^(?:[\p{L}']+\s+){0,3}?(?:update|upd|edit|amend|modify|revise|(?:add|append|put|write|post|insert|(?:jot|note|write)\s+down)\s+(?:(?:this|these|the\s+(?:following|below))(?:\s+(?:line|lines|note|text|info|information|points?))?\s+)?(?:to|in|into|on|onto))\s+\S/iu;
/** The text of an add given with "that" or "saying" and a few words ("… to X that you need Node 22"). */
const TEXT_GIVEN_BEFORE = /\s(?:that|saying)\s+\S+\s+\S+/i;
/** "need to add …", "we have to update …": a write asked in a clause of its own (see stripTrailingClause). */
const WRITE_WITH_TEXT_CLAUSE =
  /^(?:(?:i|we)\s+)?(?:need|needs|want|wanna|have|has|got)\s+to\s+(?:add|append|update|edit|put|write|change|replace|rename|fix|correct)\b/i;
/** "the rota needs updating - …", "X needs an update:": a page said to need an update just before the break. */
const NEEDS_UPDATING_AT_END =
  /\s(?:needs?|wants?|requires?)\s+(?:updating|an\s+update|to\s+be\s+updated|a\s+(?:small\s+|quick\s+|tiny\s+|little\s+)?(?:fix|change|correction|tweak))\s*$/i;
/** A new page asked for at the start ("new page in OPS titled X - text"): a dash after it starts its text. */
const CREATE_FIRST =
  /^(?:[\p{L}']+\s+){0,3}?(?:create|new\s+(?:\S+\s+)?(?:page|doc)|(?:make|set\s+up|start)\s+(?:an?|one)\s+(?:new\s+)?(?:page|doc)\b|(?:make|draft|start|publish)\s+(?=["“]))/iu;
/** "reading" only in lower case: "the Reading List" is a title, "a line reading …" quotes. */
const QUOTING_VERB = /\b(?:[Ss]aying|[Ss]ays|SAYING|SAYS|reading|[Ss]tating|[Ww]ith\s+the\s+text)\b/;

/**
 * The line without a trailing clause after its last comma or sentence end (see TRAILING_CLAUSE).
 * A few backward searches for the break and one anchored match on a bounded tail: linear.
 */
/** "… because I'm new here", "… since we have an audit": a reason about the asker, with no comma before it. */
const REASON_BREAK =
  / (?:because|cause|coz|cuz|since) (?=(?:i|i'm|im|i've|we|we're|we've|my|our|it's|its|they|they're)\b)/gi;

/** Where the last {@link REASON_BREAK} starts within the clause-sized tail of `text`, or -1. */
function reasonBreak(text: string): number {
  const from = Math.max(0, text.length - MAX_TRAILING_CLAUSE);
  let at = -1;
  for (const match of text.slice(from).matchAll(REASON_BREAK)) at = from + match.index;
  return at;
}

/** A clause that asks for a read (see {@link ASKED_READ}). */
const ASKED_READ_CLAUSE = new RegExp(`^${ASKED_READ}`, 'i');

/** A read of a pronoun, at the end of what comes before a clause ("… open it", "… show me that one"). */
const READ_OF_POINTER =
  /\b(?:open|show|get|send|share|pull\s+up|bring\s+up)\s+(?:me\s+)?(?:it|that|this|that\s+one|this\s+one)\s*$/i;

/** Longest greeting read before a clause ("Hi team, good morning, hope you're all well"); longer is no greeting. */
const MAX_GREETING = 160;

function stripTrailingClause(text: string, asked = false): string {
  const comma = Math.max(
    reasonBreak(text),
    text.lastIndexOf(','),
    text.lastIndexOf('? '),
    text.lastIndexOf('! '),
    text.lastIndexOf('. '),
    text.lastIndexOf(' - '),
    text.lastIndexOf(' – '),
    text.lastIndexOf(' — '),
  );
  if (comma <= 0 || text.length - comma > MAX_TRAILING_CLAUSE) return text;
  // `get "Thanks, Ana" in HR`: a comma inside a quoted title ends nothing.
  if (isInsideQuotes(text, comma)) return text;
  // "add "x" - this is for the Laptop Setup page": the page the quoted text is for, said after it.
  if (isPageAfterQuotedText(text.slice(0, comma), text.slice(comma))) return text;
  // "Hi, good morning. I want that you search …": after a greeting the clause is the request itself.
  if (comma <= MAX_GREETING && isGreeting(text.slice(0, comma))) return text;
  const clause = text
    .slice(comma + 1)
    .replace(/^[-–—]/, '')
    .trim();
  // "…, so could you pull up the failover runbook for me?": the clause is the request, not a tag.
  if (ASKED_READ_CLAUSE.test(clause)) return text;
  // "in ENG, have we got something about X": only a place before the comma, so the clause asked after it is the request.
  if (PLACE_ONLY.test(text.slice(0, comma)) && ASKED_WHETHER.test(clause)) return text;
  // "open it - the expense policy I mean": the clause names the page "it" stood for.
  if (READ_OF_POINTER.test(text.slice(Math.max(0, comma - 40), comma)) && /^(?:the|our)\s/i.test(clause))
    return text;
  if (QUESTION_TAG.test(clause)) return text.slice(0, comma);
  // "… saying install the VPN first, as discussed": where the request comes from, even after "saying".
  if (CONTEXT_ASIDE.test(clause)) return text.slice(0, comma);
  // "Can you add a line to X saying …? Just agreed it in the standup": a request asked as a question
  // ends at its question mark; a sentence after it is context (not a colon's text or the page's text).
  // "update X for me? Sam covers Friday": after an update of a page the sentence is the update.
  const updateFirst =
    UPDATE_FIRST.test(text) ||
    UPDATE_FIRST.test(fixVerbTypo(text) ?? '') ||
    NEEDS_UPDATING_AT_END.test(text.slice(Math.max(0, comma - 40), comma));
  // "Can you add to X that you need Node 22? it's been tripping people up": the text was given before the "?".
  const afterAsk =
    asked &&
    (!updateFirst || TEXT_GIVEN_BEFORE.test(text.slice(Math.max(0, comma - 200), comma))) &&
    text.slice(comma, comma + 2) === '? ' &&
    !clause.includes(':') &&
    !/^(?:(?:and\s+)?(?:just\s+)?(?:put|write|add|include|say|insert|type))\b/i.test(clause);
  if (afterAsk && !CLAUSE_GIVES_TEXT.test(clause) && !CLAUSE_NAMES_PAGE.test(clause))
    return text.slice(0, comma);
  // After "saying …" the comma is inside the text being added ("saying foo, because bar to X").
  if (QUOTING_VERB.test(text.slice(0, comma))) return text;
  // "…? it should say no meetings 2-4pm": what a new page should say is its text, not context.
  if (CLAUSE_GIVES_TEXT.test(clause)) return text;
  // "in the Expense Policy, it should be 45 EUR not 40 EUR": a replace stated after the page is the edit.
  // "the rota is wrong, it says Ana but it should be Ben": after a complaint about a page, too.
  if (
    statedReplace(clause) &&
    !isQuestion(clause) &&
    (/^(?:in|on)\s/i.test(text) || isComplaint(text.slice(0, comma)))
  )
    return text;
  // "add this to the rota - Sam asked me to", "…, it's urgent": why it is asked is never the update.
  if (updateFirst && WHY_ASKED.test(clause)) return text.slice(0, comma);
  // "update the rota - Sam is off on Friday", "add to the rota - Ana is off": after an update of a page, the clause is the update.
  if (updateFirst && !isComplaint(clause) && !isQuestion(clause)) return text;
  // "…, it's in the people space": where the page is, said aside, stays as "in <space>".
  const space = TRAILING_CLAUSE.test(clause) ? spaceAside(clause) : undefined;
  if (space) return `${text.slice(0, comma)} in ${space}`;
  const dash = /^\s[-–—]/.test(text.slice(comma, comma + 2));
  if (dash && CREATE_FIRST.test(text) && !isQuestion(clause)) return text;
  if (CLAUSE_NAMES_PAGE.test(clause) && PAGE_WORD.test(text.slice(0, comma))) return text;
  // "Team, need to add to X: …": a write asked with its text after the comma is the request, not a story.
  if (WRITE_WITH_TEXT_CLAUSE.test(clause) && /[:"“]|\bsaying\b/i.test(clause)) return text;
  // "in the rota, I want to add that Sam is off": the page first, then the wish to edit it is the request.
  if (WISHED_EDIT_CLAUSE.test(clause) && /^(?:in|on|for|to)\s/i.test(text)) return text;
  if (TRAILING_CLAUSE.test(clause)) return text.slice(0, comma);
  // Only after a comma or a dash: after a sentence end the last sentence may be the request itself.
  const story = text[comma] === ',' || dash;
  return story && isStoryAfterRead(text.slice(0, comma), clause) ? text.slice(0, comma) : text;
}

/** A wish to edit, said by the asker ("I want to add …", "we'd like to change …"). */
const WISHED_EDIT_CLAUSE =
  /^(?:i|we)(?:\s+(?:want|need|would\s+like)|'d\s+like)\s+to\s+(?:add|append|put|write|insert|mention|note|update|change|replace|fix|correct|edit|rename)\b/i;

/**
 * Who is asking or when, in a clause ("mine just died", "the new hire asked me earlier", "client call
 * in 10 min", "working from my parents' place this week"): a word for the asker or a time.
 */
const ABOUT_THE_ASKER =
  /\b(?:i|i'?m|im|i'?ve|ive|i'?ll|me|my|mine|we|we'?re|we'?ve|we'?ll|us|our)\b|\b(?:today|tonight|tomorrow|yesterday|earlier|this\s+(?:morning|afternoon|evening|week)|next\s+(?:week|month)|in\s+(?:\d+|an?|a\s+few|few|half\s+an)\s+(?:mins?|minutes?|hours?|hrs?|hr|days?))\b/i;
/** A clause that opens like a qualifier of the search or the name ("…, from last week", "…, in ENG"), or a question. */
const QUALIFIER_OR_QUESTION =
  /^(?:from|in|on|about|with|by|of|at|under|between|before|after|for|to|and|or|not|without|where|what|who|when|why|how|which|is|are|do|does|did)\b|\?\s*$/i;
/** Why the asker asks ("asking for a friend", "just curious", "wondering because …"): never what. */
const ASKING_WHY =
  /^(?:(?:just\s+)?(?:asking|wondering|curious)(?:\s+(?:for\s+a\s+(?:friend|colleague|teammate)|because\b.*|since\b.*|as\b.*))?|no\s+reason|for\s+reasons)[\s.!]*$/i;
/** A request's words anywhere in a clause ("btw can you show me …"): then it is no story. */
const REQUEST_WORD =
  /\b(?:can|could|would|will|please|pls|plz|kindly|show|open|find|search|get|pull|bring|look|give|send|share|check|read|see|view|lmk)\b/i;
/** A write's words anywhere in a line: then a clause after it can be the text of the page, and the line is no plain read. */
export const WRITE_WORD =
  /\b(?:add|append|prepend|put|write|insert|update|edit|change|replace|rename|create|make|post|note|say|saying|says|draft|fix|correct|include|mention|set(?:\s+up)?|start)\b/i;

/** A colon and then text ("Equipment section: laptops ship in 10 days"): the text of a page, not a story ("at 10:30" is no colon of this kind). */
const TEXT_AFTER_COLON = /:\s/;

/**
 * A story after a read ("open the Laptop Setup page, mine just died", "find the travel policy - the
 * client call got moved to tomorrow"): a clause of three words or more about the asker or a time,
 * after a request with no write in it. Why it is wanted, not what is wanted.
 */
function isStoryAfterRead(request: string, clause: string): boolean {
  if (ASKING_WHY.test(clause) && !WRITE_WORD.test(request)) return true;
  return (
    clause.split(/\s+/).length >= 3 &&
    ABOUT_THE_ASKER.test(clause) &&
    !QUALIFIER_OR_QUESTION.test(clause) &&
    !REQUEST_WORD.test(clause) &&
    !TEXT_AFTER_COLON.test(clause) &&
    !WRITE_WORD.test(request) &&
    !EDIT_FIRST_CLAUSE.test(clause)
  );
}

/**
 * A clause that is an edit itself ("In the rota, change "Sam" to "Priya" next week"): the page was named
 * before the comma, so a time in the clause is when the edit holds, no story about the asker.
 */
const EDIT_FIRST_CLAUSE =
  /^(?:(?:please|pls|plz|kindly)\s+)?(?:add|append|put|write|insert|change|replace|swap|update|rename|correct|fix)\s/i;

/** A request asked as a question ("can you …", "could someone …"), after at most a few greeting words. */
const ASKED_REQUEST =
  /^(?:[\p{L}'!,]+\s+){0,3}?(?:can|could|would|will)\s+(?:you|u|ya|ye|someone|somebody)\b|^(?:is\s+(?:it|there)\s+(?:possible|a\s+way)|would\s+it\s+be\s+possible)\b/iu;

/** Courtesy in brackets inside a request ("could you (when you can) open …"): the inside is captured. */
const BRACKETED_ASIDE = /\s*\(([^()]{1,40})\)/g;

/** The bot addressed in brackets ("can someone (i.e. you, bot) make …", "(yes you, bot)", "(bot)"). */
const BOT_ADDRESSED =
  /^(?:(?:i\.?\s?e\.?|that'?s|that\s+is|meaning|yes|looking\s+at)[\s,]+)?(?:(?:you|u)(?:[\s,]+(?:the\s+)?(?:bot|robot|confluence\s+bot))?|(?:the\s+)?(?:bot|robot|confluence\s+bot))$/i;

/** Words in brackets that are courtesy or address the bot, not part of the request. */
function isCourtesyAside(inside: string): boolean {
  const words = inside
    .replace(/[\s.!?,]+$/, '')
    .trim()
    .toLowerCase();
  return POLITE_SUFFIXES.includes(words) || BOT_ADDRESSED.test(words);
}

/**
 * The line without courtesy in brackets before its text starts ("could you (when you get a chance)
 * open X", "search (pls) for Y", "can someone (i.e. you, bot) make …"): only before a colon or a
 * quote, so page text keeps its brackets.
 */
function withoutBracketedCourtesy(text: string): string {
  if (!text.includes('(')) return text;
  const textStart = text.search(/[:"“]/);
  const end = textStart < 0 ? text.length : textStart;
  const head = text
    .slice(0, end)
    .replace(BRACKETED_ASIDE, (aside: string, inside: string) => (isCourtesyAside(inside) ? '' : aside));
  return head + text.slice(end);
}

/** Slack or Markdown marks around a word or a few ("*HR*", "`ENG`", "_Brand Guidelines_", "~gdpr~"), after a space. */
const INLINE_MARKS = /(^|\s)(\*{1,2}|_{1,2}|~{1,2}|`)([\p{L}\p{N}][^*_~`\n]{0,80}?)\2(?=$|[\s,.!?:;)])/gu;

/** A read's verb (or a wish: "I need the _X_") among the first words, itself maybe in marks ("*search* for …", "pls open the `X` page"). */
const READ_FIRST =
  /^(?:[^\s*_~`]+\s+){0,4}?(?:\*{1,2}|_{1,2})?(?:search|find|open|show|get|look|pull|bring|give|fetch|check|share|need|want|see|read)\b/i;

/**
 * A read without Slack's formatting around a name, a space or its verb ("search *HR* for parental
 * leave", "open the `Laptop Setup` page"): the marks say how it looks, not what is asked. A write
 * keeps them (they may be the page's formatting), and so does a title in double quotes (`get "a `b` c" in
 * ENG` names a title with backticks in it, as typed).
 */
function withoutInlineMarks(text: string): string {
  if (!/[*_~`]/.test(text) || /["“”]/.test(text) || WRITE_WORD.test(text) || !READ_FIRST.test(text))
    return text;
  return text.replace(INLINE_MARKS, (_all, space: string, _mark: string, inside: string) => space + inside);
}

/** "one page", "one new page" for "a page" (non-native): not after a word that makes "one" a count or a pointer. */
const ONE_FOR_A =
  /(?<!\b(?:the|this|that|only|just|any|each|every|per|which|no|than|to|of)\s+)\bone\s+(?=(?:new\s+)?(?:confluence\s+|wiki\s+)?(?:page|doc|document)\b)/gi;

/** The command words with "one page" read as "a page", before the first colon or quote (after it is page text). */
function withArticleForOne(text: string): string {
  const cut = text.search(/[:"“]/);
  const head = cut < 0 ? text : text.slice(0, cut);
  return head.replace(ONE_FOR_A, 'a ') + (cut < 0 ? '' : text.slice(cut));
}

/** Small words predictive text types twice ("open the the X", "can you you …"); never meant twice in a read. */
const TYPED_TWICE = new Set([
  'the',
  'a',
  'an',
  'to',
  'for',
  'of',
  'in',
  'on',
  'at',
  'and',
  'me',
  'my',
  'you',
  'u',
  'can',
  'pls',
  'please',
]);

/**
 * A read with a small word typed twice read once ("search in the the OPS space"). Only a pair (a run
 * of three or more is left as typed), and only in a line with no write word: a page's text stays as typed.
 */
function withoutDoubledWords(text: string): string {
  if (WRITE_WORD.test(text)) return text;
  const words = text.split(' ');
  const same = (i: number, j: number) =>
    words[j] !== undefined && words[i]!.toLowerCase() === words[j]!.toLowerCase();
  const kept = words.filter(
    (word, i) =>
      !(TYPED_TWICE.has(word.toLowerCase()) && same(i, i - 1) && !same(i, i - 2) && !same(i, i + 1)),
  );
  return kept.length === words.length ? text : kept.join(' ');
}

/** A line with leading courtesy ("hey, can you please…") and trailing "please"/"thanks"/punctuation removed. */
export function stripPoliteness(line: string): string {
  let text = sectionHeadingFirst(
    plainSpaceKeys(
      fixCourtesyTypos(
        withoutBracketedCourtesy(
          withoutInlineMarks(
            withArticleForOne(line)
              .replace(EMOJI_AND_SYMBOLS, ' . ')
              .replace(EMOTICON, '$1.')
              .replace(/\s+/g, ' ')
              .trim(),
          ),
        ),
      ),
    ),
  );
  text = withoutDoubledWords(text);
  const asked = ASKED_REQUEST.test(text);
  for (let round = 0; round < 6; round += 1) {
    const before = text;
    for (const prefix of POLITE_PREFIXES) text = text.replace(prefix, '');
    text = text.replace(PLEASE_AFTER_VERB, '$1 ');
    // The tag again after courtesy or a reason: "Show me X can? thanks!" loses "thanks", then "can?".
    text = dropAskingTag(stripTrailingClause(dropAskingTag(stripPoliteSuffix(dropAskingTag(text))), asked));
    text = trimEndWhere(text, (c) => TRAILING_STOPS.has(c) || /\s/.test(c)).trim();
    if (text === before) break;
  }
  return text;
}

/**
 * Saying an answer landed, the problem is gone or the user will take it from here ("makes sense", "I
 * see", "fair enough", "good to know", "spot on", "problem solved", "it's working now", "all done", "no
 * more questions", "that clears it up", "that did the trick", "that helps", "I'll check it out", "I'll
 * have a look"): the conversation is closing, nothing is asked. Kept as data.
 */
const ACKNOWLEDGEMENTS = [
  String.raw`(?:(?:that|it|this)\s+)?makes\s+(?:(?:total|perfect|complete)\s+)?sense|i\s+see|fair\s+enough|good\s+to\s+know|interesting`,
  String.raw`(?:problem|issue)\s+(?:solved|resolved|fixed|sorted)|(?:it'?s|it\s+is|that'?s|all)\s+(?:working|fixed|solved|resolved)|works\s+now|all\s+done|done`,
  String.raw`no\s+(?:more|further|other)\s+questions`,
  String.raw`(?:that|this|it)\s+(?:clears|cleared)\s+(?:it|that|things|everything)\s+up|(?:that|this|it)\s+(?:did|does)\s+(?:it|the\s+(?:trick|job))`,
  // "I will check", "will have a look", "i will check it": the user goes off to read, nothing more asked
  String.raw`(?:i'?ll|i\s+will|will)\s+check(?:\s+(?:it|that|this|them))?(?:\s+(?:later|now|soon|tomorrow))?`,
  // "you're welcome" said back; greetings of the day (Indian English); "blessed morning" (Nigerian English)
  String.raw`(?:you'?re|you’re|your|ur|you\s+are)\s+(?:most\s+|very\s+)?welcome|greetings\s+of\s+the\s+day|(?:a\s+)?blessed\s+(?:morning|day|week|weekend|evening|${WEEKDAY})`,
  String.raw`(?:i'?ll|i\s+will|will)\s+(?:check\s+(?:it|that|this|them)\s+out|(?:have|take)\s+a\s+(?:look|read)|read\s+(?:it|that|this|them)|look\s+(?:at\s+)?(?:it|that|this|them)(?:\s+over)?|give\s+(?:it|that|this)\s+a\s+(?:read|go|try))`,
].join('|');

/**
 * More ways to greet, sign off or acknowledge, as people type them in chat and in other Englishes
 * ("gud mrng", "ayy", "roger that", "catch you later", "e kaaro", "how body", "kamusta", "dia duit"). Kept as data.
 */
const MORE_GREETINGS = [
  String.raw`(?:a\s+)?(?:very\s+)?(?:go+d|gu+d|gd)\s+(?:mornin|mrng|mrning|morng|morn|aftn|evng|eve|nite|noon)`,
  'afternoon',
  'hullo',
  'ay+|ayo|hey+o|he+y+\\s+(?:you|u)',
  'salutations',
  // an interjection of understanding before the thanks ("ahh perfect", "ohh ok")
  'a+h+|o+h+',
  // an apology, or a message sent to the bot by mistake ("sry wrong chat", "oops, wrong window")
  String.raw`sorry|sry|soz|o+ps+|whoops+|my\s+bad|wrong\s+(?:chat|window|channel|tab|thread|person|convo|conversation|group|bot)`,
  // the request dropped ("forget it", "never mind that", "scratch that", "cancel"): nothing more is wanted
  String.raw`forget\s+(?:it|that|about\s+(?:it|that))|never\s*mind\s+(?:that|this|it)|scratch\s+that|cancel(?:\s+(?:that|it|this))?|no\s+need|(?:it\s+)?doesn'?t\s+matter`,
  // a letter's sign-off ("Thanks and regards", "Kind regards", "Best wishes")
  String.raw`(?:(?:(?:many\s+)?thanks|thank\s+you)\s+(?:and|&)\s+|best\s+|kind\s+|warm(?:est)?\s+|with\s+(?:best\s+|kind\s+)?)?regards|rgds|best\s+wishes|(?:yours\s+)?(?:sincerely|truly)|gn`,
  String.raw`understood|roger(?:\s+that)?|copy\s+that|will\s+do|gotcha|got\s+(?:you|ya)|ack`,
  String.raw`k+|okie\s+dokie|okey\s+dokey|okie-dokie|oki\s+doki`,
  String.raw`catch\s+(?:you|u|ya)|laters|peace(?:\s+out)?|adios|cheerio|ta-?ra|toodles|ttfn|bye{2,}`,
  // chat slang run together ("kthx", "kthxbye", "thxbye", "okthxbai"): thanks and a goodbye in one word
  '(?:o?k)(?:thx|thnx|thanx|tnx|thanks)(?:bye|bai)?|(?:thx|thnx|thanx|thanks)(?:bye|bai)',
  String.raw`enjoy\s+(?:your|ur|the)\s+(?:day|weekend|evening|lunch|holidays?|break)`,
  // Nigerian, South African, Filipino, Irish greetings
  String.raw`e\s*k(?:aa|a)ro|e\s*kaa?san|e\s*ku+role|how\s+(?:body|una\s+dey|(?:you|u)\s+dey|market)|wetin\s+dey(?:\s+happen)?`,
  String.raw`musta|(?:ka|ku)?musta\s+(?:ka|kayo)`,
  String.raw`(?:much|lots\s+of|big)\s+love|that'?s\s+everything`,
  String.raw`dia\s+(?:duit|dhuit|daoibh)`,
  ACKNOWLEDGEMENTS,
  // approval said in slang ("spot on", "sweet as", "wicked", "that'll do"), and the search done ("found what I needed")
  String.raw`spot\s+on|sweet\s+as|wicked|smashing|cracking|awesome\s+sauce|that'?ll\s+do(?:\s+(?:nicely|for\s+now))?`,
  String.raw`ace|magic|lush|cool\s+beans|helpful|(?:great|big|huge|real)\s+help|(?:brilliant|awesome|cracking|lovely)\s+stuff`,
  String.raw`(?:i\s+|we\s+)?found\s+what\s+(?:i|we)\s+(?:was\s+after|were\s+after|was\s+looking\s+for|were\s+looking\s+for|needed|wanted|need|want)`,
].join('|');

/**
 * Words a greeting, thanks, goodbye or acknowledgement is made of; any run of them is one. Runs are read
 * word by word ({@link isGreetingRun}), so two alternatives that match the same words cost nothing more.
 */
const GREETING_WORD = String.raw`(?:${MORE_GREETINGS}|hi+|he?l+o+|he+y+|hey+a+|hiy+a+|howdy|dear|gr8|g'?day|howya|howaya|yo|sup|greetings|(?:a\s+)?(?:very\s+)?(?:good|gud|gd)\s+(?:morning|afternoon|evening|day)|morning|evening|${OTHER_LANGUAGE_GREETING}|thank\s+(?:you|u|ya)|thankyou|(?:that|it)\s+(?:worked|works)(?:\s+(?:a\s+treat|perfectly|like\s+a\s+charm))?|thanku|thx|thnx|thanx|thnks|thanks+|thansk|tenkyu|thnaks|tahnks|thaks|thanls|tks|tanks|tnx|tq|tenks|thenks|tanx|thks|tnks|thanq|thankq|thank\s+q|tnq|tqvm|ty|tysm|tyvm|gm|(?:i\s+|we\s+)?(?:really\s+|truly\s+)?appreciate\s+(?:it|that|this|you|u|ya|(?:all\s+)?(?:your|ur|the)\s+(?:quick\s+|fast\s+|speedy\s+|prompt\s+)?(?:help|turnaround|reply|response|support|patience|effort))|(?:god\s+)?bless\s+(?:you|u)|god\s+bless|cheers|${OTHER_LANGUAGE_THANKS}|ok|okay|cool|great|nice|got\s+it|how\s+are\s+you|how's\s+it\s+going|what's\s+up|whats\s+up|wass+up|wazz+up|whassup|bye|goodbye|howsit|never\s*mind|nvm|(?:i\s+)?found\s+it|ignore(?:\s+(?:that|this|me|it|my\s+last(?:\s+message)?))?|(?:that'?s|that\s+is)\s+(?:fine|ok|okay|enough(?:\s+for\s+(?:now|today))?)|see\s+(?:you|ya|u)\s+around|over\s+and\s+out|see\s+(?:you|ya|u)|cya|later|ahoy|(?:have\s+a\s+)?good\s+weekend|how\s+far|happy\s+(?:new\s+year|holidays|weekend|friyay|diwali|holi|eid|christmas|easter|hanukkah|thanksgiving|lunar\s+new\s+year|${WEEKDAY})|merry\s+(?:christmas|xmas)|eid\s+mubarak|season'?s\s+greetings|take\s+care|talk\s+(?:later|soon|tomorrow)|speak\s+soon|ttyl|noted(?:\s+with\s+thanks)?|well\s+received|alright|good\s+night|night|have\s+a\s+(?:nice|good|great)\s+(?:day|one|weekend)(?:\s+ahead)?|that'?s\s+all|that\s+is\s+all|all\s+good|nothing\s+(?:else|more)|that'?s\s+it|(?:i'?m|im)\s+(?:good|done|all\s+set)|all\s+set|no\s+worries|np|sounds\s+good|nice\s+one|great\s+stuff|much\s+appreciated|appreciated|perfect|awesome|wonderful|excellent|brilliant|lovely|grand|sound|(?:top|good)\s+(?:man|lad|woman|lass|stuff)|sweet|brill|fab|fantastic|amazing|superb|splendid|g'?(?:morning|mornin|night|nite)|(?:i\s+)?(?:love|loved)\s+(?:it|this|that)|ta|tia|many\s+(?:many\s+)?thanks|(?:much\s+)?obliged|(?:the\s+)?top\s+o[f']?\s+the\s+morning|okie|okey|oki|(?:great|good|nice|clever|smart)\s+(?:job|work|bot)(?:\s+(?:on|with)\s+(?:(?:that|this|the)\s+(?:search|answer|results?|links?)|that|this|it))?|well\s+done|(?:(?:that|it|all)(?:'s|s|\s+is)\s+|all\s+)?sorted)`;
/**
 * Praise after (or instead of) thanks: "that's brilliant", "this is exactly what I needed", "you're a
 * star". Kept as data: a word missing here makes the message a question or a search.
 */
const PRAISE = String.raw`(?:(?:very|really|super|so|most)\s+(?:helpful|useful|kind)|(?:exactly|just)\s+what\s+i\s+(?:needed|wanted|was\s+(?:looking\s+for|after))|(?:(?:that|this|it)(?:'s|s|\s+is|\s+was)|(?:you|u)(?:'re|re|\s+are|\s+r)|ur|(?:you|u)(?=\s+rock))\s+(?:(?:really|so|very|just|super|absolutely|truly)\s+)?(?:great|perfect|helpful|it|brilliant|lovely|amazing|awesome|fantastic|excellent|wonderful|super|superb|useful|handy|fab|ace|spot\s+on|exactly\s+(?:it|right|what\s+i\s+(?:needed|wanted|was\s+(?:looking\s+for|after)))|what\s+i\s+(?:needed|wanted|was\s+(?:looking\s+for|after))|the\s+one(?:\s+i\s+was\s+(?:looking\s+for|after))?|the\s+(?:right\s+)?(?:page|doc|link|document)|(?:so\s+|really\s+|super\s+)?(?:fast|quick|speedy)|a\s+(?:star|legend|lifesaver|life\s+saver|gem)|the\s+best|rock)|(?:exactly|just)\s+(?:that|this|the)\s+one|(?:(?:you|u|ya)\s+)?(?:legend|lifesaver|life\s+saver|champ|champion)|(?:you|u|ya)\s+(?:star|gem|beauty)|(?:that|this|it)\s+(?:helps|helped)(?:\s+(?:a\s+lot|heaps|loads))?|(?:you|u)(?:'ve|ve|\s+have)?\s+(?:(?:really|so|truly)\s+)?(?:help|helped)\s+(?:me|us)(?:\s+(?:a\s+lot|so\s+much|loads|heaps|a\s+ton))?|(?:you|u)(?:'ve|ve|\s+have)\s+been\s+(?:(?:a\s+)?(?:great|big|huge|real)\s+help|(?:(?:very|really|so|super)\s+)?(?:helpful|kind))|(?:that|this|it|you|u)\s+(?:(?:just|really)\s+)?(?:saved\s+(?:me|us|my)(?:\s+(?:(?:so\s+much|a\s+lot\s+of|loads\s+of|heaps\s+of|a\s+ton\s+of|some)\s+time|(?:whole\s+)?(?:day|morning|week|life|bacon|skin)))?|made\s+my\s+(?:day|morning|week)))|(?:you|u|ya)\s+(?:(?:totally|really)\s+)?(?:nailed|smashed|aced)\s+it|(?:it\s+was\s+|it'?s\s+been\s+|(?:a|my)\s+)?(?:(?:real|great)\s+)?pleasure(?:\s+(?:talking|chatting|working)\s+(?:to|with)\s+(?:you|u|ya))?`;
/**
 * Particles said after thanks in other Englishes ("thanks o", "thank you lah", "thanks ji", "tnx sha"):
 * they soften or stress it, and name nothing: the shared particles (particles.ts) and a few said to whoever helped.
 */
/**
 * What thanks are for, in words of its own ("thanks for sorting that", "thank you for your patience",
 * "cheers for looking into it"): a doing (never "helping" or "everything", which the tail has already), or the asker's
 * patience or understanding. Bounded; one reading only.
 */
const THANKED_FOR = String.raw`for\s+(?:(?!(?:help|every|no|some|any)(?:th)?ing\b)[a-z]{2,20}ing(?:\s+(?:that|this|it|me|us|out|up|so\s+(?:quickly|fast)|into\s+(?:it|that|this)))?|(?:your|ur|the)\s+(?:patience|understanding|quick\s+turnaround|turnaround|hard\s+work|input|efforts))`;
const THANKS_PARTICLE = `(?:${PARTICLE}|o+|ya|amigo|amiga)`;
const GREETING_TAIL = String.raw`(?:to\s+(?:you|u|ya|all|everyone|everybody|y'?all|you\s+all)|${THANKED_FOR}|from\s+(?:me|us|my\s+(?:side|end))|zusammen|allerseits|a\s+todos|tout\s+le\s+monde|(?:i|we)\s+(?:needed|wanted)|too|and|as\s+well|there|all|everyone|team|folks|colleagues|sir\/madam|${VOCATIVE}|bot|confluence(?:\s+assistant)?|assistant|again|a\s+lot|alot|so\s+(?:so\s+)?mu?ch|ver+y\s+much|a\s+(?:million|bunch|ton|heap)|heaps|loads|tons|doing|today|earlier|yesterday|world|mundo|monde|welt|עולם|(?:for|4)\s+(?:the|your|ur|all\s+(?:the|your))?\s*(?:quick\s+|fast\s+|speedy\s+|prompt\s+|great\s+|kind\s+)?(?:help|assistance|support|reply|response|answer|time|effort)|for\s+helping(?:\s+(?:me|us|out))?|for\s+(?:earlier|before|yesterday|that|this|everything|all(?:\s+(?:the|your)\s+help)?|the\s+(?:info|links?|answer|pointers?|tips?))|kindly|hero|star|(?:my|our)\s+(?:dear\s+)?${VOCATIVE}|for\s+(?:now|today)|now|anyway|anyways|much|muchly|then|tomorrow|soon|tonight|next\s+week|${PRAISE}|${THANKS_PARTICLE})`;
/** A sound of relief or delight before thanks ("ah brilliant, cheers", "oh nice", "yay thanks"); alone it is no greeting. */
const INTERJECTION_LEAD = String.raw`(?:(?:ah+|oh+|ooh+|aw+|yay|woo+|wow|ahh+|phew|no|nope|nah|yes|yeah|yep)\s+)?`;
/** The first unit of a greeting: an interjection, whom it greets, then a greeting word or praise. */
const FIRST_GREETING_UNIT = new RegExp(
  String.raw`^${INTERJECTION_LEAD}(?:${VOCATIVE}\s+)?(?:${GREETING_WORD}|${PRAISE})$`,
  'iu',
);
/** Every later unit: another greeting word, or what may follow one ("to you", "for sorting that", "o"). */
const NEXT_GREETING_UNIT = new RegExp(`^(?:${GREETING_WORD}|${GREETING_TAIL})$`, 'iu');
/** The most words one unit spans ("oh thank you so much for all the quick help" is several units). */
const MAX_UNIT_WORDS = 12;
/**
 * The longest line read as only a greeting. Longer lines are never only a greeting, and the cap bounds
 * the work below (words × {@link MAX_UNIT_WORDS} tests of one short unit each).
 */
const MAX_GREETING_TEXT = 200;

/**
 * True when `text` (punctuation already spaced out) is only greeting words. Read word by word: which
 * word positions a run of units can reach, each position tried once. A single regular expression of the
 * whole run tried every way a run can be split ("thanks o o o …": "o" is a particle twice over), which
 * grew exponentially with the words of a run that failed at its end.
 */
function isGreetingRun(text: string): boolean {
  if (text.length === 0 || text.length > MAX_GREETING_TEXT) return false;
  const words = text.trim().split(/\s+/);
  const reached = new Array<boolean>(words.length + 1).fill(false);
  for (let start = 0; start < words.length; start++) {
    if (start > 0 && !reached[start]) continue;
    const unit = start === 0 ? FIRST_GREETING_UNIT : NEXT_GREETING_UNIT;
    for (let end = start + 1; end <= Math.min(words.length, start + MAX_UNIT_WORDS); end++)
      if (!reached[end] && unit.test(words.slice(start, end).join(' '))) reached[end] = true;
  }
  return reached[words.length] === true;
}

/** Whom a greeting greets ("hi there", "morning team", "hey folks"). */
const GREETED = `there|bot|team|all|everyone|folks|${VOCATIVE}`;

/** A greeting word first (and whoever it greets), then more words ("hi how are u", "morning bot hope all is well"); only short lines are read this way. */
const GREETING_LEAD = new RegExp(String.raw`^(?:${GREETING_WORD})(?:\s+(?:${GREETED}))?\s+`, 'iu');
const MAX_GREETING_LEAD = 80;

/** A greeting that opens a line, with its marks ("hi, ", "hey!! ", "hi Confluence bot, ", "hey team - "). */
const GREETING_OPENING = new RegExp(
  String.raw`^(?:${GREETING_WORD})(?:\s+(?:${GREETED}|confluence(?:\s+bot)?))?[\s,!.:;–—-]+(?=\S)`,
  'iu',
);

/** A line without the greeting that opens it ("hey team - …", "yo …"); the line itself when none does. */
export function withoutGreetingLead(line: string): string {
  const lead = GREETING_OPENING.exec(line.slice(0, MAX_GREETING_LEAD));
  return lead ? line.slice(lead[0].length).replace(/^[\s,!.:;–—-]+/u, '') : line;
}

/**
 * Small talk said with a greeting ("hope you're well", "happy friday", "how r u", "hope your week is
 * going well", "long time no see"): no request in it. Kept as data.
 */
/**
 * Checking the bot is there ("you there?", "anyone home?", "is this thing on?") and asking the news in
 * Irish English ("what's the craic"): small talk, no request. Kept as data.
 */
const PRESENCE_AND_NEWS = [
  String.raw`(?:(?:are|r)\s+)?(?:you|u|ya)\s+(?:there|around|awake|alive|online|about|up|working|on)`,
  String.raw`(?:is\s+)?(?:any(?:one|body)|some(?:one|body))\s+(?:there|home|around|about|awake)`,
  String.raw`(?:is\s+)?this\s+(?:thing\s+)?(?:on|working|live)`,
  String.raw`(?:how|what)(?:'s|’s|s|\s+is)\s+the\s+(?:craic|story)`,
].join('|');

const SMALL_TALK = new RegExp(
  String.raw`^(?:${PRESENCE_AND_NEWS}|(?:i\s+)?hope\s+(?:(?:you|u|ya)(?:'re|’re|\s+are|\s+r)?|ur|your|all|everyone|everybody|everything|things|the\s+(?:day|week|weekend|morning|holidays?|break|trip|move|family|kids))\b(?![\p{L}\s'’]{0,40}\b(?:can|could|would|will|pls|please|plz|search|find|open|show|look|need|want|get|send|create|add|update|where|what|how|any|anything)\b)[\p{L}\s'’]{0,40}|happy\s+(?:${WEEKDAY}|friyay|new\s+year|holidays|weekend|birthday|diwali|eid|christmas|easter|hanukkah|thanksgiving|lunar\s+new\s+year)|ho?w\s+(?:are|r|is)\s+(?:you|u|ya|things|life|everyone|everything)(?:\s+(?:doing|going|today|this\s+(?:morning|week)))*|how(?:'s|’s|s|\s+is)\s+(?:it\s+going|your\s+(?:day|week|morning)(?:\s+going)?|things|life|everyone|work|the\s+family)|(?:(?:are|r)\s+)?(?:you|u|ya)\s+(?:alright|ok|okay|well|good)|how\s+(?:have|'ve)\s+(?:you|u)\s+been|how\s+(?:you|u|ya)\s+(?:doing|doin|going|goin)|how\s+was\s+(?:your|ur|the)\s+(?:weekend|night|day|morning|holiday|holidays|break|trip|vacation|leave)|how(?:'s|’s|s|\s+has)\s+(?:your|ur)\s+(?:day|week|weekend|morning)\s+been|long\s+time\s+no\s+see|(?:(?:a|such\s+a|what\s+a)\s+)?(?:nice|lovely|beautiful|great|good|gorgeous|sunny)\s+(?:day|morning|weather)(?:\s+(?:today|out\s+there))?|(?:(?:so|really)\s+)?(?:nice|good|great|lovely|pleased)\s+to\s+(?:(?:finally|e-?)\s*)?(?:meet|see|chat\s+(?:with|to))\s+(?:you|u|ya)|(?:just\s+)?(?:saying|wanted\s+to\s+say|popping\s+in\s+to\s+say|dropping\s+by\s+to\s+say)\s+(?:hi|hello|hey|good\s+morning)|(?:just\s+)?checking\s+in|(?:what\s+a\s+|such\s+a\s+)?(?:long|busy|crazy|quiet|slow|hectic|rough|lovely|beautiful|nice|sunny|rainy|cold|hot|manic)\s+(?:day|week|month|morning|afternoon|weekend|one)(?:\s+(?:huh|eh|right|today|innit))?|right|innit|eh|huh|take\s+care|have\s+a\s+(?:nice|good|great|lovely)\s+(?:day|one|weekend|week|evening))$`,
  'iu',
);

/**
 * Words that announce a request still to come ("quick question", "one more thing", "got a sec?",
 * "question for you"): said after a greeting, the message is still only a greeting. Kept as data; "one more",
 * "last one" are not among them (after thanks they ask for a result: "thanks, last one").
 */
const ANNOUNCING_WORD = String.raw`(?:(?:a\s+)?quick\s+(?:one|q|question|request|thing|favou?r)(?:\s+for\s+(?:you|u|ya))?|(?:one\s+)?more\s+thing|another\s+thing|(?:one\s+)?(?:last|final)\s+thing|random\s+(?:one|q)|(?:it'?s\s+)?me\s+again|(?:a\s+)?question\s+for\s+(?:you|u|ya)|(?:i\s+)?(?:have|got|'ve\s+got)\s+a\s+(?:quick\s+|small\s+)?(?:question|q)(?:\s+for\s+(?:you|u|ya))?|(?:(?:you|u|ya)\s+)?got\s+a\s+(?:sec|second|min|minute|moment))`;
const ANNOUNCING_LINE = new RegExp(`^${ANNOUNCING_WORD}$`, 'i');
/**
 * Chat that opens a message on a line of its own and asks nothing ("ok so long story short", "quick
 * one", "one more thing", "btw"): the request is on the lines after it. Kept as data.
 */
const LEAD_IN_WORD = String.raw`(?:ok|okay|so|right|well|um+|uh+|hm+|anyway|anyways|also|and|oh|ah+|btw|by\s+the\s+way|fyi|ps|p\.s|lol|haha+|yeah|alright|sorry(?:\s+to\s+(?:bother|bug|disturb|trouble)(?:\s+(?:you|u))?)?|${ANNOUNCING_WORD}|one\s+more|another\s+one|(?:one\s+)?(?:last|final)\s+one|long\s+story\s+short|heads\s+up|here\s+goes|so\s+yeah)`;
const LEAD_IN_LINE = new RegExp(String.raw`^${LEAD_IN_WORD}(?:\s+${LEAD_IN_WORD})*$`, 'i');

/** True for a line of chat that only leads in to a request on the next lines ("ok so long story short"). */
export function isLeadInLine(line: string): boolean {
  const text = line
    .replace(EMOJI_AND_SYMBOLS, ' ')
    .replace(/[!.,?~:;)(—–-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 0 && text.length <= 60 && LEAD_IN_LINE.test(text);
}

/** "hello from the london office", "greetings from Lagos": a greeting and where it comes from (a short line). */
const GREETING_FROM =
  /^(?:hi+|hel+o+|he+y+|hiya|howdy|greetings|g'?day|(?:good\s+)?(?:morning|afternoon|evening))(?:\s+(?:all|everyone|folks|team))?\s+from\s+(?!.*\b(?:pls|please|plz|can|could|need|want|open|search|find|show|get|create|add|update)\b)(?:(?:the|sunny|rainy|snowy)\s+)?[\p{L}&'-]+(?:\s+[\p{L}&'-]+){0,2}$/iu;

/** True for a message that is only a greeting, thanks or acknowledgement ("hi!", "thanks a lot 🙏"). */
export function isGreeting(line: string): boolean {
  const text = line
    .replace(EMOJI_AND_SYMBOLS, ' ')
    .replace(/[!.,?¡¿~:;)(-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (isGreetingRun(text)) return true;
  if (
    text.length <= 60 &&
    GREETING_FROM.test(text) &&
    !/\bfrom\s+(?:the\s+)?(?:bot|you|confluence|wiki)\b/i.test(text)
  )
    return true;
  // "good morning, hope you're well!", "hiya, happy friday!": each part a greeting or small talk.
  const parts = line
    .replace(EMOJI_AND_SYMBOLS, ' ')
    .split(/[!.,?;:…]+/)
    .map((part) =>
      part
        .replace(/[~)(-]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part.length > 0);
  // "hi how are u doing", "hey hope you're well": a greeting, then small talk without a comma, in one
  // part only ("hi, hope you are well. search for X" has a request after it).
  if (parts.length === 1) return greetingThenSmallTalk(parts[0]!) || isSmallTalkAlone(parts[0]!);
  return (
    parts.length <= 6 &&
    parts.every(
      (part) =>
        isGreetingRun(part) ||
        SMALL_TALK.test(part) ||
        greetingThenSmallTalk(part) ||
        ANNOUNCING_LINE.test(part),
    ) &&
    parts.some((part) => isGreetingRun(part) || greetingThenSmallTalk(part))
  );
}

/** Whoever small talk is said to, after it ("happy friday bot", "how's your day going mate"). */
const SMALL_TALK_ADDRESSEE = new RegExp(String.raw`\s+(?:bot|team|all|everyone|folks|${VOCATIVE})$`, 'i');

/**
 * Small talk with no greeting word before it ("hope you're having a good day", "how's your day going",
 * "happy friday bot"): a greeting too. Two words at least: "right" or "eh" alone says nothing.
 */
function isSmallTalkAlone(part: string): boolean {
  const talk = part.replace(SMALL_TALK_ADDRESSEE, '');
  return /\s/.test(talk) && SMALL_TALK.test(talk);
}

/**
 * Gestures that thank, agree or wave when sent on their own ("🙏", "👍👍", "🙌 ❤️"); kept as data. Faces
 * ("🙂🙂") and other symbols alone ("...?!", "🤷") say nothing the bot can take as thanks.
 */
const THANKS_EMOJI = new Set(['🙏', '👍', '👌', '🙌', '👏', '💯', '❤', '♥', '✅', '✔', '👋', '🤝']);
/** Skin tones, joiners and variation selectors that ride on an emoji. */
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu;

/** The same gestures as Slack and Teams shortcodes (":wave:", ":+1::skin-tone-3:"), read as one mark each. */
const THANKS_SHORTCODE =
  /:(?:wave|pray|\+1|thumbsup|raised_hands|clap|ok_hand|handshake|thank_you|thanks|heart):(?::skin-tone-\d:)?/g;

/** Most marks a thanks made of emoji has; the longest such line fits in a few hundred characters. */
const MAX_THANKS_MARKS = 8;
const MAX_THANKS_LINE = 300;

/**
 * True for a message of thanks or approval emoji only ("🙏", "👍🏽 👍🏽", ":wave:"). Every line is asked
 * first, so a long line is refused before any copy is made of it.
 */
export function isThanksEmoji(line: string): boolean {
  if (line.length > MAX_THANKS_LINE) return false;
  const marks = [
    ...line
      .replace(THANKS_SHORTCODE, '👍')
      .replace(EMOJI_MODIFIERS, '')
      .replace(/[\s!.]+/g, ''),
  ];
  return (
    marks.length > 0 && marks.length <= MAX_THANKS_MARKS && marks.every((mark) => THANKS_EMOJI.has(mark))
  );
}

/** "hi how are u doing", "hey hope you're well", "hi quick question": a greeting word, then small talk or a request announced, with no break. */
function greetingThenSmallTalk(part: string): boolean {
  const lead = part.length <= MAX_GREETING_LEAD ? GREETING_LEAD.exec(part) : null;
  if (lead === null) return false;
  const rest = part.slice(lead[0].length);
  return SMALL_TALK.test(rest) || ANNOUNCING_LINE.test(rest);
}

/** The bot, as people name it when asking what it can do ("you", "this bot", "the assistant"). */
const BOT = String.raw`(?:you|u|ya|(?:this|the)\s+(?:confluence\s+)?(?:bot|assistant)|this\s+thing|it)`;

const TOPIC_WORDS: readonly [RegExp, HelpTopic][] = [
  [/^(?:search|searching|find|finding|look|lookup)/i, 'search'],
  [/^(?:get|getting|open|opening|show|read|reading|view|pages?$)/i, 'get'],
  // "write it so you get it": the request written, no page made.
  [
    /^(?:create|creating|new|make|making|write(?!\s+(?:it|that|this|them|my|requests?|questions?)\b)|add)/i,
    'create',
  ],
  [/^(?:put|insert)/i, 'update'],
  [/^(?:update|updating|edit|editing|append|replace|rename|change)/i, 'update'],
  [/^(?:approv|confirm|reject)/i, 'approvals'],
  [/^(?:question|ask|answer)/i, 'questions'],
  [/^(?:admin|confluence|polic|space|connect|setup|set\s+up|audit|config)/i, 'admin'],
];

/**
 * "add something to a page", "put a line on an existing page", "add bullet points": adding to a page there
 * already, or adding a piece of content, is an update.
 */
const ADD_TO_PAGE =
  /^(?:add|put|write|append|insert)\b.{0,40}\s(?:to|on|onto|into|in)\s+(?:an?|the|my|our|existing|some)\s+(?:existing\s+)?(?:page|doc)|^(?:add|put|append|insert)\s+(?:an?\s+|some\s+|the\s+|more\s+)?(?:text|lines?|bullets?|bullet\s+points|tables?|sections?|paragraphs?|sentences?|notes?|comments?|links?|headings?|images?|content)\b/i;

function topicOf(words: string | undefined): HelpTopic | undefined {
  if (!words) return undefined;
  // "get you to make a page": what the bot is got to do is the topic.
  const cleaned = words
    .replace(HELP_TOPIC_LEAD, '')
    .replace(/^(?:(?:me|with|on|about|for|the|to|an|a|using|how\s+to)\b|\s)+/i, '')
    .replace(
      /^(?:(?:get|ask|have|make)\s+(?:you|u|the\s+bot|it)\s+(?:to\s+)?|make\s+sure\s+(?:that\s+)?(?:you|u|the\s+bot|it)\s+(?:will\s+|can\s+)?)(?=\S)/i,
      '',
    )
    // "get a new page created": what is got done is the topic.
    .replace(/^get\s+(?:\S+\s+){0,4}?(created|updated|edited|changed|renamed|approved)\b.*$/i, '$1')
    .trim();
  if (ADD_TO_PAGE.test(cleaned)) return 'update';
  return TOPIC_WORDS.find(([pattern]) => pattern.test(cleaned))?.[1];
}

const HELP = new RegExp(
  String.raw`^(?:help|\?|h|commands?|what\s+all\s+(?:things\s+|stuff\s+)?(?:can\s+(?:you|u|i|we)|(?:you|u|i|we)\s+can)\s+do|usage|menu|options|instructions|man|list\s+(?:of\s+)?commands|show\s+(?:me\s+)?(?:the\s+)?(?:help|commands|options)|what\s+(?:can|could|do)\s+(?:${BOT}|i)\s+(?:(?:even|actually|exactly|just)\s+)?(?:do|ask|say|type|help\s+(?:me\s+|us\s+)?with)(?:\s+here|\s+with\s+you)?|(?:can\s+(?:you|u)\s+)?(?:explain|tell\s+me)\s+what\s+(?:${BOT})\s+(?:can\s+)?do|what\s+(?:are|r)\s+(?:you|u)\s+(?:able\s+to(?:\s+(?:do|help(?:\s+(?:me|us))?\s+with))?|good\s+for|for|capable\s+of)|what\s+(?:are\s+)?(?:my|the)\s+options|(?:what|which)\s+(?:commands|functions|features|capabilities)\s+(?:do\s+(?:you|u)\s+(?:support|have|know|understand|take|offer)|work(?:\s+here)?|are\s+(?:there|available)|can\s+i\s+use)|is\s+there\s+(?:a|any)\s+(?:manual|tutorial|user\s+guide|help\s+page)|(?:i\s+)?(?:don'?t|do\s+not|dont)\s+(?:know|get|understand|see)\s+how\s+to\s+use\s+(?:${BOT}|this)|where\s+(?:do|should|can)\s+i\s+(?:start|begin)|how\s+(?:do|can)\s+i\s+(?:talk|speak)\s+to\s+${BOT}|what\s+should\s+i\s+(?:type|say|write|ask)|(?:(?:show|give)\s+(?:me\s+)?(?:some\s+)?)?examples|what(?:'s|s|\s+is)\s+possible|getting\s+started|any\s+tips\s+(?:on|for)\s+using\s+${BOT}|what\s+are\s+(?:your|the)\s+(?:commands|options|features)|what\s+commands\s+(?:are\s+there|do\s+you\s+(?:have|know|understand)|can\s+i\s+(?:use|type))|how\s+(?:(?:do|can|should)\s+(?:i|we)|to|(?:i|we)\s+(?:can|should))\s+use\s+(?:${BOT}|this)|how\s+(?:does|do)\s+(?:${BOT}|this)\s+work|what\s+(?:kind|sort)s?\s+of\s+(?:things|stuff|questions|requests|commands)\s+(?:can|do)\s+(?:i|${BOT})\s+(?:ask|do|say|type|help\s+with|understand|handle|support|take|accept)(?:\s+(?:you|u))?|what(?:'s|s|\s+is|\s+are)\s+the\s+(?:(?:right|correct|proper|best|exact)\s+)?(?:syntax|format|command|magic\s+words?|keywords?|phrase)\s+(?:for|to)|what\s+(?:did|am|do|have)\s+i\s+(?:do|doing|done)\s+wrong|who\s+are\s+you|what\s+are\s+you|wetin\s+(?:you|u)\s+(?:fit|dey|go\s+fit)\s+do|what(?:'s|s|\s+is)\s+this(?:\s+(?:bot|thing))?|what(?:'s|s|\s+is)\s+(?:your|ur)\s+(?:purpose|job|role|function|deal)|what\s+do\s+(?:you|u)\s+(?:know|support|offer|handle))\b(?:[\s,:]+(.*))?$`,
  'i',
);
/** "how do I search?", "how I can search?" (non-native): how to use one command, nothing after the verb. */
const HOW_TO_VERB =
  /^how\s+(?:(?:do|can|should)\s+(?:i|we)|(?:does|can|could|would|should)\s+one|(?:i|we)\s+(?:can|could|should|do)(?:\s+(?:do\s+)?for)?|to)\s+(search|find\s+(?:things|stuff|pages)|get|open|create|make|update|edit|append|rename|approve)(?:\s+(?:something|things|stuff|here))?[\s?!.]*$/i;
const HOW_TO_USE =
  /^how\s+(?:(?:do|can|should)\s+(?:i|we)|(?:does|can|could|would|should)\s+one|(?:i|we)\s+(?:can|could|should|do)(?:\s+(?:do\s+)?for)?|to)\s+(search|find|look\s+up|get|open|view|read|create|make|add|put|insert|write|update|edit|change|append|rename|approve)\b(.*)\b(pages?|bot|you|here|this|confluence|approvals?|requests?|(?:an?|one|any|particular|specific|certain|given|different|another|other|which)\s+spaces?)\b/i;

/** "how do I approve …", "how to reject …": how a decision on a request is made (read with the queue's words). */
const HOW_TO_DECIDE =
  /^how\s+(?:(?:do|can|should|would)\s+(?:i|we|one)|(?:i|we)\s+(?:can|should|do)|to)\s+(?:approve|reject|decline|deny|sign\s+off)\b/i;

/** "how do approvals work?": how one of the bot's features works. */
const HOW_IT_WORKS =
  /^how\s+(?:do|does)\s+(?:the\s+|your\s+)?(approvals?|search(?:ing)?|creating(?:\s+(?:a\s+)?pages?)?|page\s+creation|updates?|updating(?:\s+(?:a\s+)?pages?)?|edits?|editing(?:\s+(?:a\s+)?pages?)?)(?:\s+(?:thing|feature|flow|bit))?\s+work\b/i;

/** Help asked as a question ("what can you do …", "who are you …"): what follows must still be about the bot. */
const ASKED_ABOUT_BOT =
  /^(?:what|who|how|can|explain|tell|which|is|where|show|give|examples|getting|any|i|don'?t|dont|do)\b/i;
/** What may follow such a question and keep it about the bot ("… for me", "… here", "… with you"). */
const BOT_TAIL =
  /^(?:(?:for|to)\s+(?:me|us)|you|u|here|exactly|then|now|today|again|anyway|instead|(?:with|to|in)\s+(?:you|u|this|it|here|this\s+(?:chat|channel|bot)))?[\s?!.]*$/i;

/**
 * "can you create pages?", "can you do searches?", "is it possible to create a page here?", "does this
 * bot support editing?", "do you create pages as well?", "can you make pages also?", "can you answer questions?",
 * "can you answer HR questions?": whether the bot can do one of
 * its commands, nothing more named.
 */
const ABILITY_ASKED =
  /^(?:(?:can|could)\s+(?:you|u|this\s+(?:bot|thing)|the\s+bot|i|we)|is\s+it\s+possible\s+to|(?:does|do|will)\s+(?:this\s+(?:bot|thing)|the\s+bot|you|u)(?:\s+(?:support|allow|handle|do))?)\s+(?:(?:actually|also|even|really|really\s+also)\s+)?(search(?:ing)?|do\s+searches|find\s+(?:pages|things|stuff)|open(?:ing)?\s+pages|creat(?:e|ing)|mak(?:e|ing)|writ(?:e|ing)|updat(?:e|ing)|edit(?:ing)?|approv(?:e|ing)|answer(?:ing)?\s+(?:[a-z&-]+\s+){0,2}questions)(?:\s+(?:(?:a|an|some|any|new|confluence|wiki|existing)\s+){0,2}(?:pages?|docs?|things|stuff|for\s+me|confluence|the\s+wiki|wiki))?(?:\s+for\s+(?:me|us))?(?:\s+(?:here|too|also|as\s+well|(?:from|in|on|via|through)\s+(?:here|(?:ms\s+)?teams|slack|(?:this|the)\s+(?:chat|channel|app))|(?:with|through|via)\s+(?:you|u|this|it|the\s+bot)))?(?:,?\s+or\s+(?:(?:only|just)\s+)?(?:search|find|open|read|view|see|create|make|write|update|edit|change|approve)(?:\s+(?:them|it|pages?|docs?|things|stuff))?)?[\s?!.]*$/i;

/** "guide me", "teach me how to use this", "show us around": asked to be shown the bot, nothing else named. */
const GUIDE_ASKED = new RegExp(
  String.raw`^(?:guide|teach|show)\s+(?:me|us)(?:\s+(?:on\s+)?how\s+to\s+use\s+(?:${BOT}|this)|\s+around)?[\s?!.]*$`,
  'i',
);

/**
 * "teach me how to search", "guide me how to create page", "show us how to edit a page here": asked to
 * be shown how one of the bot's commands is used; what follows is read as "how to …" (so "show me how
 * to set up the VPN" stays a question for the knowledge base).
 */
const GUIDE_HOW =
  /^(?:guide|teach|show|tell|explain\s+to|walk)\s+(?:me|us)\s+(?:on\s+|about\s+|through\s+)?(?=how\s+(?:to|do|can|i|we)\b)/i;

/**
 * "can I ask you questions?", "may I ask u things about company policy?": whether the bot answers
 * questions, with at most a few words of what about.
 */
const QUESTIONS_ASKED =
  /^(?:can|could|may)\s+(?:i|we)\s+ask\s+(?:you|u|ya|this\s+bot|the\s+bot)\s+(?:a\s+|some\s+|any\s+)?(?:questions?|things|stuff)(?:\s+(?:about|on|regarding)\s+[\p{L}'’-]{1,24}(?:\s+[\p{L}'’-]{1,24}){0,3})?(?:\s+here)?[\s?!.]*$/iu;

/** Chat words and greetings before a question, each with the break after it ("hey, quick q - ", "so wait "). */
const CHAT_BEFORE_ASKING = new RegExp(
  String.raw`^(?:(?:${LEAD_IN_WORD}|wait|hey+|hi+|hello|hiya|yo)(?:\s*[,:;!.–—-]+\s*|\s+))+`,
  'i',
);

/** Help on the command a "can you …?" asks about, or `undefined`. */
export function abilityAsked(line: string): { topic?: HelpTopic } | undefined {
  // "hey, quick q - can you edit pages?", "so wait, can u search?": chat before the question asks nothing.
  const text = line.trim().replace(CHAT_BEFORE_ASKING, '');
  if (QUESTIONS_ASKED.test(text)) return { topic: 'questions' };
  const asked = ABILITY_ASKED.exec(text);
  if (!asked) return undefined;
  const topic = topicOf(asked[1]!.replace(/^do\s+/i, ''));
  return topic ? { topic } : {};
}

/** Things named with "help" ("help desk", "helpline", "help centre"): a topic, not a request for help. Kept as data. */
const HELP_NOUN =
  /^help\s*-?\s*(?:desk|desks|center|centre|line|lines|portal|ticket|tickets|article|articles)\b/i;

/**
 * A command's name, then a word asking how it is used ("search help?", "create syntax", "approvals
 * usage"): help on that command. "search for help" and "search help desk" still search.
 */
const COMMAND_THEN_HELP =
  /^(search|find|open|get|create|update|edit|append|rename|approvals?|approve)\s+(?:help|usage|syntax)[\s?!.]*$/i;

/** `help` with an optional topic for help requests ("help create", "what can you do?"); else `undefined`. */
export function matchHelp(line: string): { topic?: HelpTopic } | undefined {
  // "how to approve the pending request sir": whoever is addressed at the end is no part of the request.
  const core = line.length <= MAX_GREETING ? line.replace(TRAILING_VOCATIVE, '') : line;
  // "help desk", "helpline hours": a thing called help, not help with the bot.
  if (HELP_NOUN.test(core)) return undefined;
  const named = COMMAND_THEN_HELP.exec(core);
  if (named) {
    const topic = topicOf(named[1]);
    return topic ? { topic } : {};
  }
  const help = HELP.exec(core);
  if (help) {
    const topic = topicOf(help[1]);
    // "what can I do if my laptop breaks?", "who are you supposed to call …": a question, not about the bot.
    if (!topic && help[1] && ASKED_ABOUT_BOT.test(core) && !BOT_TAIL.test(help[1])) return undefined;
    return topic ? { topic } : {};
  }
  const works = HOW_IT_WORKS.exec(core);
  if (works) {
    const topic = topicOf(works[1]);
    return topic ? { topic } : {};
  }
  const verbOnly = HOW_TO_VERB.exec(core);
  if (verbOnly) {
    const topic = topicOf(verbOnly[1]);
    return topic ? { topic } : {};
  }
  // "how do I approve something as an approver?", "how to reject a request": how approving works, not the list.
  if (HOW_TO_DECIDE.test(core) && isAboutApprovalQueue(core)) return { topic: 'approvals' };
  const howTo = HOW_TO_USE.exec(core);
  // "how do I get my holiday request approved?": a word between that names something is a question.
  // "how do I add someone to a space?": a person added is Confluence's permissions, not the bot's commands.
  if (howTo && core.split(/\s+/).length <= 12 && isBotTalk(howTo[2]!) && !isPersonAdded(core)) {
    // "how do I add something to a page?": what follows the verb tells adding to a page from creating one;
    // "how do I get you to append text?": what the bot is got to do, after "you".
    const fromVerb = core.slice(howTo[0].length - howTo[1]!.length - howTo[2]!.length - howTo[3]!.length);
    const topic = topicOf(`${fromVerb} page`);
    return topic ? { topic } : {};
  }
  if (GUIDE_ASKED.test(core) && !/^show\s+(?:me|us)[\s?!.]*$/i.test(core)) return {};
  const guided = GUIDE_HOW.exec(core);
  if (guided) return matchHelp(core.slice(guided[0].length));
  // Asked in other words ("I don't understand how to use this thing", "list your commands"): read by its vocabulary.
  return helpAboutTheBot(core);
}

const APPROVALS_COMMAND =
  /^(?:(?:show|list|view|see|get|check|open|any)\s+(?:me\s+)?)?(?:all\s+)?(?:of\s+)?(?:my|the|our)?\s*(?:pending|open|outstanding|waiting)?\s*(?:approvals?|approval\s+requests?|approval\s+queue|pending\s+requests?|requests?\s+(?:pending|waiting)|write\s+requests?)(?:\s+(?:pending|waiting|for\s+me|to\s+(?:approve|decide)|i\s+made|i\s+can\s+(?:approve|decide)))*$/i;
/** A write or create verb first: "needs approval" further on is the page's text, not a question. */
const WRITE_VERB_FIRST =
  /^(?:append|add|put|write|insert|mention|note|include|update|edit|change|replace|rename|create|make|in|on|to)\b/i;

/**
 * "who approves it?", "who has to sign off on that?": who the approver is, asked of the knowledge base
 * (the bot's own approvers are help's, read before this; "who approves my edits?" stays the user's queue).
 */
const WHO_APPROVES =
  /^(?:(?:and|so|ok|okay|then|also)[\s,]+)?who\s+(?:(?:will|would|should|can|must|has\s+to|have\s+to|needs?\s+to|is\s+going\s+to|gets\s+to)\s+)?(?:approves?|signs?\s*-?\s*off|oks?|okays?|decides?)\b(?!\s+(?:on\s+)?my\s+(?:edits?|changes?|requests?|updates?|writes?)\b)/i;

/** True for "approvals", "show my pending approvals", "anything to approve?". */
export function isApprovalsRequest(core: string): boolean {
  // "any approval requests for me boss": whoever is addressed at the end is no part of the request.
  const asked = core.length <= MAX_GREETING ? core.replace(TRAILING_VOCATIVE, '') : core;
  if (WHO_APPROVES.test(asked)) return false;
  if (APPROVALS_COMMAND.test(asked)) return true;
  // Asked in other words ("is my request still pending?", "anything for me to sign off?"): read by its vocabulary.
  return !WRITE_VERB_FIRST.test(asked) && isAboutApprovalQueue(asked);
}

/** Whoever is addressed at the end of a request ("…, mate", "… boss"). */
const TRAILING_VOCATIVE = new RegExp(String.raw`[\s,]+${VOCATIVE}[\s?!.]*$`, 'i');

const ENGLISH_QUESTION_START =
  /^(?:what|what's|whats|wat|wats|wht|waht|whta|hw|hwo|how(?!-)|how's|hows|who|who's|whos|whom|whose|when|when's|wen|whn|wehn|where|where's|wheres|wher|whr|whre|why|which|wich|whcih|is|are|am|was|were|do|does|did|can|could|should|shall|will|would|may|might|must|has|have|had|isn't|aren't|don't|doesn't|didn't|can't|won't|wasn't|show\s+(?:me\s+|us\s+)?(?:how|what|where|who|why|when|which)|tell\s+(?:me|us|the)|(?:let\s+(?:me|us)\s+know|lmk)\s+(?:the|about|abt|regarding)|(?:let\s+me\s+know|lmk|(?:i\s+)?(?:don'?t|dont|do\s+not)\s+know|(?:i\s+have\s+)?no\s+idea|(?:i'?m\s+|i\s+am\s+|im\s+)?not\s+sure)\s+(?:if|whether|when|what|how|who|where|why|which)|explain|describe|define|advi[sc]e\s+(?:me\s+|us\s+)?(?:on\s+)?(?:how|what|where|who|why|when|which|whether|if)|i\s+wonder|do\s+you\s+know|any\s+idea|anyone\s+know|does\s+anyone\s+know|remind\s+me|find\s+out|(?:i\s+)?(?:(?:want|need|would\s+like|'d\s+like)\s+to|wanna|wana|gotta)\s+(?:know|understand|learn|find\s+out)|(?:(?:i\s+|i'|i’)?(?:(?:want|wanted|need|would\s+like|'d\s+like|d\s+like)\s+to|wanna)\s+)?ask(?:\s+(?:you|u))?\s+(?:about|regarding|re|if|whether|how|what|who|when|where|why|which)|(?:i'?m\s+|i\s+am\s+|i\s+was\s+|just\s+)?wondering|i\s+have\s+(?:a\s+)?(?:quick\s+)?question|question(?=\s*:)|(?:the\s+)?same\s+(?:(?:question|q)\s+)?(?:but\s+)?(?:for|in|with)|what\s+about|how\s+about|(?:from|in|on|at|by|for|to|until|till|since|after|before|under)\s+(?:which|what|whom|whose|how\s+(?:many|much|long|often)))\b/i;
/** Question words a slip of the hand may open a question with ("wen do …", "wy is …", "ho many …"). */
const QUESTION_WORDS = ['what', 'when', 'where', 'who', 'why', 'how', 'which'] as const;
/** Words after a question word that show a question is being asked ("do", "is", "can", "many"). Kept as data. */
const QUESTION_SECOND_WORDS = new Set(
  'do does did is are was were can could should would will shall may might must has have had r many much long often'.split(
    ' ',
  ),
);
/** Longest first word looked at as a mistyped question word. */
const MAX_QUESTION_WORD = 6;

/**
 * "wen do performance reviews happen", "wy is the vpn slow", "ho many sick days do we get": a line that opens
 * with a question word typed one slip wrong, then a word that asks ("do", "is", "many"). The slip keeps the
 * first letter; a word of the same length that is an English word ("wait", "hoe") is meant as typed, but a
 * letter left out still reads as the question word ("wen" for "when"). One look at the first two words.
 */
function isMistypedQuestionStart(text: string): boolean {
  const [first, second] = text.toLowerCase().split(' ', 2);
  if (first === undefined || second === undefined || first.length > MAX_QUESTION_WORD) return false;
  if (!/^[a-z]{2,}$/.test(first) || !QUESTION_SECOND_WORDS.has(second)) return false;
  return QUESTION_WORDS.some(
    (word) =>
      word !== first &&
      word[0] === first[0] &&
      editDistance(first, word, 1) === 1 &&
      (first.length < word.length || !isEnglishWord(first)),
  );
}

const OTHER_QUESTION_START =
  /^(?:qu[ée]|c[óo]mo|cu[áa]l(?:es)?|cu[áa]ndo|d[óo]nde|qui[ée]n(?:es)?|por\s+qu[ée]|cu[áa]nt[oa]s?|warum|wieso|weshalb|wieviele?|pourquoi|combien|est-ce\s+que|perch[ée]|dove|o\s+que|onde|dlaczego|gdzie|varför|waarom)(?=\s|$)/iu;
const QUESTION_MARK_END = /[?？؟⸮]\s*$/u;
/**
 * "and for managers", "and in Berlin", "and if I'm part time": the question just asked, asked again for
 * someone or somewhere else (a short line). Case-sensitive, so "and in ENG" (a space's key) is no such question.
 */
const ASKED_AGAIN_FOR =
  /^(?:[Aa]nd|&)\s+(?:what\s+)?(?:if|for|in|at|during|with|without)\s+(?!~?[A-Z][A-Z0-9]{1,9}\b|possible\b|(?:you|u)\s+can\b)\S/;
const MAX_ASKED_AGAIN_WORDS = 8;

/**
 * True when a message reads as a question for the knowledge base: it ends with a question mark
 * (Latin, full-width or Arabic), starts with `¿`, or starts with an English question word or
 * "tell me"/"explain". Words in other languages count when the question mark is there.
 */
export function isQuestion(line: string): boolean {
  const text = line.replace(EMOJI_AND_SYMBOLS, ' ').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (text.startsWith('¿') || QUESTION_MARK_END.test(text)) return true;
  if (ENGLISH_QUESTION_START.test(text) && text.split(' ').length >= 2) return true;
  if (isMistypedQuestionStart(text)) return true;
  if (ASKED_AGAIN_FOR.test(text) && text.split(' ').length <= MAX_ASKED_AGAIN_WORDS) return true;
  return OTHER_QUESTION_START.test(text) && text.split(' ').length >= 3;
}
