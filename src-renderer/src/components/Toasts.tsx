// Short notices in the corner ("Session deleted" with Undo). Each stays about
// ten seconds, longer while the pointer or focus is on it, so nobody has to
// race the timer; Escape dismisses. If a notice takes focus away with it,
// focus goes back to the screen's heading.
import { useEffect, useId, useRef, useState } from 'react';
import { focusScreenHeading } from '../lib/focus';
import { useStore } from '../store';
import type { Toast } from '../store/toasts';

const TOAST_MS = 10_000;

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  // A persistent live region, so each new notice is announced.
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { readonly toast: Toast }) {
  const dismissToast = useStore((s) => s.dismissToast);
  const messageId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);

  const dismiss = () => {
    const hadFocus = ref.current?.contains(document.activeElement) ?? false;
    dismissToast(toast.id);
    if (hadFocus) requestAnimationFrame(focusScreenHeading);
  };

  // When the control the rep was on disappeared (a deleted row), focus fell to
  // the page: offer the action right where focus lands.
  useEffect(() => {
    if (actionRef.current && (document.activeElement === document.body || !document.activeElement))
      actionRef.current.focus();
  }, []);

  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [hovered, focused, dismissToast, toast.id]);

  return (
    <div
      ref={ref}
      className={toast.tone === 'error' ? 'toast toast-error' : 'toast'}
      role={toast.tone === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') dismiss();
      }}
    >
      <p id={messageId}>{toast.message}</p>
      {toast.action && (
        <button
          ref={actionRef}
          type="button"
          className="button button-small"
          // "Undo", described by what it undoes: "Session deleted".
          aria-describedby={messageId}
          onClick={() => {
            const action = toast.action;
            dismiss();
            void action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        aria-label="Dismiss notification"
        onClick={dismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
