import * as vscode from 'vscode';
import { diagnoseKfreq, type Severity } from '../../core/kfreq';
import type { Environments } from '../environments/environment';
import type { InstrumentCache } from './instrumentCache';
import { KfreqDocuments } from './kfreqDocuments';
import { toVsRange } from './kfreqLanguageProviders';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Long enough not to re-check on every keystroke of a fast typist, short enough to feel live. */
export const DIAGNOSTICS_DEBOUNCE_MS = 250;

/**
 * Problems of open `.kfreq` files: the core's syntax and catalog checks, plus tick-size and
 * minimum-size checks once the active environment's instruments are at hand. Re-checked after
 * edits (debounced), when the instrument list arrives and when the environment changes.
 */
export class KfreqDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kfreq');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly documents: KfreqDocuments,
    private readonly environments: Environments,
    private readonly instruments: InstrumentCache,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      instruments.onDidChange(() => this.checkAll()),
      environments.onDidChange(() => this.checkAll()),
    ];
    this.checkAll();
  }

  private checkAll(): void {
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!KfreqDocuments.isKfreq(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.check(document);
    }, DIAGNOSTICS_DEBOUNCE_MS));
  }

  private check(document: vscode.TextDocument): void {
    if (!KfreqDocuments.isKfreq(document) || document.isClosed) return;
    const cached = this.instruments.current();
    const found = diagnoseKfreq(this.documents.parse(document), {
      environmentIds: this.environments.list().map((e) => e.id),
      ...(cached ? { instruments: cached } : {}),
    });
    this.collection.set(document.uri, found.map((d) => {
      const diagnostic = new vscode.Diagnostic(toVsRange(d.range), d.message, SEVERITY[d.severity]);
      diagnostic.code = d.code;
      diagnostic.source = 'kfreq';
      return diagnostic;
    }));
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.toString()));
    this.pending.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
