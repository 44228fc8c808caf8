// Short-lived notices such as "Session deleted" with an Undo. The component
// decides how long each stays; the store only holds the queue.
import type { Slice } from './types';

export interface ToastAction {
  readonly label: string;
  run(): void | Promise<void>;
}

export interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'error';
  readonly action?: ToastAction;
}

export interface ToastSlice {
  readonly toasts: readonly Toast[];
  pushToast(toast: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
}

let nextToastId = 1;

export const toastSlice: Slice<ToastSlice> = (set) => ({
  toasts: [],
  pushToast: (toast) => {
    const id = nextToastId++;
    // Newest last; keep a few so a burst of deletes does not fill the screen.
    set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-3) }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
