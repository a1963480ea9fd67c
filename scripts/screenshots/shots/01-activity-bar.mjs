// The Kraken Futures activity-bar container with its four views and their welcome content.
export default {
  name: 'activity-bar',
  description: 'Kraken Futures views in the activity bar',
  async run(workbench) {
    await workbench.openActivity('Kraken Futures');
    await workbench.page.locator('.sidebar .pane-header', { hasText: 'Instruments' }).first().waitFor();
    await workbench.page.waitForTimeout(500);
    await workbench.screenshot('activity-bar');
  },
};
