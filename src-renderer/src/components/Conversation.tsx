// The meeting so far as an ordered list: the buyer's opening, then each rep
// reply and the buyer's answer. The rep's reply in flight shows at once. In
// coach mode each reply carries its behaviour tag; a spoken reply says so.
// After each line it scrolls to the newest one: inside the list when the list
// is the scroller (a window of ordinary height), or else (high zoom, a short
// window) by scrolling the page so the newest line and the reply box are in view.
import { useEffect, useRef, type RefObject } from 'react';
import type { SessionView } from '../../../src-main/contract/api';
import { prefersReducedMotion } from '../lib/media';
import { BehaviorTag } from './BehaviorTag';

export interface ConversationProps {
  readonly view: SessionView;
  readonly pendingReply: string | null;
  readonly pendingName: string;
  /** What must stay in view below the newest line when the page scrolls: the reply box. */
  readonly keepInView?: RefObject<HTMLElement | null>;
}

export function Conversation({ view, pendingReply, pendingName, keepInView }: ConversationProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const buyer = view.scenario.persona.name;
  const coach = view.mode === 'coach';

  useEffect(() => {
    const list = listRef.current;
    const last = list?.lastElementChild;
    if (!list || !last) return;
    const behavior = prefersReducedMotion() ? 'auto' : 'smooth';
    if (getComputedStyle(list).overflowY !== 'visible') {
      list.scrollTo({ top: list.scrollHeight, behavior });
      return;
    }
    // The page scrolls: the newest line, then the reply box under it (which wins if both do not fit).
    last.scrollIntoView({ behavior: 'auto', block: 'nearest' });
    const reply = keepInView?.current;
    (reply?.querySelector<HTMLElement>('.composer-row') ?? reply)?.scrollIntoView({
      behavior,
      block: 'nearest',
    });
  }, [view.turns.length, view.ended, pendingReply, keepInView]);

  return (
    // Focusable so keyboard users can scroll it when it is a scroll box.
    <ol ref={listRef} className="conversation" aria-label="Conversation" tabIndex={0}>
      <li className="line line-buyer">
        <div className="speaker">{buyer}</div>
        <p className="line-text">{view.opening}</p>
      </li>
      {view.turns.map((turn) => [
        <li key={`rep-${turn.n}`} className="line line-rep">
          <div className="speaker">
            {turn.repName || 'You'}
            {turn.source === 'spoken' && <span className="hint"> (spoken)</span>}
            {coach && turn.behavior && turn.group && (
              <BehaviorTag behavior={turn.behavior} group={turn.group} />
            )}
          </div>
          <p className="line-text">{turn.rep}</p>
        </li>,
        turn.buyer ? (
          <li key={`buyer-${turn.n}`} className="line line-buyer">
            <div className="speaker">{buyer}</div>
            <p className="line-text">{turn.buyer}</p>
          </li>
        ) : null,
      ])}
      {pendingReply !== null && (
        <li className="line line-rep line-pending" aria-busy="true">
          <div className="speaker">
            {pendingName} <span className="hint">sending…</span>
          </div>
          <p className="line-text">{pendingReply}</p>
        </li>
      )}
    </ol>
  );
}
