// Features of one utterance for the behaviour classifier: words and word pairs,
// how the sentence opens, and cue families (self-reference, consequences, next
// steps...). Each feature keeps the words that fired it, so the classifier can
// explain itself with the rep's own words.
import { splitSentences, stem, tokenize, withoutFillers } from '../text/normalize';
import { readTurn } from './clauses';
import type { OfferMatcher } from './offer';
import clusterData from './clusters.json';

/**
 * Word clusters from pretrained word vectors (build/make-clusters.ts): a word
 * never seen in training still says what its neighbours in meaning said.
 */
const CLUSTER_OF = clusterTable(clusterData);

/** Word to cluster number, from clusters.json's one space-separated string per cluster. */
export function clusterTable(data: { readonly clusters: readonly string[] }): Map<string, number> {
  const table = new Map<string, number>();
  data.clusters.forEach((members, k) => {
    for (const word of members.split(' ')) table.set(word, k);
  });
  return table;
}

export interface FeatureOptions {
  /** The text as the rep wrote it (capitals kept), for reading product names. */
  readonly raw?: string;
  /** What the rep sells, when the scenario says. */
  readonly offer?: OfferMatcher;
}

export interface FeatureSet {
  /** Feature name to value (1 for presence). */
  readonly values: Map<string, number>;
  /** For cue features, the text that fired them. */
  readonly evidence: Map<string, string>;
}

