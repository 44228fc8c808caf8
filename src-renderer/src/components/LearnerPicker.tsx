// Who is practising: the learners on this machine, the one practising now,
// and Add learner. Each learner's sessions, drills and certificates are their
// own; sessions from before learners existed belong to the first one.
import { useEffect, useId, useState } from 'react';
import { useStore } from '../store';

export function LearnerPicker() {
  const id = useId();
  const view = useStore((s) => s.learnersView);
  const error = useStore((s) => s.learnerError);
  const load = useStore((s) => s.loadLearners);
  const add = useStore((s) => s.addLearner);
  const choose = useStore((s) => s.chooseLearner);
  const [name, setName] = useState('');
  useEffect(() => void load(), [load]);
  const submit = async () => {
    if (await add(name)) setName('');
  };
  const learners = view?.learners ?? [];
  return (
    <section className="panel learner-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Who is practising?</h2>
      {learners.length > 0 && (
        <div className="field-inline">
          <label className="label" htmlFor={`${id}-who`}>
            Learner
          </label>
          <select
            id={`${id}-who`}
            className="select"
            value={view?.active ?? ''}
            onChange={(event) => void choose(event.target.value)}
          >
            {learners.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <form
        className="roster-add"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div>
          <label className="label" htmlFor={`${id}-name`}>
            New learner&apos;s name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={120}
            aria-invalid={error !== null || undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit" className="button">
          Add learner
        </button>
      </form>
      <p id={`${id}-help`} className={error ? 'field-problem' : 'hint'}>
        {error ??
          (learners.length === 0
            ? 'Add your name to keep your drills, progress and certificates apart from others on this computer.'
            : 'Each learner’s sessions, drills and certificates are kept apart.')}
      </p>
    </section>
  );
}
