import * as vscode from 'vscode';
import type { Environments, LiveGuard } from '../environments/environment';
import { Commands } from '../shared/commands';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { diagnoseOwnSignature } from './diagnoseSignature';
import { InstrumentCache } from './instrumentCache';
import { KfreqDiagnostics } from './kfreqDiagnostics';
import { KfreqDocuments } from './kfreqDocuments';
import { registerKfreqLanguageProviders } from './kfreqLanguageProviders';
import { registerRequestCodeLens } from './requestCodeLens';
import { registerRequestHistoryCommands } from './requestHistoryCommands';
import { RequestHistoryStore } from './requestHistoryStore';
import { assertHasRequests, sendRequests } from './requestSender';
import type { CredentialSource, RequestServices } from './requestServices';
import { copyRequestAsCurl, showRequestSignature } from './requestSigning';
import { fileName, targetDocument, targetRequest } from './requestTarget';
import { ResponseView } from './responseView';

/**
 * The `.kfreq` request-file feature: language support (completion, hover, diagnostics, CodeLens),
 * sending through the active environment, the response view, signatures without sending, cURL,
 * the signature doctor command and the request history.
 */

export interface RequestFilesDeps {
  readonly errors: CommandErrorReporter;
  readonly log: vscode.LogOutputChannel;
  readonly environments: Environments;
  readonly liveGuard: LiveGuard;
  readonly credentials: CredentialSource;
  /** `context.globalStorageUri`: where the history file lives. */
  readonly storageUri: vscode.Uri;
  readonly extensionUri: vscode.Uri;
}

/** INTERNAL, for the extension-host tests (through the test API). */
export interface RequestFilesApi {
  readonly responseView: ResponseView;
  readonly history: RequestHistoryStore;
  readonly instruments: InstrumentCache;
}

export function registerRequestFiles(deps: RequestFilesDeps): { readonly disposable: vscode.Disposable; readonly api: RequestFilesApi } {
  const { errors, environments } = deps;
  const documents = new KfreqDocuments();
  const instruments = new InstrumentCache(environments, deps.log);
  const view = new ResponseView(deps.extensionUri);
  const history = new RequestHistoryStore(deps.storageUri, deps.log);
  const services: RequestServices = { documents, environments, liveGuard: deps.liveGuard, credentials: deps.credentials, view, history, log: deps.log };

  const disposable = vscode.Disposable.from(
    documents,
    instruments,
    view,
    history,
    new KfreqDiagnostics(documents, environments, instruments),
    registerKfreqLanguageProviders(documents, environments, instruments),
    registerRequestCodeLens(documents),
    errors.registerCommand(Commands.sendRequest, async (...args: unknown[]) => {
      const target = await targetRequest(documents, args, 'Send Request');
      return sendRequests(services, target.document, [target.index], `sending request #${target.index + 1}`);
    }),
    errors.registerCommand(Commands.sendAllRequests, async (uri?: unknown) => {
      const document = await targetDocument(uri, 'Send All Requests');
      const file = documents.parse(document);
      assertHasRequests(file.requests.length, 'Send All Requests', fileName(document));
      return sendRequests(services, document, file.requests.map((r) => r.index), `sending all ${file.requests.length} requests of ${fileName(document)}`);
    }),
    errors.registerCommand(Commands.showRequestSignature, async (...args: unknown[]) => showRequestSignature(services, await targetRequest(documents, args, 'Show Signature'))),
    errors.registerCommand(Commands.copyRequestAsCurl, async (...args: unknown[]) => copyRequestAsCurl(services, await targetRequest(documents, args, 'Copy as cURL'), false)),
    errors.registerCommand(Commands.copyRequestAsCurlWithKey, async (...args: unknown[]) => copyRequestAsCurl(services, await targetRequest(documents, args, 'Copy as cURL'), true)),
    errors.registerCommand(Commands.diagnoseSignature, (args?: unknown) => diagnoseOwnSignature(services, args)),
    registerRequestHistoryCommands(errors, history, view),
  );
  return { disposable, api: { responseView: view, history, instruments } };
}