/** Cue families. Patterns run on the cleaned, expanded, filler-free token string. */
const CUE_FAMILIES: Readonly<Record<string, RegExp>> = {
  self: /\b(we|our|ours|us|my company|my team|i built|we built)\b/,
  offer:
    /\b(platform|solution|solutions|product|products|tool|tools|software|feature|features|module|dashboard|app|application|service|services|offering|suite|integration|integrations|automation|system|technology|plug in|plugin|license|licence|pricing|package|engine|ai|api|sensor|device|analytics)\b/,
  selfOffer:
    /\b(we|our|us)\b(?:\s+\S+){0,5}?\s+(platform|solution|product|tool|software|feature|features|module|dashboard|app|service|offering|suite|system|technology|engine|team can|can help|help|helps|offer|offers|provide|provides|built|build|do|specialize|specialise|deliver|delivers|integrate|integrates|automate|automates|guarantee|make|makes|cover|covers)\b|\b(what we do|what our team does|how we work|about us|our company|my company|our approach|our customers|our clients)\b/,
  superiority:
    /\b(only|best|leading|leader|unique|unlike|better than|number one|world class|cutting edge|revolutionary|game changer|nobody else|no one else|first ever|industry leading|fastest|easiest|most advanced|beats|outperform\w*)\b/,
  proof:
    /\b(customers?|clients?|case stud\w*|roi|return on investment|switched|payback|results|testimonial\w*|reference\w*|logos?|users?|accounts?|saved|grew|increased|boosted|cut|reduced|doubled|tripled|\d+x)\b/,
  figure:
    /\d|\b(percent|half|double|twice|triple|third|quarter of|a fifth|one in|two in|three in)\b/,
  research:
    /\b(most (teams|companies|orgs|organizations|leaders|buyers|reps|firms|of the)|many (teams|companies|orgs|leaders|firms)|research|study|studies|survey\w*|data (shows|says|suggests)|trend\w*|pattern\w*|typically|tend to|tends to|in our experience|benchmark\w*|industry|the market|noticed|interesting|counterintuitive|turns out|surprising\w*|what we see|we see|we have seen|we are seeing|seeing a lot|across the|on average|the average|analysts?|gartner|forrester|shift\w*|more and more|fewer and fewer)\b/,
  questionLead:
    /^(what|whats|how|why|where|when|who|which|is|are|do|does|did|can|could|would|will|should|have|has|was|were|may|might|shall|tell me|walk me|talk me|help me understand|i am curious|curious|i am wondering|wondering|i wanted to ask|just wanted to ask|mind if i ask|can i ask|could i ask|let me ask)\b/,
  goal: /\b(goals?|priorit\w*|objectives?|success\w*|succeed|achiev\w*|aim\w*|targets?|aspir\w*|vision|strateg\w*|outcomes?|looking to|hoping to|trying to (get|do|build|hit|reach)|accomplish\w*|end of the year|this year|next year|look like|great year|measured on|kpis?|okrs?|key results|focus\w*|care about|matters most|top of (your|the) list|plans?|ambitio\w*|board expect\w*|win|winning|grow|growth)\b/,
  problem:
    /\b(problems?|challeng\w*|difficult\w*|hard|harder|hardest|struggl\w*|frustrat\w*|pain\w*|stuck|slow\w*|not working|break\w* down|issues?|headaches?|bottlenecks?|worr\w*|keeps you up|wrong|fail\w*|miss\w*|gaps?|friction|concern\w*|complain\w*|obstacles?|get\w* in the way|hold\w* (you|them|the team) back|hurt\w*|annoy\w*|broken|leak\w*|drop\w* off|slip\w*|stall\w*|lose|losing|lost|churn\w*|delays?|behind)\b/,
  implication:
    /\b(impact\w*|effect|affect\w*|consequen\w*|costs? you|cost the|knock on|ripple|downstream|what happens|happen\w* if|happen\w* when|if nothing changes|mean for|means for|lead to|leads to|result in|risk\w*|who else|what does that do|what does it do|how does that (affect|hit|play|land|show up)|trickle|domino|over time|long term|snowball\w*|add up|adds up|knock|spill\w*|cascade\w*|fallout|hit to|toll|exposure|what did that cost|how much does that cost)\b/,
  needPayoff:
    /\b(if you could|if you were able|if you had|if (that|this|it|those|these) (were|was|got|could be) (solved|fixed|gone|better|sorted|handled|faster|right)|what would (it|that|this) (mean|do|change|free|give|be worth)|how would (that|it|this) (help|change|affect)|what would you do (differently|with)|worth to you|would (it|that) be worth|valuable|how much would|what would change|imagine (if|you)|would that help|free up|freed up|what would be possible|what could you do|if you did not have to|suppose you)\b/,
  commit:
    /\b(next steps?|next week|next month|calendar|schedul\w*|set up|book|meeting|catch up|demo|trial|pilot|proposal|contract|sign|signs|signed|signing|signature|sign off|introduc\w*|intro|referr\w*|refer|connect me|check in|check back|follow up|reconnect|circle back|touch base|sit down|\d+ minutes|walkthrough|walk through it|send (you|over)|loop in|get time|put (some|something)|grab time|hop on|jump on|a call|a quick call|reach out|in (six|three|a few|two) months|come back|move forward|kick off|get started|worth (a|another) (look|chat|conversation)|would it make sense|open to)\b/,
  pushback:
    /\b(but|actually|with (all due )?respect|respectfully|i disagree|not really|everyone says|what everyone says|i hear that a lot|hear that all the time|you would be surprised|are you sure|i think you are|you might be missing|that is not|does not make sense|come on|until they|i would push back|push back|i would challenge|not true|mistake|underestimat\w*|leaving money|reconsider|just because|i would argue|to be fair|that is exactly why|which is exactly|i get that but|sure but|yes but|i understand but|i hear you but|that may be|that might be|honestly though|i doubt|really think|missing out|falling behind|cannot afford not)\b/,
  acknowledge:
    /\b(what i am hearing|what i hear|sounds like|it sounds|if i understand|if i heard|so you are saying|makes sense|that makes sense|got it|i see|understood|i hear you|that must|must be|that is (tough|hard|frustrating|a lot|fair|great|impressive)|fair enough|fair point|i appreciate that|appreciate you sharing|let me make sure|to summari[sz]e|in other words|correct me if|so basically you|so for you|so the team|so your|so you|let me play (that|it) back|play back|if i got that right|did i get that)\b/,
  concede:
    /\b(may not be|might not be|not a (good )?fit|no fit|not the right fit|do not need|no need|(got|have) (it|this|that) covered|waste your time|wasting your time|i would rather (tell|be honest|say)|no point|not the right time|not a priority|walk away|not going to push|will not push|not push|if it is not a fit|totally fine|no pressure|does not sound like|not sure (we|this|it)|we are not|you are in (good|great) shape|honest(ly)? (answer|with you)|be honest|to be honest|not for you|not for everyone|might be overkill|overkill|rather not|doing great|you are good|you do not|probably do not|no reason to)\b/,
  rapport:
    /\b(thanks|thank you|appreciate (you|the time|your time|it)|good (morning|afternoon|evening)|hi|hello|hey|how are you|how is your|how was your|weekend|nice to meet|great to meet|good to meet|pleasure|agenda|before we (start|begin|dive)|kick things off|introduce myself|my name is|weather|coffee|trip|congrat\w*|saw your post|hope|glad|excited to|happy to be|fun|holiday|vacation)\b/,
  situation:
    /\b(how many|how much|what (tools?|system|systems|crm|software|stack|process|vendors?)|who (is|are|else is|gets) involved|walk me through|currently|today|right now|how long|how big|size|headcount|team structure|report to|reports to|use for|using for|how do you (handle|manage|currently|do|run|track)|tell me about (your|the)|what is your current|process|budget|cycle|when did|how often|how is (your|the) team|set up|structured|in place|who owns|who handles|what does (your|the) (team|process)|background)\b/,
  you: /\b(you|your|yours|yourself|y'all|your team|your company)\b/,
};

/** Counts of self and you words, for the pronoun balance features. */
const SELF_WORDS = /\b(we|our|ours|us)\b/g;
const YOU_WORDS = /\b(you|your|yours)\b/g;

function add(values: Map<string, number>, name: string, value = 1): void {
  values.set(name, (values.get(name) ?? 0) + value);
}

/** Features of a whole utterance (one or several sentences). */
export function extractFeatures(text: string, options: FeatureOptions = {}): FeatureSet {
  const values = new Map<string, number>();
  const evidence = new Map<string, string>();
  const { tokens } = withoutFillers(tokenize(text));
  const words = tokens.filter((t) => t !== ',' && t !== '.' && t !== '!');
  const joined = ` ${words.join(' ')} `.replace(/ \? /g, ' ? ');
  const stems = words.filter((t) => t !== '?').map(stem);

  add(values, 'bias');
  for (const word of words) {
    if (word === '?') continue;
    const s = stem(word);
    add(values, `w:${s}`);
    if (!evidence.has(`w:${s}`)) evidence.set(`w:${s}`, word);
    // Content words only: a cluster of function words would blur "we" and "you".
    const cluster = QUIET_WORDS.has(word) ? undefined : CLUSTER_OF.get(word);
    if (cluster !== undefined) {
      add(values, `c:${cluster}`);
      if (!evidence.has(`c:${cluster}`)) evidence.set(`c:${cluster}`, word);
    }
  }
  for (let i = 0; i + 1 < stems.length; i++) add(values, `b:${stems[i]}_${stems[i + 1]}`);

  const sentences = splitSentences(cleanForSentences(text));
  const questionSentences = sentences.filter(isQuestionSentence);
  const lastSentence = sentences[sentences.length - 1] ?? '';
  if (questionSentences.length > 0) add(values, 'form:question');
  if (lastSentence && isQuestionSentence(lastSentence)) add(values, 'form:ends_with_question');
  if (sentences.length > 1) add(values, 'form:multi_sentence');
  if (words.length <= 6) add(values, 'form:short');
  if (words.length >= 30) add(values, 'form:long');

  const firstWords = words.filter((t) => t !== '?');
  if (firstWords[0]) add(values, `start:${firstWords[0]}`);
  if (firstWords[1]) add(values, `start2:${firstWords[0]}_${firstWords[1]}`);

  const fired: string[] = [];
  for (const [family, pattern] of Object.entries(CUE_FAMILIES)) {
    const match = pattern.exec(joined.replace(/ \? /g, ' '));
    if (match) {
      fired.push(family);
      add(values, `cue:${family}`);
      evidence.set(`cue:${family}`, match[0].trim());
    }
  }
  const has = (family: string): boolean => fired.includes(family);
  const question = questionSentences.length > 0;
  // Interactions the linear model cannot form by itself.
  if (question) {
    for (const family of ['goal', 'problem', 'implication', 'needPayoff', 'situation', 'offer']) {
      if (has(family)) add(values, `q&${family}`);
    }
    if (has('selfOffer')) add(values, 'q&selfOffer');
    if (has('commit')) add(values, 'q&commit');
  } else {
    for (const family of ['research', 'figure', 'selfOffer', 'acknowledge', 'concede']) {
      if (has(family)) add(values, `s&${family}`);
    }
  }
  if (has('figure') && has('self')) add(values, 'figure&self');
  if (has('figure') && has('proof')) add(values, 'figure&proof');
  if (has('figure') && !has('self')) add(values, 'figure&notself');
  if (has('research') && !has('selfOffer')) add(values, 'research&notselfOffer');

  const selfCount = (joined.match(SELF_WORDS) ?? []).length;
  const youCount = (joined.match(YOU_WORDS) ?? []).length;
  if (selfCount > youCount) add(values, 'pron:self_heavy');
  if (youCount > selfCount) add(values, 'pron:you_heavy');
  if (selfCount === 0) add(values, 'pron:no_self');

  // What each clause is about and does (clauses.ts).
  const turn = readTurn(options.raw ?? text, options.offer);
  for (const [name, why] of turn.signals) {
    add(values, `cl:${name}`);
    evidence.set(`cl:${name}`, why);
  }
  if (turn.signals.has('about:offer') && question) add(values, 'cl:offer&anyquestion');
  if (turn.signals.has('about:offer') && has('figure')) add(values, 'cl:offer&cuefigure');
  if (turn.signals.has('about:offer') && has('proof')) add(values, 'cl:offer&proof');
  if (turn.signals.has('about:offer') && has('concede')) add(values, 'cl:offer&concede');
  if (turn.signals.has('about:offer') && has('commit')) add(values, 'cl:offer&commit');
  if (turn.signals.has('about:offer') && has('pushback')) add(values, 'cl:offer&pushback');

  // Opening words of the last sentence: the point of a multi-sentence turn.
  if (sentences.length > 1) {
    const lastWords = tokenize(lastSentence).filter((t) => /\p{L}/u.test(t));
    if (lastWords[0]) add(values, `last:${lastWords[0]}`);
  }
  return { values, evidence };
}

function cleanForSentences(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A sentence is a question by its mark, or by how it opens when the mark was not typed or spoken. */
export function isQuestionSentence(sentence: string): boolean {
  if (sentence.trim().endsWith('?')) return true;
  const words = withoutFillers(tokenize(sentence))
    .tokens.filter((t) => /\p{L}/u.test(t))
    .filter((t) => !['so', 'and', 'okay', 'ok', 'well', 'alright', 'right', 'now'].includes(t));
  const opening = words.slice(0, 4).join(' ');
  return CUE_FAMILIES.questionLead?.test(opening) ?? false;
}

/** Readable text for a feature, for the cues shown to a rep. */
export function describeFeature(name: string, evidence: ReadonlyMap<string, string>): string {
  const [kind, rest = ''] = splitOnce(name, ':');
  switch (kind) {
    case 'w':
      return `word "${evidence.get(name) ?? rest}"`;
    case 'b':
      return `phrase "${rest.replace('_', ' ')}"`;
    case 'start':
    case 'start2':
      return `opens with "${rest.replace('_', ' ')}"`;
    case 'last':
      return `last sentence opens with "${rest}"`;
    case 'cl':
      return evidence.get(name) ?? CLAUSE_LABELS[rest] ?? rest;
    case 'cue':
      return `${CUE_LABELS[rest] ?? rest} ("${evidence.get(name) ?? ''}")`;
    case 'form':
      return FORM_LABELS[rest] ?? rest;
    case 'pron':
      return PRONOUN_LABELS[rest] ?? rest;
    default:
      return INTERACTION_LABELS[name] ?? name;
  }
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

const CUE_LABELS: Readonly<Record<string, string>> = {
  self: 'talks about us',
  offer: 'product words',
  selfOffer: 'our offer',
  superiority: 'superiority claim',
  proof: 'customer results',
  figure: 'a figure',
  research: "a pattern in the buyer's world",
  questionLead: 'question opening',
  goal: 'goals and outcomes',
  problem: 'problems',
  implication: 'consequences',
  needPayoff: 'value of a fix',
  commit: 'next step',
  pushback: 'arguing',
  acknowledge: 'listening back',
  concede: 'honest about fit',
  rapport: 'rapport',
  situation: 'facts and background',
  you: 'about the buyer',
};

const CLAUSE_LABELS: Readonly<Record<string, string>> = {
  'offer&anyquestion': 'a question about our offer',
  'offer&cuefigure': 'a figure about our offer',
  'offer&proof': 'customer results for our offer',
  'offer&concede': 'honest about our offer',
  'offer&commit': 'a next step with our offer',
  'offer&pushback': 'argues for our offer',
};

/** Features whose words say nothing a coach would quote ("a", "for"). */
export function isQuotable(name: string): boolean {
  const [kind, rest = ''] = splitOnce(name, ':');
  if (kind === 'w' || kind === 'start' || kind === 'last') return !QUIET_WORDS.has(rest);
  // A cluster is why an unseen word counts, never a reason to show: the word's
  // own feature (w:) is the one a coach would quote.
  if (kind === 'c') return false;
  if (kind === 'b' || kind === 'start2') return rest.split('_').some((w) => !QUIET_WORDS.has(w));
  return true;
}

const QUIET_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at by for with from as is are was were be been being am do doe does ' +
    'did have has had i you we they he she it me us them my your our their its this that these those there ' +
    'here what which who whom when where why how not no yes can could would should will shall may might must ' +
    'just about into over than then too very really also any some all more most much such only own same other ' +
    'each up down out off get got go going like know think want let make well okay ok right sure thing ' +
    'one way lot bit kind sort mean say said tell see look um uh every'
  ).split(' '),
);

const FORM_LABELS: Readonly<Record<string, string>> = {
  question: 'asks a question',
  ends_with_question: 'ends on a question',
  multi_sentence: 'several sentences',
  short: 'short turn',
  long: 'long turn',
};

const PRONOUN_LABELS: Readonly<Record<string, string>> = {
  self_heavy: 'more "we" than "you"',
  you_heavy: 'more "you" than "we"',
  no_self: 'no "we"',
};

const INTERACTION_LABELS: Readonly<Record<string, string>> = {
  'q&goal': 'a question about goals',
  'q&problem': 'a question about problems',
  'q&implication': 'a question about consequences',
  'q&needPayoff': 'a question about the value of a fix',
  'q&situation': 'a question about facts',
  'q&offer': 'a question about a product',
  'q&selfOffer': 'a question about our offer',
  'q&commit': 'asks for a next step',
  's&research': "a statement about the buyer's world",
  's&figure': 'a statement with a figure',
  's&selfOffer': 'a statement about our offer',
  's&acknowledge': 'plays back what the buyer said',
  's&concede': 'an honest statement about fit',
  'figure&self': 'a figure about us',
  'figure&proof': 'a figure about customer results',
  'figure&notself': "a figure about the buyer's world",
  'research&notselfOffer': 'teaching without selling',
  bias: 'prior',
};
