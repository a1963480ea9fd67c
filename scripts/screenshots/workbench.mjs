/* global document -- the functions passed to waitForFunction run in the page */
// A thin driver over the code-server workbench page for screenshot shots: the few gestures a person
// makes (command palette, quick input, activity bar) plus saving a PNG. Selectors follow VS Code's
// DOM (as its own smoke tests use it); shots should prefer these helpers over raw selectors.

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;

export class Workbench {
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    /** Paths of the PNGs written so far. */
    this.saved = [];
  }

  /** Waits for the workbench and for our extension's activity-bar entry. */
  async ready() {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    await this.page.waitForSelector('.activitybar [aria-label^="Kraken Futures"]', { timeout: 120_000 });
    // Let start-up notifications and the explorer settle so shots are stable.
    await this.page.waitForTimeout(1500);
    await this.settle();
  }

  /** Clicks an activity-bar container by its title, e.g. "Kraken Futures". */
  async openActivity(title) {
    const item = this.page.locator(`.activitybar [aria-label^="${title}"]`).first();
    const selected = await item.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') ?? false);
    if (!selected) await item.click();
    await this.page.waitForSelector(`.sidebar .composite.title h2[title^="${title}" i], .sidebar .title-label h2`, { timeout: 60_000 });
  }

  /** Runs a command by its palette title, e.g. "Kraken Futures: Show Signature Steps". */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible' });
    await this.page.fill(QUICK_INPUT_BOX, `>${title}`);
    const row = this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the quick input shows `promptText` (title, prompt or placeholder), then types `value` and accepts. */
  async answer(promptText, value) {
    await this.waitForQuickInput(promptText);
    await this.page.fill(QUICK_INPUT_BOX, value);
    await this.page.keyboard.press('Enter');
  }

  async waitForQuickInput(text) {
    // The text may be the title or prompt (element text) or the placeholder (an attribute).
    await this.page.waitForFunction(
      ([widgetSelector, wanted]) => {
        const widget = document.querySelector(widgetSelector);
        if (!widget || widget.style.display === 'none' || widget.offsetParent === null) return false;
        const input = widget.querySelector('.quick-input-box input');
        return widget.textContent.includes(wanted) || (input?.getAttribute('placeholder') ?? '').includes(wanted) || (input?.getAttribute('aria-label') ?? '').includes(wanted);
      },
      [QUICK_INPUT, text],
      { timeout: 60_000 },
    );
  }

  /** Picks a quick-pick item by its label. */
  async pick(label) {
    await this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: label }).first().click();
  }

  /** Closes quick inputs, notifications and editors, so the next shot starts from a clean window. */
  async reset() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await this.runCommand('View: Close All Editors');
    await this.page.waitForTimeout(300);
  }

  /** Waits until no view or the window shows a progress bar (extension activation, loading trees). */
  async settle() {
    await this.page.waitForFunction(() => ![...document.querySelectorAll('.monaco-progress-container.active')].some((el) => el.offsetParent !== null), undefined, { timeout: 30_000 }).catch(() => undefined);
    await this.page.waitForTimeout(300);
  }

  /** Saves `media/screenshots/<name>.png` of the whole window (or of `selector`). */
  async screenshot(name, { selector } = {}) {
    // Park the mouse where it raises no hover or tooltip.
    await this.page.mouse.move(this.page.viewportSize().width - 2, this.page.viewportSize().height / 2);
    await this.settle();
    const path = `${this.screenshotDir}/${name}.png`;
    const target = selector ? this.page.locator(selector).first() : this.page;
    await target.screenshot({ path });
    this.saved.push(path);
    return path;
  }
}
