import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../shared/commands';

/** Opens generated `.kfreq` text as an untitled request file: nothing is written to disk until the person saves it. */
export async function openKfreqDocument(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
