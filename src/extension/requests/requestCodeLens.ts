import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../shared/commands';
import type { KfreqDocuments } from './kfreqDocuments';

/** "Send", "Show signature" and "Copy as cURL" above every request line. */
export function registerRequestCodeLens(documents: KfreqDocuments): vscode.Disposable {
  // VS Code asks again after every edit, so the lenses follow the request lines without an event.
  const provider: vscode.CodeLensProvider = {
    provideCodeLenses(document) {
      const file = documents.parse(document);
      return file.requests.flatMap((request) => {
        const line = request.requestLine.range;
        const range = new vscode.Range(line.start.line, line.start.character, line.end.line, line.end.character);
        const args = [document.uri, request.index];
        return [
          new vscode.CodeLens(range, { title: '$(play) Send', tooltip: 'Send this request to the active environment', command: Commands.sendRequest, arguments: args }),
          new vscode.CodeLens(range, { title: '$(key) Show signature', tooltip: 'Sign this request step by step without sending it', command: Commands.showRequestSignature, arguments: args }),
          new vscode.CodeLens(range, { title: '$(terminal) Copy as cURL', tooltip: 'Copy a cURL command with the signature filled in (API key as a placeholder)', command: Commands.copyRequestAsCurl, arguments: args }),
        ];
      });
    },
  };
  return vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, provider);
}
