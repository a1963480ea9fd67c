// "Show Signature Steps" driven through the command palette, with vector R5 of the API reference
// (POST sendorder; the docs' public example secret, never a real one).
const EXAMPLE_SECRET = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';

export default {
  name: 'signature-steps',
  description: 'Show Signature Steps: the secret prompt, then the ordered steps',
  async run(workbench) {
    await workbench.runCommand('Kraken Futures: Show Signature Steps');
    await workbench.waitForQuickInput('HTTP method');
    await workbench.pick('POST');
    await workbench.answer('URL path', '/derivatives/api/v3/sendorder');
    await workbench.answer('postData', 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=my%20order%201');
    await workbench.answer('Nonce', '1708387200001');
    await workbench.waitForQuickInput('API secret');
    await workbench.page.fill('.quick-input-widget .quick-input-box input', EXAMPLE_SECRET);
    await workbench.screenshot('signature-steps-secret-prompt');
    await workbench.page.keyboard.press('Enter');
    await workbench.answer('API key', 'ExamplePublicKeyForScreenshots0123456789');
    await workbench.page.locator('.tab', { hasText: 'Signature steps' }).first().waitFor({ timeout: 60_000 });
    await workbench.page.waitForTimeout(800);
    await workbench.screenshot('signature-steps');
  },
};
