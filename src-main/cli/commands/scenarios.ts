// scenarios: the built-in buyers.
import { formatProblem } from '../../core/scenarios/load';
import { DIFFICULTIES } from '../../core/scenarios/schema';
import { ScenarioLibrary } from '../../services/scenario-library';
import { noPositionals, type Command } from '../args';

export const scenarios: Command = ({ positionals, json }, io) => {
  noPositionals(positionals, 'scenarios');
  const library = ScenarioLibrary.load();
  const list = library.list().map(({ file }) => ({
    id: file.id,
    title: file.title,
    brief: file.brief,
    persona: { name: file.persona.name, role: file.persona.role, company: file.persona.company },
    difficulties: Object.fromEntries(DIFFICULTIES.map((d) => [d, file.difficulty[d].note ?? ''])),
  }));
  if (json) io.out(JSON.stringify(list));
  else {
    for (const s of list) {
      const persona = `${s.persona.name}, ${s.persona.role}, ${s.persona.company}`;
      io.out(`${s.id}\n  ${s.title}: ${persona}\n  ${s.brief}`);
    }
  }
  for (const p of library.problems) io.err(formatProblem(p));
  return 0;
};
