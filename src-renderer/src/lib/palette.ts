// Colours for SVG charts, which cannot read the stylesheet's custom properties
// reliably. Each set keeps at least 3:1 contrast against its theme's surface.
export const CHART_COLORS: Readonly<Record<'light' | 'dark', readonly string[]>> = {
  light: ['#1f5fbf', '#b3441a', '#1e7a3c', '#7b3fb5', '#7a6200'],
  dark: ['#79b0ff', '#ffab85', '#6fdc95', '#c9a0ff', '#e6c34d'],
};

/** Dash patterns, so lines differ by more than colour. */
export const CHART_DASHES: readonly string[] = ['', '6 4', '2 3', '10 3 2 3', '1 5'];

export const CHART_INK: Readonly<Record<'light' | 'dark', { text: string; grid: string }>> = {
  light: { text: '#3d4652', grid: '#d5dae1' },
  dark: { text: '#c3cbd5', grid: '#39424e' },
};

export function colorAt(theme: 'light' | 'dark', index: number): string {
  const colors = CHART_COLORS[theme];
  return colors[index % colors.length] ?? '#888888';
}

export function dashAt(index: number): string {
  return CHART_DASHES[index % CHART_DASHES.length] ?? '';
}
