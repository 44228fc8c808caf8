// Reading a turn clause by clause: what each part is about (our offer, or the
// buyer's world) and what it does (asks openly, leads, argues, wraps). The
// classifier turns these readings into features, so a pitch wrapped in value
// words still reads as a pitch ("to be honest, our X is..."), a rhetorical
// question that argues reads as pushback, and "we" or "but" alone change
// nothing. Everything here is plain rules over tokens: deterministic, fast, and
// each reading keeps the clause that fired it, so the rep sees why.
import { tokenize, withoutFillers } from '../text/normalize';
import type { OfferMatcher } from './offer';

export type ClauseAbout = 'offer' | 'buyer' | 'other';

export interface ClauseReading {
  /** The clause as the rep wrote it (lowercased, tidied). */
  readonly text: string;
  readonly about: ClauseAbout;
  /** Why it is about our offer, readable: "names the product", "our platform". */
  readonly offerWhy?: string;
  /** Only wrapper words ("to be honest", "no pressure", "I'm curious"). */
  readonly wrapper: boolean;
  /** Content words (not wrapper words, not function words). */
  readonly weight: number;
  readonly question: boolean;
}

export interface TurnReading {
  readonly clauses: readonly ClauseReading[];
  /** Feature name to the clause or words that fired it. */
  readonly signals: ReadonlyMap<string, string>;
}

/** Things a product is called. */
const PRODUCT_NOUN =
  'platform|platforms|tool|tools|product|products|solution|solutions|software|module|modules|app|apps|dashboard|dashboards|system|engine|feature|features|service|offering|suite|integration|integrations|api|agent|copilot|assistant|gateway|tier|release|edition|sensor|sensors|camera|cameras|box|device|devices|hub|portal|plugin|add on|analytics|technology|bot|scanner|tracker|board|console|license|licence|subscription|package|rollout|implementation|onboarding|support team|customer success team';
/** What a product does when a rep sells it. */
const PRODUCT_VERB =
  'lets|helps|gives|flags|sends|writes|does|handles|fixes|solves|takes|tracks|learns|merges|sweeps|automates|plugs|integrates|understands|covers|refills|tells|builds|correlates|catches|spots|predicts|cuts|saves|reads|replaces|connects|syncs|pulls|pushes|alerts|warns|schedules|routes|scores|runs|works|delivers|guarantees|removes|eliminates|turns|keeps|makes|shows|surfaces|finds|stops|prevents|reduces|doubles|pays|generates|updates|captures|was built|was designed|is built|is designed|is the|is an|is a|is basically|is way|is just|is really|would|will|can|could';

const OUR_THING = new RegExp(
  `\\b(our|my)( [a-z0-9-]+){0,3}? (${PRODUCT_NOUN}|customers|customer|clients|client|users|approach|company|companies|firm|methodology|method|team can|experts|results|learners|numbers|pricing|price|roadmap|release|partners|data shows)\\b`,
);
const WE_SELL =
  /\b(we|i) (make|makes|turn|give you|let you|let your|handle|take care of|cut|save|saved|sell|built|build|offer|provide|deliver|automate|integrate|guarantee|specialise|specialize|sell|developed|designed|created|launched|invented|have built|have developed|have a (platform|tool|product|module|solution)|are the (only|best|leading|first|fastest|easiest|cheapest)|were built|are built|can (automate|fix|solve|cut|save|double|triple|guarantee|plug|integrate|replace|take care of|handle|get you|give you|help you|help your)|help (teams|companies|firms|customers|clients|people|plants|hospitals|retailers|brands)|do (this|that|exactly this|it) (better|faster|cheaper|for)|replace|plug in|plug into|integrate with|flag|track|cover)\b/;
const WITH_US =
  /\b(with|switched to|switch to|partner with|work with|go with|moving to|signed with|came to|on|using|chose|picked|joined) us\b|\bwhat (we|our team|my team|my company) (does|do|did|built|offer|sell)\b|\babout us\b|\bus (apart|different)\b|\b(than|to|like|versus|vs|with) ours\b|\bours (is|does|has|was|will|would|can)\b/;
