import * as vscode from 'vscode';
import type { KfreqFile } from '../../core/kfreq';
import { UserFacingError } from '../shared/userFacingError';
import { KfreqDocuments } from './kfreqDocuments';

/** The request a command acts on: given by a CodeLens (uri, index) or the cursor of the active editor. */
export interface RequestTarget {
  readonly document: vscode.TextDocument;
  readonly file: KfreqFile;
  readonly index: number;
}

/** The `.kfreq` document a command acts on: the one named in its arguments, else the active editor's. */
export async function targetDocument(uriArg: unknown, what: string): Promise<vscode.TextDocument> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' && uriArg !== '' ? vscode.Uri.parse(uriArg) : undefined;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !KfreqDocuments.isKfreq(document)) {
    throw new UserFacingError(`${what}: open a .kfreq request file first (one request per block, blocks separated by ###).`);
  }
  return document;
}

export async function targetRequest(documents: KfreqDocuments, args: readonly unknown[], what: string): Promise<RequestTarget> {
  const [uriArg, indexArg] = args;
  const document = await targetDocument(uriArg, what);
  const file = documents.parse(document);
  if (file.requests.length === 0) throw new UserFacingError(`${what}: ${fileName(document)} has no request yet. Write a request line such as GET /derivatives/api/v3/tickers.`);
  if (typeof indexArg === 'number') {
    if (!file.requests[indexArg]) throw new UserFacingError(`${what}: there is no request #${indexArg + 1} in ${fileName(document)}; it has ${file.requests.length}.`);
    return { document, file, index: indexArg };
  }
  const editor = vscode.window.activeTextEditor;
  const line = editor && editor.document === document ? editor.selection.active.line : 0;
  const request = file.requests.find((r) => r.range.start.line <= line && line <= r.range.end.line);
  if (!request) throw new UserFacingError(`${what}: put the cursor inside a request (below its ### line) and try again.`);
  return { document, file, index: request.index };
}

export function fileName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : vscode.workspace.asRelativePath(document.uri, false);
}
