// The thirteen behaviours a rep turn is tagged with, and their groups. These
// names are a public contract (command line, reports, scenario files, exports):
// never rename one.

export const BEHAVIORS = [
  'goal_question',
  'situation_question',
  'problem_question',
  'implication_question',
  'need_payoff_question',
  'insight',
  'pitch',
  'proof_to_sell',
  'commitment_ask',
  'pushback',
  'acknowledge',
  'concede_fit',
  'rapport',
] as const;

export type Behavior = (typeof BEHAVIORS)[number];

export const BEHAVIOR_GROUPS = ['value', 'neutral', 'pitch'] as const;
export type BehaviorGroup = (typeof BEHAVIOR_GROUPS)[number];

export const GROUP_OF: Readonly<Record<Behavior, BehaviorGroup>> = {
  goal_question: 'value',
  situation_question: 'neutral',
  problem_question: 'value',
  implication_question: 'value',
  need_payoff_question: 'value',
  insight: 'value',
  pitch: 'pitch',
  proof_to_sell: 'pitch',
  commitment_ask: 'neutral',
  pushback: 'pitch',
  acknowledge: 'value',
  concede_fit: 'value',
  rapport: 'neutral',
};

/** One line a rep can read in a report or a legend. */
export const BEHAVIOR_DESCRIPTIONS: Readonly<Record<Behavior, string>> = {
  goal_question: "asks about the buyer's goals, priorities and what success looks like",
  situation_question: 'asks for facts or background: team, tools, process, who is involved',
  problem_question: 'asks about difficulties, dissatisfaction, what is not working',
  implication_question: 'explores the consequences of a problem: cost, risk, who else is hit',
  need_payoff_question: 'invites the buyer to state the value of solving a problem',
  insight: "shares a perspective about the buyer's world that teaches, without promoting",
  pitch: "talks about the seller's company, product or superiority",
  proof_to_sell: 'data, stories or ROI figures whose point is to support buying',
  commitment_ask: 'asks for a next step: meeting, demo, trial, referral, purchase',
  pushback: "argues with or dismisses the buyer's position or objection",
  acknowledge: 'listens back: paraphrases, summarises, empathises',
  concede_fit: 'recognises there may be no fit and gives the buyer an honest way out',
  rapport: 'greetings, thanks, small talk, agenda setting',
};

/** Question behaviours, for metrics such as "questions asked". */
export const QUESTION_BEHAVIORS: ReadonlySet<Behavior> = new Set([
  'goal_question',
  'situation_question',
  'problem_question',
  'implication_question',
  'need_payoff_question',
]);

export function isBehavior(value: unknown): value is Behavior {
  return typeof value === 'string' && (BEHAVIORS as readonly string[]).includes(value);
}
