// Data files main could not read and moved aside at start-up: say which, why,
// and where they went, so nothing is lost silently.
import { useId } from 'react';
import { useStore } from '../store';

export function ProblemsBanner() {
  const headingId = useId();
  const info = useStore((s) => s.info);
  const problems = info?.problems ?? [];
  const dismissed = useStore((s) => s.problemsDismissed);
  const dismiss = useStore((s) => s.dismissProblems);
  if (problems.length === 0 || dismissed) return null;
  const said = (message: string) => message.replace(/\.\s*$/, '');
  return (
    <section role="alert" aria-labelledby={headingId} className="banner">
      <h2 id={headingId}>Some data files could not be read</h2>
      <p>They were moved aside so the app could start. Nothing else was changed.</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.file}>
            {/* Main's messages usually start with the file already; do not say it twice. */}
            {problem.message.includes(problem.file) ? (
              said(problem.message)
            ) : (
              <>
                <code>{problem.file}</code>: {said(problem.message)}
              </>
            )}
            . Moved to <code>{problem.movedTo}</code>.
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
