// "What to try instead" for each rep turn: the next move a value-creating rep
// would make from here, quoting the buyer where that helps.
import type { Behavior } from '../behaviors/taxonomy';
import { splitSentences } from '../text/normalize';
import type { AskSize } from '../understanding/ask';

export interface AdviceContext {
  readonly repeated: boolean;
  readonly ignoresBuyer: boolean;
  readonly needStated: boolean;
  readonly lastBuyerText: string | undefined;
  /** For a commitment ask, how big it was. */
  readonly ask?: AskSize | undefined;
  /** For the ask the buyer answered with the meeting's outcome: agreed to, or refused. */
  readonly answered?: 'agreed' | 'refused' | undefined;
}

export function adviceFor(behavior: Behavior, ctx: AdviceContext): string {
  const buyer = ctx.lastBuyerText ? quote(ctx.lastBuyerText) : undefined;
  if (ctx.repeated) {
    return buyer
      ? `Build on what the buyer just said (${buyer}) instead of asking again: "What makes that hard?"`
      : 'Move the conversation forward instead of asking again: ask what stands in the way of their goals.';
  }
  if (ctx.ignoresBuyer && buyer) {
    return `Pick up what the buyer just told you (${buyer}): "You mentioned that; what does it cost you today?"`;
  }
  switch (behavior) {
    case 'goal_question':
      return 'Good. Next, ask what stands in the way of that goal: "What makes that hard today?"';
    case 'situation_question':
      return 'Research facts before the meeting and spend the question on the buyer\'s goals or problems: "What would make this a great year for your team?"';
    case 'problem_question':
      return 'Good. Go deeper on consequences: "When that happens, what does it do to the rest of the plan?"';
    case 'implication_question':
      return 'Good. Let the buyer state the value: "If that were solved, what would you do differently?"';
    case 'need_payoff_question':
      return 'Good. Summarise what you heard, and if the need is now explicit, ask for a modest next step.';
    case 'insight':
      return 'Good. Connect it to their world with a question: "How does that compare with what you see?"';
    case 'acknowledge':
      return 'Good. Follow the summary with a question that builds on it.';
    case 'concede_fit':
      return 'Good. Offer something modest and useful: a check-in later, or an introduction to someone it fits.';
    case 'pitch':
      return ctx.needStated
        ? "Tie the product to the need in the buyer's own words, briefly, and then ask how they see it."
        : 'Hold the product back until the buyer names a need. Ask about the problem instead: "Where does this get difficult for your team?"';
    case 'proof_to_sell':
      return 'Turn the figure into something that teaches: "Teams like yours often find X; how does that compare with what you see?"';
    case 'pushback':
      return 'Accept the no and get curious, or concede fit: "That\'s fair. What would have to change for this to be worth revisiting?"';
    case 'commitment_ask':
      if (ctx.answered === 'refused') {
        return ctx.needStated
          ? 'The buyer said no to this ask. Before asking again, check the need is theirs and big enough: "What would have to be true for a next step to be worth your time?" Then offer something smaller they can say yes to.'
          : 'The buyer said no to this ask, made before they named any need. Find the need first ("Where does this get difficult for your team?"), then ask for something modest: a check-in later, or an introduction.';
      }
      if (ctx.answered === 'agreed' && !ctx.needStated) {
        return 'The buyer agreed, but before they named a need. Next time, let them say what they want to change first, so the next step serves that need.';
      }
      if (ctx.needStated) {
        return ctx.ask === 'big'
          ? 'Good timing. Tie the demo or trial to the need the buyer stated, in their words, and agree what it must show.'
          : 'Good timing. Keep the ask specific: a date, a time, who joins.';
      }
      return ctx.ask === 'big'
        ? 'A demo or a trial asks the buyer to start buying before they see a need. Earn it, or ask for something modest they can say yes to: a check-in later, or an introduction.'
        : 'Earn the ask first: let the buyer state a need in their own words, then ask for a modest next step.';
    case 'rapport':
      return 'Fine to open with. Move to the buyer\'s goals soon: "What would make this quarter a success for you?"';
    default: {
      const unreachable: never = behavior;
      return unreachable;
    }
  }
}

function quote(text: string): string {
  const sentence = splitSentences(text)[0] ?? text;
  const short = sentence.length > 90 ? `${sentence.slice(0, 87).trimEnd()}...` : sentence;
  return `"${short}"`;
}
