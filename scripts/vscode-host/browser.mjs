// Headless Chromium (Debian's) driven by playwright-core, which ships no browser of its own.
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';
import { chromiumPath } from './systemPackages.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches the browser and registers its closing for cleanup. */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS, headless: true });
  onCleanup('close chromium', () => browser.close());
  return browser;
}
