// The environment status bar item: Local (the default) with a Test Connection report, the switch
// quick pick, the modal confirmation before Live, and the item in Live's error colours.
// Nothing is sent to Kraken: switching only changes where later requests would go.
const ITEM = '.statusbar-item[id$="krakenFutures.environment"]';

/** The left part of the status bar, where the item sits, with a little of the window above it. */
async function statusBarStrip(workbench, name) {
  const page = workbench.page;
  const { height } = page.viewportSize();
  await page.mouse.move(page.viewportSize().width - 2, height / 2);
  await workbench.settle();
  const path = `${workbench.screenshotDir}/${name}.png`;
  await page.screenshot({ path, clip: { x: 0, y: height - 64, width: 640, height: 64 } });
  workbench.saved.push(path);
}

export default {
  name: 'environment-status-bar',
  description: 'Environment status bar item in Local and in Live mode, the switch quick pick and the live confirmation',
  async run(workbench) {
    const page = workbench.page;
    await page.locator(ITEM, { hasText: 'Local simulator' }).waitFor({ timeout: 60_000 });

    await workbench.runCommand('Kraken Futures: Test Connection');
    // Headless, the workbench files notifications without a toast: open the list to show the report.
    await workbench.runCommand('Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item', { hasText: 'keys valid' }).first().waitFor({ timeout: 60_000 });
    await statusBarStrip(workbench, 'status-bar-local');
    await workbench.screenshot('environment-local-test-connection');
    await page.keyboard.press('Escape');

    await page.locator(ITEM).first().click();
    await workbench.waitForQuickInput('Where requests from this workspace go');
    await page.waitForTimeout(400);
    await workbench.screenshot('environment-switch-quick-pick');
    await workbench.pick('Live');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    await workbench.screenshot('environment-live-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Switch to Live' }).first().click();

    await page.locator(ITEM, { hasText: 'LIVE: Live' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('environment-live');
    await statusBarStrip(workbench, 'status-bar-live');

    // Leave the window on the safe default for any shot that follows.
    await page.locator(ITEM).first().click();
    await workbench.waitForQuickInput('Where requests from this workspace go');
    await workbench.pick('Local simulator');
    await page.locator(ITEM, { hasText: 'Local simulator' }).waitFor({ timeout: 30_000 });
  },
};
