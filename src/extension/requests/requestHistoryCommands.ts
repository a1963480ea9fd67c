import * as vscode from 'vscode';
import type { ResponseEntry } from '../../core/requests';
import { Commands } from '../shared/commands';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { UserFacingError } from '../shared/userFacingError';
import type { RequestHistoryStore } from './requestHistoryStore';
import type { ResponseView } from './responseView';

/** "Open Request from History" (a quick pick, or an entry id as argument) and "Clear Request History". */
export function registerRequestHistoryCommands(errors: CommandErrorReporter, history: RequestHistoryStore, view: ResponseView): vscode.Disposable {
  return vscode.Disposable.from(
    errors.registerCommand(Commands.openRequestHistory, async (id?: unknown) => {
      const entry = typeof id === 'string' ? await history.find(id) : await pickEntry(await history.entries(), history.limit);
      if (typeof id === 'string' && !entry) throw new UserFacingError(`No request with id ${id} is in the history (it keeps the last ${history.limit}).`);
      if (!entry) return undefined;
      view.show({ entries: [entry], selectedId: entry.id });
      return entry;
    }),
    errors.registerCommand(Commands.clearRequestHistory, async () => {
      const count = (await history.entries()).length;
      await history.clear();
      void vscode.window.setStatusBarMessage(`$(check) Request history cleared (${count} entr${count === 1 ? 'y' : 'ies'})`, 4000);
    }),
  );
}

async function pickEntry(entries: readonly ResponseEntry[], limit: number): Promise<ResponseEntry | undefined> {
  if (entries.length === 0) {
    const hint = limit === 0 ? 'The history is off (krakenFutures.requests.historySize is 0).' : 'Send a request from a .kfreq file first.';
    void vscode.window.showInformationMessage(`The request history is empty. ${hint}`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({
      label: `${entry.outcome === 'passed' ? '$(pass)' : '$(error)'} ${entry.title}`,
      description: `${entry.environment.label}${entry.http ? ` · HTTP ${entry.http.status} · ${entry.http.durationMs} ms` : ''}`,
      detail: `${new Date(entry.createdAt).toLocaleString()} · ${entry.message}`,
      entry,
    })),
    { title: 'Kraken Futures: Request History', placeHolder: 'Pick a sent request to show its response and signature trace', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.entry;
}
