import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ResponseEntry } from '../../core/requests';

/**
 * The response view: one webview panel beside the editor showing the entries of the last run
 * (or a signature, a doctor verdict, a history item). The extension owns the state; the page
 * only renders it, asks to copy text, and reports what it rendered (for the tests).
 */

export interface ResponseViewState {
  readonly entries: readonly ResponseEntry[];
  readonly selectedId?: string;
  /** Shown while a run is still sending. */
  readonly running?: boolean;
}

/** What the page reports after drawing an entry: proof the webview really rendered it. */
export interface RenderReport {
  readonly entryId: string;
  readonly kind: string;
  /** Ids of the sections drawn, in order (`status`, `explanation`, `body`, `trace`, `wire`, ...). */
  readonly sections: readonly string[];
  readonly traceSteps: number;
  readonly headline: string;
}

type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'copy'; readonly text: string; readonly what?: string }
  | { readonly type: 'select'; readonly id: string }
  | ({ readonly type: 'rendered' } & RenderReport);

export const RESPONSE_VIEW_TYPE = 'krakenFutures.responseView';

export class ResponseView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private current: ResponseViewState | undefined;
  private rendered: RenderReport | undefined;
  private readonly didRender = new vscode.EventEmitter<RenderReport>();
  readonly onDidRender = this.didRender.event;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get state(): ResponseViewState | undefined {
    return this.current;
  }

  get lastRender(): RenderReport | undefined {
    return this.rendered;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Shows `state`, opening the panel beside the editor (without taking focus) if needed. */
  show(state: ResponseViewState): void {
    this.current = state;
    if (!this.panel) {
      this.open();
      return; // the page asks for the state once its script runs ('ready')
    }
    if (!this.panel.visible) this.panel.reveal(undefined, true);
    void this.panel.webview.postMessage({ type: 'state', state });
  }

  private open(): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      RESPONSE_VIEW_TYPE,
      'Kraken Futures Response',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'kraken-futures.svg');
    panel.webview.html = pageHtml(panel.webview, media);
    this.panel = panel;
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((message: PageMessage) => this.receive(message)),
      panel.onDidDispose(() => {
        for (const subscription of this.panelSubscriptions) subscription.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
      }),
    ];
  }

  private receive(message: PageMessage): void {
    switch (message?.type) {
      case 'ready':
        if (this.current) void this.panel?.webview.postMessage({ type: 'state', state: this.current });
        return;
      case 'copy':
        if (typeof message.text !== 'string') return;
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage(`$(check) Copied ${message.what ?? 'to the clipboard'}`, 2500));
        return;
      case 'select':
        if (this.current && typeof message.id === 'string') this.current = { ...this.current, selectedId: message.id };
        return;
      case 'rendered': {
        const { entryId, kind, sections, traceSteps, headline } = message;
        this.rendered = { entryId, kind, sections, traceSteps, headline };
        this.didRender.fire(this.rendered);
        return;
      }
      default:
        return;
    }
  }

  dispose(): void {
    this.panel?.dispose();
    this.didRender.dispose();
  }
}

/** A strict page: no inline code, scripts only with this load's nonce, resources only from media/. */
function pageHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'response-view.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'response-view.js'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>Kraken Futures Response</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="muted">Waiting for a response…</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}
