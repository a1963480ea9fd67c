import * as vscode from 'vscode';
import { parseKfreq, type KfreqFile, type StoredResponse } from '../../core/kfreq';
import { LANGUAGE_ID } from '../shared/commands';

/**
 * The parsed form of each open `.kfreq` document, computed once per version, and the named
 * responses each document has collected (so `{{placed.response...}}` works across runs).
 * Every provider reads from here instead of parsing on its own.
 */
export class KfreqDocuments implements vscode.Disposable {
  private readonly parsed = new Map<string, { version: number; file: KfreqFile }>();
  private readonly responses = new Map<string, Map<string, StoredResponse>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.parsed.delete(document.uri.toString());
        this.responses.delete(document.uri.toString());
      }),
    ];
  }

  static isKfreq(document: vscode.TextDocument): boolean {
    return document.languageId === LANGUAGE_ID;
  }

  parse(document: vscode.TextDocument): KfreqFile {
    const key = document.uri.toString();
    const cached = this.parsed.get(key);
    if (cached && cached.version === document.version) return cached.file;
    const file = parseKfreq(document.getText());
    this.parsed.set(key, { version: document.version, file });
    return file;
  }

  /** The named responses of this document; the runner adds to the map it is given. */
  responsesOf(uri: vscode.Uri): Map<string, StoredResponse> {
    const key = uri.toString();
    let map = this.responses.get(key);
    if (!map) {
      map = new Map();
      this.responses.set(key, map);
    }
    return map;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.parsed.clear();
    this.responses.clear();
  }
}
