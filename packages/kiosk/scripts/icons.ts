// Draws the kiosk's PNG icons from public/icon.svg with the machine's Chromium: the sizes a home
// screen asks for (192 and 512 for Android, 180 for iOS; the 512 doubles as maskable, since the
// drawing keeps to the central safe zone). Run from packages/kiosk: `node scripts/icons.ts`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = new URL('../public/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', publicDir), 'utf8');
const sizes = { 'icon-192.png': 192, 'icon-512.png': 512, 'apple-touch-icon.png': 180 };

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [name, size] of Object.entries(sizes)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: fileURLToPath(new URL(name, publicDir)), omitBackground: false });
    await page.close();
    console.log(`wrote public/${name}`);
  }
} finally {
  await browser.close();
}
