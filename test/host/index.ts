// Entry point of the extension-host test suite (`extensionTestsPath`), bundled to dist/test/host/index.js.
// VS Code calls run() inside the extension host; it resolves when every test passed.
import { mocha } from './mochaSetup';
import './activation.test';
import './commands.test';
import './language.test';
import './views.test';
import './credentialStore.test';
import './signatureSteps.test';
import './environments.test';
import './environmentsCredentials.test';
import './environmentsLiveGuard.test';
import './environmentsSecrets.test';
import './explorer.test';
import './orders.test';
import './requests.test';
import './requestsLanguage.test';
import './requestsLiveGuard.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