const HYPOTHETICAL_PRODUCT = new RegExp(
  `\\b(a|an|one|some|the right|a single|one single|a smarter|a better) ([a-z-]+ ){0,2}(${PRODUCT_NOUN}) (that|which|who|to|where|so)\\b`,
);
const THE_NAMED_PRODUCT =
  /\bthe (new )?[a-z]+( [a-z]+)? (module|engine|dashboard|tier|gateway|release|edition|suite|add on|plug in|cockpit|box|app|agent|copilot|assistant|sensors?|cameras?|scanner|checklist|portal|surveys?|connectors?) (is|does|gives|lets|handles|fixes|flags|sends|builds|can|will|would|was|has|takes|tracks|covers|learns|makes|shows|plans|sorts|runs|works|really)\b/;
const GENERIC_THE_PRODUCT =
  /\bthe (platform|product|tool|software|solution|module|dashboard|app|engine|suite|feature)\b/;
const IT_DOES =
  /\b(it|this|that) (integrates|plugs|syncs|automates|installs|deploys|connects|learns|alarms|updates itself|runs on|sits on top|works with|pulls from|flags|sends|writes|scores|routes|replaces)\b/;
const PRODUCT_VERB_RE = new RegExp(`^(${PRODUCT_VERB})\\b`);
/** An invented lowercase name opening a clause and doing what products do: "payharbour lets you...". */
const NAME_DOES =
  /^(?:(?:so|and|but|well|okay|ok|plus|also|then|now) )*([a-z][a-z0-9]{4,}) (lets|gives|sweeps|handles|automates|flags|sends|writes|plugs|integrates|syncs|tracks|predicts|learns|merges|pays|captures|alerts|warns|routes|catches|spots|solves|fixes|would solve|will solve|does all|is basically|is way|is an?|was built|was designed|is built)\b/;
const NOT_NAMES = new Set([
  'everyone',
  'everybody',
  'nobody',
  'someone',
  'somebody',
  'which',
  'there',
  'where',
  'their',
  'these',
  'those',
  'whoever',
  'nothing',
  'something',
  'anything',
  'everything',
  'finance',
  'procurement',
  'legal',
  'leadership',
  'management',
  'the board',
]);

