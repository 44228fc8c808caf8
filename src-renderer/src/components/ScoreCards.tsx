// The report's three scores, each a region named exactly "Value creation",
// "Pitching" or "Overall", with the summary and the adjustments to Overall.
import { useId, type ReactNode } from 'react';
import type { SessionReport } from '../../../src-main/contract/api';
import { formatPoints } from '../lib/format';

export function ScoreCards({ report }: { readonly report: SessionReport }) {
  return (
    <>
      <p>{report.summary}</p>
      <div className="score-cards">
        <ScoreCard label="Value creation" score={report.valueCreation}>
          <p className="score-note">Higher is better: turns that helped the buyer.</p>
        </ScoreCard>
        <ScoreCard label="Pitching" score={report.pitching}>
          <p className="score-note">Lower is better: turns about you and your product.</p>
        </ScoreCard>
        <ScoreCard label="Overall" score={report.overall}>
          {report.adjustments.length === 0 ? (
            <p className="score-note">No adjustments.</p>
          ) : (
            <>
              <p className="score-note">Adjustments:</p>
              <ul className="adjustments">
                {report.adjustments.map((a, i) => (
                  <li key={i} className="score-note">
                    <strong>{formatPoints(a.points)}</strong>: {a.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </ScoreCard>
      </div>
    </>
  );
}

function ScoreCard({
  label,
  score,
  children,
}: {
  readonly label: string;
  readonly score: number;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="panel score-card" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <p className="score-value">
        {score} <span>/ 100</span>
      </p>
      {children}
    </section>
  );
}
