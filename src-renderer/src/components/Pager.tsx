// Previous / Next through a long list, with where we are in words.
import { useId } from 'react';

export interface PagerProps {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  onPage(page: number): void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const id = useId();
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="pager" aria-labelledby={id}>
      <p id={id} aria-live="polite">
        Showing {first}–{last} of {total}
      </p>
      <div className="pager-buttons">
        <button
          type="button"
          className="button"
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          Previous
        </button>
        <button
          type="button"
          className="button"
          disabled={last >= total}
          onClick={() => onPage(page + 1)}
        >
          Next
        </button>
      </div>
    </nav>
  );
}
