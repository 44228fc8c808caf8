// Puts the chosen theme on <html>; the stylesheet does the rest, including
// following the system setting live when the choice is "system".
import type { Theme } from '../../../src-main/contract/api';

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
