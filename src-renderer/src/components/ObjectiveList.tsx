// A drill's objectives, each met or not, with why: a quick drill's result and
// a meeting drill's verdict on its report.
export function ObjectiveList({
  objectives,
}: {
  readonly objectives: readonly {
    readonly name: string;
    readonly met: boolean;
    readonly why: string;
  }[];
}) {
  return (
    <ul className="objectives">
      {objectives.map((o) => (
        <li key={o.name}>
          <strong>
            {o.met ? '✓' : '✗'} {o.name}
          </strong>
          : {o.why}
        </li>
      ))}
    </ul>
  );
}
