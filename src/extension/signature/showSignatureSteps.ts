import * as vscode from 'vscode';
import { Commands } from '../shared/commands';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { UserFacingError } from '../shared/userFacingError';
import { promptForMissing } from './signaturePrompts';
import { signWithTrace } from '../../core/signing';
import { credentialRemarks, toSignatureRequest, type SignatureRequest } from './signatureRequest';
import { renderSignatureSteps } from './signatureStepsMarkdown';
import { SignatureStepsDocuments } from './signatureStepsDocuments';

/**
 * Optional command arguments: any field given here is not asked for. Lets another feature (or a
 * test) explain a prepared request; fields left out are prompted.
 */
export type ShowSignatureStepsArgs = Partial<Record<keyof SignatureRequest, string>>;

/**
 * "Kraken Futures: Show Signature Steps": asks for a request and credentials, signs it with the core
 * signer and opens the ordered steps in a read-only document. Resolves to that document's URI, or
 * `undefined` when cancelled.
 */
export function registerShowSignatureSteps(errors: CommandErrorReporter): vscode.Disposable {
  const documents = new SignatureStepsDocuments();
  const command = errors.registerCommand(Commands.showSignatureSteps, async (args?: unknown) => {
    const answers = await promptForMissing(argsOf(args));
    if (!answers) return undefined;
    const request = toSignatureRequest(answers as Record<keyof SignatureRequest, string>);
    const { trace } = signWithTrace({ path: request.path, postData: request.postData, nonce: request.nonce || undefined, apiKey: request.apiKey, secret: request.secret });
    const markdown = renderSignatureSteps(request, trace, credentialRemarks(request), new Date());
    const uri = documents.add(`${request.method} ${request.path}`, markdown);
    // The `.md` name gives the document the Markdown language (and its preview command).
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
    return uri;
  });
  return vscode.Disposable.from(command, documents);
}

function argsOf(args: unknown): ShowSignatureStepsArgs {
  // Invoked from the palette or a menu, VS Code passes nothing or the clicked item: ask for everything.
  if (args === undefined || args === null || typeof args !== 'object' || args instanceof vscode.Uri) return {};
  const given: ShowSignatureStepsArgs = {};
  for (const [field, value] of Object.entries(args)) {
    if (!['method', 'path', 'postData', 'nonce', 'apiKey', 'secret'].includes(field)) continue;
    if (typeof value !== 'string') throw new UserFacingError(`Show Signature Steps: argument "${field}" must be text.`);
    given[field as keyof SignatureRequest] = value;
  }
  return given;
}
