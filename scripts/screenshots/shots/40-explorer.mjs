// The explorer views and the quick order on the examples workspace against the local simulator:
// orders are placed through "Kraken Futures: Place Order" step by step (a market buy whose preview
// is captured, then two resting limit orders), then the views show the position, the orders and
// the account. Only the embedded simulator is contacted.

const WIDGET = '.quick-input-widget';

/** A price `percent` away from the pre-filled best bid/ask, on the tick: the order rests in the book. */
const away = (percent, tick) => (prefilled) => {
  const price = Math.round((Number(prefilled) * (1 + percent / 100)) / tick) * tick;
  return price.toFixed(Math.max(0, -Math.floor(Math.log10(tick))));
};

/** Waits for a quick-pick row containing `text` and clicks it (a click accepts a single-select pick). */
async function pickRow(page, text) {
  const row = page.locator(`${WIDGET} .monaco-list-row`, { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await row.click();
}

/** Types a filter into the quick pick, then clicks the row. */
async function filterAndPick(page, filter, text = filter) {
  await page.locator(`${WIDGET} .quick-input-box input`).waitFor({ state: 'visible', timeout: 60_000 });
  await page.fill(`${WIDGET} .quick-input-box input`, filter);
  await pickRow(page, text);
}

/**
 * Waits for an input box whose prompt contains `prompt` and accepts it with `value`: a text, a
 * function of the pre-filled text, or nothing (keep the pre-filled one).
 */
async function answer(page, prompt, value) {
  await page.locator(WIDGET, { hasText: prompt }).first().waitFor({ state: 'visible', timeout: 60_000 });
  const input = page.locator(`${WIDGET} .quick-input-box input`);
  if (typeof value === 'function') await input.fill(value(await input.inputValue()));
  else if (value !== undefined) await input.fill(value);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** Drags the top edge of the side-bar view titled `title` by `dy` pixels. */
async function dragPaneEdge(page, title, dy) {
  const header = await page.locator('.sidebar .pane-header', { hasText: title }).first().boundingBox();
  if (!header) return;
  const start = { x: header.x + header.width / 2, y: header.y - 1 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + dy, { steps: 10 });
  await page.mouse.up();
}

async function placeOrder(workbench, { symbol, side, type, unit, size, price, capturePreview, shows }) {
  const page = workbench.page;
  await workbench.runCommand('Kraken Futures: Place Order');
  await filterAndPick(page, symbol);
  await pickRow(page, side);
  await filterAndPick(page, type);
  await answer(page, `Size in ${unit}`, size);
  if (price !== null) await answer(page, 'price in USD', price);
  await pickRow(page, 'Continue to preview');
  await page.locator(`${WIDGET} .monaco-list-row`, { hasText: 'Estimated margin' }).first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(600);
  if (capturePreview) await workbench.screenshot(capturePreview);
  await pickRow(page, 'Place order');
  // The views refresh after every order action: wait for the row the order produced.
  await page.locator('.sidebar .monaco-list-row', { hasText: shows }).first().waitFor({ timeout: 60_000 });
}

export default {
  name: 'explorer',
  description: 'Quick order preview, then the Instruments, Positions, Open Orders and Account views with a position and orders',
  async run(workbench) {
    const page = workbench.page;
    await workbench.openActivity('Kraken Futures');
    await page.locator('.sidebar .monaco-list-row', { hasText: 'Perpetual · linear' }).first().waitFor({ timeout: 120_000 });

    await placeOrder(workbench, { symbol: 'PF_XBTUSD', side: 'Buy', type: 'Market', unit: 'XBT', size: '0.25', price: null, capturePreview: 'quick-order-preview', shows: 'long 0.25' });
    await placeOrder(workbench, { symbol: 'PF_ETHUSD', side: 'Sell', type: 'Limit', unit: 'ETH', size: '1.5', price: away(2, 0.1), shows: 'sell 1.5 PF_ETHUSD' });
    await placeOrder(workbench, { symbol: 'PI_XBTUSD', side: 'Buy', type: 'Post-only', unit: 'USD contracts', size: '2500', price: away(-2, 0.5), shows: 'buy 2,500 PI_XBTUSD' });
    await workbench.runCommand('Notifications: Clear All Notifications');

    // A wider side bar so descriptions (prices, PnL) are readable.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const edge = { x: sidebar.x + sidebar.width + 1, y: sidebar.y + sidebar.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(edge.x + 260, edge.y, { steps: 10 });
      await page.mouse.up();
    }
    // Room for the instruments: the one-position and two-order views need little height.
    await dragPaneEdge(page, 'Positions', 120);
    await dragPaneEdge(page, 'Account', -80);
    await page.locator('.sidebar .monaco-list-row', { hasText: 'Available margin' }).first().waitFor({ timeout: 60_000 });
    await page.mouse.move(900, 700);
    await page.waitForTimeout(1500);
    await workbench.screenshot('explorer-tree');
  },
};