/** Phrases that wrap a point without being one. Longest first. */
const WRAPPER_PHRASES = [
  'to be honest with you',
  'to be perfectly honest',
  'to be honest',
  'to be fair',
  'to be frank',
  'to be candid',
  'i will be honest',
  'i will be candid',
  'i will be straight with you',
  'being straight with you',
  'just being straight with you',
  'in all honesty',
  'in all humility',
  'honestly',
  'frankly',
  'candidly',
  'truthfully',
  'no pressure at all',
  'no pressure',
  'no hard sell',
  'not to sell you anything',
  'not trying to sell you anything',
  'i am not here to sell',
  'i am not here to pitch',
  'not to pitch',
  'if it is a fit',
  'if it is a good fit',
  'if it makes sense',
  'if it makes sense for you',
  'just a thought',
  'just curious',
  'i am curious',
  'i am just curious',
  'out of curiosity',
  'curious',
  'i wonder',
  'i was wondering',
  'i am wondering',
  'for what it is worth',
  'if you do not mind me saying',
  'if you do not mind me asking',
  'stop me if this is daft',
  'quick question',
  'i suppose',
  'i would say',
  'i think',
  'i guess',
  'i mean',
  'with respect',
  'respectfully',
  'and',
  'but',
  'so',
  'well',
  'look',
  'listen',
  'okay',
  'ok',
  'sure',
  'yeah',
  'right',
  'really',
  'just',
  'though',
  'actually',
];
const WRAPPERS_RE = new RegExp(
  `\\b(${WRAPPER_PHRASES.sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);
/** Framings that launder a point: surprise, imagination, curiosity, honesty. */
const LAUNDER =
  /\b(to be (honest|fair|frank|candid)|honestly|frankly|candidly|no pressure|not to sell|not trying to sell|not here to (sell|pitch)|if it is a (good )?fit|i am curious|curious|out of curiosity|i wonder|imagine|picture this|what if|what would change if|how would you feel about|surprised|would be amazed|you would be surprised|most people do not realise|most people do not realize|a lot of (teams|people|companies|customers|leaders) (are|were|find)|in all humility|for what it is worth|just a thought)\b/;

/** Leading or rhetorical questions that argue with the buyer. */
const RHETORICAL =
  /\b(what makes you (so )?(sure|certain|think)|how can you (be sure|say|know)|how do you know|are you (really|sure|seriously|honestly)|do you (really|honestly) (think|believe|want)|you really think|why would you (wait|stick|keep|risk|settle|accept|not)|why not|why wait|how can you|surely|come on|what if you are wrong|does not it strike you|does that not (strike|worry|concern) you|is that really|is it really|can you (really )?afford|you are (okay|ok|fine|happy|comfortable) with|so you are (okay|ok|fine|happy|comfortable) with|is not that (what|how|exactly|just|the same)|is not that|are not you|do not you think|do not you (want|worry|see|agree)|would not you (agree|say|want)|would not it be|would not your|would not they|is not it (time|risky|worth)|what is the (risk|harm|downside) (to|in|of) (try|trying)|what have you got to lose|what do you have to lose)\b/;
/** Agreeing first, then contradicting: "I hear you, but...", "fair enough, but...". */
const YES_BUT =
  /\b(i hear you|i get (that|it)|fair enough|i appreciate (that|it)|i understand|i know|okay|sure|yes|yeah|totally|i see|that is fair|got it|makes sense)\b[^.?!]{0,60}?\bbut\b/;
/** Statements that contradict or overrule the buyer. */
const CONTRADICT =
  /\b(i would bet|i bet|i would argue|i would disagree|i disagree|i would (really )?encourage you|let us be real|be real|should not be (the|an) issue|would not be so quick|rarely holds up|heard that (one )?before|overestimat\w*|underestimat\w*|what if you are wrong|you just watch|(way|far) too late|too late|can not handle|can not keep|you can not|you do not need [^.?!]*you need|not really working|is not realistic|is not true|not true|outdated|misconception|that is not how|that is exactly why|which is exactly|you are wrong|you would be surprised|i would not count on|i would not write off|are trying to get out|pays for itself|no brainer|you will regret|regret it|left behind|if [^.?!]{3,40} so good,? why|why are [^.?!]* (going up|still)|does not mean it is)\b/;

/** A closing tag that turns a statement into a leading question. */
const TAG =
  /(,| )(right|no|is not it|does not it|would not it|are not they|do not you think|correct|yeah|agreed|true)\s*\?\s*$/;
const NEG_AUX_OPEN =
  /^(is not|are not|was not|were not|does not|do not|did not|would not|will not|can not|could not|should not|have not|has not|would not you|would not it)\b/;

/** The buyer's world: their people, numbers, plans and problems. */
const BUYER =
  /\b(you|your|yours|you are|your team|your reps|your people|your board|your customers|your plan|they|their)\b/;

const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if so of to in on at by for with from as is are was were be been being am do does ' +
    'did have has had i you we they he she it me us them my your our their its this that these those there ' +
    'here what which who when where why how not no can could would should will may might must just about ' +
    'into than then too very really also any some all more most much many such only'
  ).split(' '),
);

const CONNECTIVES_BEFORE = new Set([
  'we',
  'our',
  'i',
  'you',
  'your',
  'it',
  'they',
  'that',
  'this',
  'then',
  'what',
  'how',
  'if',
]);

/** Splits cleaned tokens into sentences and clauses. */
export function splitClauses(
  raw: string,
): { tokens: string[]; question: boolean; sentence: number }[] {
  const prepared = raw.replace(/\s[-\u2013\u2014]+\s|\s--\s|[;:]/g, ' , ').replace(/\s+/g, ' ');
  const tokens = withoutFillers(tokenize(prepared)).tokens;
  const out: { tokens: string[]; question: boolean; sentence: number }[] = [];
  let sentence: string[][] = [[]];
  let index = 0;
  const flush = (question: boolean) => {
    for (const clause of sentence)
      if (clause.length > 0) out.push({ tokens: clause, question, sentence: index });
    sentence = [[]];
    index++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const current = sentence[sentence.length - 1] as string[];
    if (t === '.' || t === '!' || t === '?') {
      flush(t === '?');
      continue;
    }
    if (t === ',' || t === '$' || t === '%') {
      if (t === ',') sentence.push([]);
      else current.push(t);
      continue;
    }
    const next = tokens[i + 1] ?? '';
    if (
      current.length > 0 &&
      (t === 'but' ||
        t === 'because' ||
        t === 'cause' ||
        ((t === 'and' || t === 'so') && CONNECTIVES_BEFORE.has(next)))
    ) {
      sentence.push([t]);
      continue;
    }
    current.push(t);
  }
  flush(/\?\s*$/.test(raw.trim()));
  return out;
}

/** Capitalised words in the raw text that look like product names ("DocuVault", "the Atlas module"). */
function namesIn(raw: string, camel: Set<string>, premise: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const m of raw.matchAll(/\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+(?:IQ|AI|X|OS|HQ)\b/g))
    camel.add(m[0].toLowerCase());
  const productNoun = new RegExp(`^(${PRODUCT_NOUN})\\b`, 'i');
  for (const m of raw.matchAll(/(?<![.?!]\s|^)\b([A-Z][a-z]+)\s+([A-Za-z]+)/g)) {
    const word = m[1] as string;
    const after = m[2] as string;
    if (productNoun.test(after) || /^[A-Z]{2,5}$/.test(after)) names.add(word.toLowerCase());
  }
  // A capitalised name the buyer is asked to picture having: "if your reps had Signalwise".
  for (const m of raw.matchAll(/\b(?:had|got|adopted|once|imagine|picture)\s+([A-Z][a-z]{3,})\b/g))
    premise.add((m[1] as string).toLowerCase());
  return names;
}

function reading(
  tokens: string[],
  question: boolean,
  names: ReadonlySet<string>,
  camel: ReadonlySet<string>,
  offer: OfferMatcher | undefined,
): ClauseReading {
  const text = tokens.join(' ');
  const padded = ` ${text} `;
  let offerWhy: string | undefined;
  const nameHit = (set: Iterable<string>): string | undefined => {
    for (const n of set) if (padded.includes(` ${n} `)) return n;
    return undefined;
  };
  const scenarioName = offer ? nameHit(offer.names) : undefined;
  const scenarioWord = offer?.phrases.find((p) => padded.includes(` ${p} `));
  const m1 = OUR_THING.exec(text);
  const m2 = WE_SELL.exec(text) ?? WITH_US.exec(text);
  const m3 = HYPOTHETICAL_PRODUCT.exec(text);
  const m4 = IT_DOES.exec(text) ?? THE_NAMED_PRODUCT.exec(text);
  if (scenarioName) offerWhy = `names the product ("${scenarioName}")`;
  else if (m1) offerWhy = `"${m1[0]}"`;
  else if (m2) offerWhy = `"${m2[0]}"`;
  else {
    // A name used as the subject of what a product does: "ShipSense sends", "with CultureKiln".
    for (const n of names) {
      const at = padded.indexOf(` ${n} `);
      if (at < 0) continue;
      const before = padded.slice(0, at).trim().split(' ').pop() ?? '';
      const after = padded.slice(at + n.length + 2);
      if (
        PRODUCT_VERB_RE.test(after) ||
        new RegExp(`^(${PRODUCT_NOUN})\\b`).test(after) ||
        ['with', 'once', 'since', 'using', 'on', 'from', 'the', 'what', 'about', 'like'].includes(
          before,
        )
      ) {
        offerWhy = `names a product ("${n}")`;
        break;
      }
    }
    if (!offerWhy)
      for (const n of camel)
        if (camel.has(n) && padded.includes(` ${n} `)) {
          offerWhy = `names a product ("${n}")`;
          break;
        }
    const named = NAME_DOES.exec(text);
    if (!offerWhy && named && !NOT_NAMES.has(named[1] as string))
      offerWhy = `names a product ("${named[1]} ${named[2]}")`;
    if (!offerWhy && m3) offerWhy = `a product premise ("${m3[0]}")`;
    else if (!offerWhy && scenarioWord) offerWhy = `a feature of the offer ("${scenarioWord}")`;
    else if (!offerWhy && m4) offerWhy = `"${m4[0]}"`;
  }
  const stripped = text.replace(WRAPPERS_RE, ' ').replace(/\s+/g, ' ').trim();
  const content = stripped.split(' ').filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
  const wrapper = content.length === 0 || (content.length <= 1 && tokens.length <= 4);
  const about: ClauseAbout = offerWhy ? 'offer' : BUYER.test(text) ? 'buyer' : 'other';
  return {
    text,
    about: wrapper && !offerWhy ? 'other' : about,
    ...(offerWhy ? { offerWhy } : {}),
    wrapper: wrapper && !offerWhy,
    weight: Math.max(content.length, 1),
    question,
  };
}

/** Reads a whole turn: each clause, and the turn-level signals the classifier uses. */
export function readTurn(raw: string, offer?: OfferMatcher): TurnReading {
  const camel = new Set<string>();
  const names = namesIn(raw, camel, camel);
  for (const n of camel) names.add(n);
  const parts = splitClauses(raw);
  const clauses = parts.map((p) => reading(p.tokens, p.question, names, camel, offer));
  const signals = new Map<string, string>();
  const set = (name: string, why: string) => {
    if (!signals.has(name)) signals.set(name, why);
  };
  const whole = clauses.map((c) => c.text).join(' , ');
  const substantive = clauses.filter((c) => !c.wrapper);
  const total = substantive.reduce((s, c) => s + c.weight, 0) || 1;
  const offerClauses = substantive.filter((c) => c.about === 'offer');
  const offerWeight = offerClauses.reduce((s, c) => s + c.weight, 0);
  const firstOffer = offerClauses[0];

  if (firstOffer) {
    const why = `${firstOffer.offerWhy}: "${firstOffer.text}"`;
    set('about:offer', why);
    if (offerWeight / total >= 0.5) set('about:offer_main', why);
    if (offerWeight / total >= 0.99) set('about:offer_only', why);
    if (offerClauses.some((c) => c.question)) set('offer&question', why);
    if (LAUNDER.test(whole)) set('offer&wrapped', why);
    if (/\d|\b(percent|half|double|twice|triple|times)\b/.test(whole)) set('offer&figure', why);
    const last = substantive[substantive.length - 1];
    if (last && last.about === 'offer') set('offer&last', why);
    if (clauses.some((c) => c.about === 'buyer')) set('offer&buyer', why);
  } else {
    if (/\b(we|our|us)\b/.test(whole)) set('self&nooffer', 'says "we" without selling');
    if (clauses.some((c) => c.about === 'buyer')) set('about:buyer', "about the buyer's world");
  }
  if (substantive.length >= 1 && substantive.every((c) => c.about === 'buyer'))
    set('about:buyer_only', "every clause is about the buyer's world");

  const sentences = sentencesOf(parts);
  for (const s of sentences) {
    const text = s.text;
    const rhetorical = RHETORICAL.exec(text);
    if (rhetorical && (s.question || /^(why|what|how|surely|come on)/.test(text)))
      set('act:rhetorical', `a question that argues: "${text}"`);
    if (s.question && NEG_AUX_OPEN.test(text)) set('act:leading', `a leading question: "${text}"`);
    if (s.question && TAG.test(`${text} ?`)) set('act:tag', `a question tag: "${text}"`);
  }
  const yesBut = YES_BUT.exec(whole);
  if (yesBut) {
    const lastQuestion = clauses[clauses.length - 1]?.question ?? false;
    set(
      lastQuestion ? 'act:yes_but_question' : 'act:yes_but',
      `agrees, then contradicts: "${whole.slice(yesBut.index, yesBut.index + 80)}"`,
    );
  }
  const contra = CONTRADICT.exec(whole);
  if (contra) set('act:contradict', `contradicts the buyer ("${contra[0]}")`);
  if (signals.has('act:rhetorical') && firstOffer)
    set('rhetorical&offer', signals.get('about:offer') ?? '');
  if (signals.has('act:rhetorical') && !firstOffer)
    set('rhetorical&nooffer', signals.get('act:rhetorical') ?? '');
  if (signals.has('act:leading') && !firstOffer)
    set('leading&nooffer', signals.get('act:leading') ?? '');
  if (LAUNDER.test(whole) && !firstOffer) set('wrapped&nooffer', 'candid framing, no offer in it');
  const wrap = clauses.find((c) => c.wrapper);
  if (wrap) set('has:wrapper', `a framing clause ("${wrap.text}")`);
  if (clauses.length >= 3) set('clauses:many', 'several clauses');
  const generic = GENERIC_THE_PRODUCT.exec(whole);
  if (generic && !firstOffer) set('about:the_product', `"${generic[0]}"`);
  return { clauses, signals };
}

/** Framings that open a line without being its point ("to be honest,", "imagine if"). */
const FRAMING = new RegExp(
  '^\\s*(?:' +
    [
      'to be (?:honest|fair|frank|candid|perfectly honest)(?: with you)?',
      '(?:honestly|frankly|candidly|truthfully|seriously)',
      'in all (?:honesty|humility)',
      'no (?:pressure|hard sell)(?: at all)?(?: here)?',
      "(?:i'?m )?not (?:trying )?to (?:sell|pitch) you anything(?: today)?",
      "if it'?s a (?:good )?fit",
      'if it makes sense(?: for you)?',
      "(?:i'?m |i am )?(?:just )?curious(?: how you'?d (?:feel about|see)(?: this)?)?",
      'out of curiosity',
      "i (?:was )?wonder(?:ing)?(?: how you'?d (?:feel about|see)(?: it)?)?(?: if)?",
      'imagine(?: if| that| for a second)?',
      'picture (?:this|it)',
      'what (?:would|could) (?:change|happen)(?: for you)? if',
      'how would you feel (?:about|if)(?: this)?',
      'how would it land(?: with [a-z ]+?)? if',
      'a lot of (?:teams|people|companies|leaders|customers) (?:are|were) surprised (?:how much|how|that|by how much|by how)',
      "you'?d be (?:surprised|amazed) (?:how (?:much|often)?|that)",
      "most people don'?t reali[sz]e(?: that)?",
      "wouldn'?t it be (?:worth knowing|nice|good|great) (?:that|if)",
      'just a thought',
      'quick question',
      'just being straight with you',
      "for what it'?s worth",
      "if you don'?t mind me (?:saying|asking)",
      '(?:and|but|so|well|look|okay|ok|um|uh)',
    ].join('|') +
    ')\\b[,:;.]?\\s*',
  'i',
);

/**
 * The core of a line with its opening framings removed: "To be honest, no
 * pressure, but our X is..." reads as "our X is...". Undefined when nothing was
 * removed or too little is left to read.
 */
export function coreOf(raw: string): string | undefined {
  let text = raw.trim();
  for (let i = 0; i < 6; i++) {
    const m = FRAMING.exec(text);
    if (!m || m[0].length === 0) break;
    text = text.slice(m[0].length);
  }
  if (text === raw.trim() || text.split(/\s+/).length < 3) return undefined;
  return text;
}

function sentencesOf(parts: readonly { tokens: string[]; question: boolean; sentence: number }[]) {
  const out: { text: string; question: boolean; sentence: number }[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev && prev.sentence === p.sentence) prev.text = `${prev.text} ${p.tokens.join(' ')}`;
    else out.push({ text: p.tokens.join(' '), question: p.question, sentence: p.sentence });
  }
  return out;
}
