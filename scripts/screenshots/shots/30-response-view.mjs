// The .kfreq response view on the examples workspace against the local simulator: a signed request
// with its answer and full signature trace, a signature shown without sending, and a run whose last
// request is rejected with authenticationError and explained. Only the simulator is contacted.

/** The response view's page: a webview (outer iframe) whose content sits in an inner frame. */
function responseView(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function openFile(workbench, name) {
  const page = workbench.page;
  await page.keyboard.press('Control+P');
  await workbench.waitForQuickInput('Search files');
  await page.keyboard.type(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
}

/** Clicks the `index`-th CodeLens with this text (lenses appear once the file is parsed). */
async function clickLens(page, text, index) {
  const lens = page.locator('.codelens-decoration a', { hasText: text }).nth(index);
  await lens.waitFor({ state: 'visible', timeout: 60_000 });
  await lens.click();
}

export default {
  name: 'response-view',
  description: 'Response view: answer with signature trace, a signature without sending, an explained authenticationError',
  async run(workbench) {
    const page = workbench.page;
    // Room for the request file and the response side by side.
    await workbench.runCommand('View: Close Primary Side Bar');
    try {
      await openFile(workbench, '02-account.kfreq');
      await clickLens(page, 'Send', 1); // "Open positions": a signed GET with a short answer
      const view = responseView(page);
      await view.locator('section#trace li').first().waitFor({ timeout: 90_000 });
      await view.locator('.callout.ok').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(800);
      await workbench.screenshot('response-view');

      await clickLens(page, 'Show signature', 0); // "Balances and margin": nothing is sent
      await view.locator('p.message', { hasText: 'nothing was sent' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(800);
      await workbench.screenshot('response-view-signature');

      await workbench.runCommand('View: Close All Editors');
      await openFile(workbench, '05-signature-debugging.kfreq');
      await workbench.runCommand('Kraken Futures: Send All Requests');
      // The view ends on the last request: the unsigned one, rejected and explained.
      await view.locator('section#explanation').waitFor({ timeout: 90_000 });
      await page.waitForTimeout(800);
      await workbench.screenshot('response-view-diagnosis');
    } finally {
      await workbench.runCommand('View: Open Primary Side Bar').catch(() => undefined);
    }
  },
};
