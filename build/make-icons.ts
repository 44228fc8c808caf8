// Makes every icon the packaged app needs from one source image,
// build/icons/icon.svg: icon.png (1024 px, which electron-builder turns into
// macOS's .icns and Windows's .ico) and png/NxN.png for Linux. Renders the SVG
// in Debian's Chromium (the browser the end-to-end tests use), so it needs no
// image library.
//
//   npm run icons
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ICONS = join(import.meta.dirname, 'icons');
const SOURCE = join(ICONS, 'icon.svg');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.FIRST_MEETING_CHROMIUM ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage();
  await page.goto(`file://${SOURCE}`);
  const render = async (size: number, file: string) => {
    await page.setViewportSize({ width: size, height: size });
    await page.evaluate((px) => {
      const svg = document.querySelector('svg');
      if (!svg) throw new Error('icon.svg has no <svg>');
      svg.setAttribute('width', String(px));
      svg.setAttribute('height', String(px));
      document.documentElement.style.background = 'transparent';
      document.body?.style.setProperty('margin', '0');
    }, size);
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  };
  await render(1024, join(ICONS, 'icon.png'));
  mkdirSync(join(ICONS, 'png'), { recursive: true });
  for (const size of LINUX_SIZES) await render(size, join(ICONS, 'png', `${size}x${size}.png`));
  console.log(
    `Made build/icons/icon.png and ${LINUX_SIZES.length} Linux sizes from build/icons/icon.svg.`,
  );
} finally {
  await browser.close();
}
