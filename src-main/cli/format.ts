// Readable output for the terminal: reports and play-throughs (eval formats its own).
import type { Meeting } from '../core/meeting/meeting';
import type { CompiledScenario } from '../core/scenarios/compile';
import type { Difficulty } from '../core/scenarios/schema';
import type { MetricCheck, SessionReport } from '../core/scoring/report';

/** A meeting as `play --json` and `practice --json` print it. */
export function meetingJson(
  meeting: Meeting,
  scenario: CompiledScenario,
  difficulty: Difficulty,
  seed: number,
): Record<string, unknown> {
  return {
    scenario: scenario.file.id,
    difficulty,
    seed,
    opening: meeting.opening,
    turns: meeting.turns.map((t) => ({
      rep: t.rep,
      behavior: t.facts.behavior,
      group: t.facts.group,
      buyer: t.buyer,
      meters: t.meters,
      state: t.state,
    })),
    outcome: meeting.outcome,
    endedAtTurn: meeting.ended ? meeting.turns.length : null,
    report: meeting.report(),
  };
}

export function formatReport(report: SessionReport): string {
  const out: string[] = [];
  out.push('Session report');
  out.push(`  Outcome          ${report.outcome}`);
  out.push(`  Value creation   ${report.valueCreation}/100`);
  out.push(`  Pitching         ${report.pitching}/100`);
  out.push(`  Overall          ${report.overall}/100`);
  out.push('', `  ${report.summary}`);
  if (report.adjustments.length > 0) {
    out.push('', 'Adjustments to the overall score');
    for (const a of report.adjustments)
      out.push(`  ${a.points > 0 ? '+' : ''}${a.points}  ${a.reason}`);
  }
  const m = report.metrics;
  out.push('', 'Metrics');
  out.push(`  Rep turns                      ${m.repTurns}`);
  out.push(`  Rep talk share                 ${Math.round(m.repTalkShare * 100)}%`);
  out.push(
    `  Discovery questions            ${m.questionsAsked} (early ${m.questionSpread.early}, middle ${m.questionSpread.middle}, late ${m.questionSpread.late})`,
  );
  out.push(
    `  Longest monologue              ${m.longestMonologue.words} words, about ${m.longestMonologue.seconds} s`,
  );
  out.push(`  First pitch at turn            ${m.firstPitchTurn ?? 'none'}`);
  out.push(
    `  Explicit need stated after     ${m.explicitNeedTurn === null ? 'never' : `turn ${m.explicitNeedTurn}`}`,
  );
  out.push(`  Pitches before explicit need   ${m.pitchesBeforeExplicitNeed}`);
  out.push(
    `  By group                       value ${m.byGroup.value}, neutral ${m.byGroup.neutral}, pitch ${m.byGroup.pitch}`,
  );
  const used = Object.entries(m.byBehavior).filter(([, n]) => n > 0);
  out.push(
    `  By behaviour                   ${used.map(([b, n]) => `${b} ${n}`).join(', ') || 'none'}`,
  );
  out.push('', 'Against the research');
  for (const c of report.checks) {
    out.push(`  [${c.met ? 'ok' : '!!'}] ${c.metric}: ${checkValue(c)} (target ${c.target})`);
    out.push(`       ${c.source}`);
  }
  if (report.buyerSignals.length > 0) {
    out.push('', 'What the buyer signalled');
    for (const s of report.buyerSignals) {
      const when = s.afterTurn === 0 ? 'at the opening' : `after turn ${s.afterTurn}`;
      out.push(`  ${when}: ${s.kind.replace('_', ' ')} ("${s.cue}")`);
    }
  }
  out.push('', 'Moments');
  for (const moment of report.moments) {
    const points =
      moment.valuePoints > 0
        ? `+${moment.valuePoints} value`
        : moment.pitchPoints > 0
          ? `+${moment.pitchPoints} pitch`
          : 'no points';
    out.push(`  ${moment.turn}. "${moment.text}"`);
    out.push(`     ${moment.behavior} (${moment.group}, ${moment.confidence}), ${points}`);
    if (moment.unsureBetween)
      out.push(`     Unsure between: ${moment.unsureBetween.join(' and ')} (counts for half)`);
    out.push(`     Why: ${moment.why}`);
    if (moment.cues.length > 0) out.push(`     Cues: ${moment.cues.join('; ')}`);
    out.push(`     Try: ${moment.tryInstead}`);
  }
  return out.join('\n');
}

function checkValue(check: MetricCheck): string {
  if (check.value === null) return '-';
  switch (check.unit) {
    case 'share':
      return `${Math.round(check.value * 100)}%`;
    case 'seconds':
      return `${Math.round(check.value)} s`;
    case 'count':
      return String(check.value);
  }
}
