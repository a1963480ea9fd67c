import * as vscode from 'vscode';

export const SIGNATURE_STEPS_SCHEME = 'kraken-futures-signature';
/** Old explanations are dropped so a long session does not keep every trace in memory. */
const MAX_DOCUMENTS = 20;

/**
 * Read-only virtual documents holding rendered signature steps. A content provider (rather than an
 * untitled file) means the text can't be edited or saved by accident, and nothing touches disk.
 */
export class SignatureStepsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SIGNATURE_STEPS_SCHEME, this);
  }

  /** Stores `markdown` under a new URI whose name describes the request. */
  add(label: string, markdown: string): vscode.Uri {
    this.counter += 1;
    const safeLabel = label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'request';
    const uri = vscode.Uri.from({ scheme: SIGNATURE_STEPS_SCHEME, path: `/Signature steps ${this.counter} ${safeLabel}.md` });
    this.texts.set(uri.toString(), markdown);
    while (this.texts.size > MAX_DOCUMENTS) this.texts.delete(this.texts.keys().next().value!);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# Signature steps expired\n\nRun "Kraken Futures: Show Signature Steps" again.\n';
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
