import * as vscode from 'vscode';
import type { Environments } from '../environments/environment';
import type { CommandErrorReporter } from '../shared/commandErrorReporter';
import { Views } from '../shared/commands';
import { registerExplorerCommands } from './explorerCommands';
import { ExplorerModel } from './explorerModel';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { Section } from './sectionState';
import { accountContent, instrumentsContent, ordersContent, positionsContent, type ExplorerView } from './viewContents';

/** Seconds between automatic refreshes; 0 turns them off. Values below the minimum are raised to it. */
export const REFRESH_INTERVAL_SETTING = 'krakenFutures.explorer.refreshIntervalSeconds';
const MIN_INTERVAL_SECONDS = 5;
const DEFAULT_INTERVAL_SECONDS = 15;

/** What each view shows, so a refresh asks only for what visible views need. */
const VIEW_SECTIONS: Readonly<Record<ExplorerView, readonly Section[]>> = {
  instruments: ['market'],
  positions: ['positions', 'market', 'account'],
  orders: ['orders', 'market'],
  account: ['account'],
};

const VIEW_IDS: Readonly<Record<ExplorerView, string>> = {
  instruments: Views.instruments,
  positions: Views.positions,
  orders: Views.orders,
  account: Views.account,
};

export const EXPLORER_VIEWS: readonly ExplorerView[] = ['instruments', 'positions', 'orders', 'account'];

export interface ExplorerFeature extends vscode.Disposable {
  readonly model: ExplorerModel;
  readonly providers: Readonly<Record<ExplorerView, ExplorerTreeProvider>>;
  readonly views: Readonly<Record<ExplorerView, vscode.TreeView<unknown>>>;
  readonly filter: InstrumentFilter;
  /** Refreshes what the visible views show (or everything with `all`); `automatic` for the timer. */
  refreshVisible(all?: boolean, automatic?: boolean): Promise<void>;
}

/** The instrument filter text, kept for the window's lifetime. */
export class InstrumentFilter implements vscode.Disposable {
  private value = '';
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;

  get text(): string {
    return this.value;
  }

  set(text: string): void {
    const next = text.trim();
    if (next === this.value) return;
    this.value = next;
    void vscode.commands.executeCommand('setContext', 'krakenFutures.explorer.instrumentFilter', next !== '');
    this.changed.fire(next);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The Instruments, Positions, Open Orders and Account views: one model, one provider and one
 * TreeView per view, the refresh timer, and the item commands. Data is first fetched when a view
 * becomes visible, so a window that never opens the views never starts the local simulator.
 */
export function registerExplorer(deps: { readonly environments: Environments; readonly errors: CommandErrorReporter; readonly log: vscode.LogOutputChannel }): ExplorerFeature {
  const disposables: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => (disposables.push(d), d);
  const model = own(new ExplorerModel({ environments: deps.environments, log: deps.log }));
  const filter = own(new InstrumentFilter());
  const label = () => deps.environments.active.label;

  const providers: Record<ExplorerView, ExplorerTreeProvider> = {
    instruments: own(new ExplorerTreeProvider(model, ['market'], () => instrumentsContent({ market: model.state('market') }, label(), filter.text))),
    positions: own(new ExplorerTreeProvider(model, ['positions', 'market', 'account'], () => positionsContent({ positions: model.state('positions'), market: model.state('market'), account: model.state('account') }, label()))),
    orders: own(new ExplorerTreeProvider(model, ['orders', 'market'], () => ordersContent({ orders: model.state('orders'), market: model.state('market') }, label()))),
    account: own(new ExplorerTreeProvider(model, ['account'], () => accountContent({ account: model.state('account') }, label()))),
  };
  own(filter.onDidChange(() => providers.instruments.invalidate()));

  const views = {} as Record<ExplorerView, vscode.TreeView<unknown>>;
  for (const view of EXPLORER_VIEWS) {
    const treeView = own(vscode.window.createTreeView(VIEW_IDS[view], { treeDataProvider: providers[view], showCollapseAll: view === 'instruments' }));
    views[view] = treeView as vscode.TreeView<unknown>;
    // The welcome text (set credentials / switch to local, or "nothing open") is chosen by this key.
    const publish = () => void vscode.commands.executeCommand('setContext', `krakenFutures.explorer.${view}`, providers[view].current().welcome ?? 'rows');
    own(providers[view].onDidChangeContent(publish));
    publish();
    own(treeView.onDidChangeVisibility((e) => {
      if (e.visible) void model.refresh(VIEW_SECTIONS[view]);
    }));
  }
  own(filter.onDidChange((text) => {
    views.instruments.description = text ? `filter: ${text}` : undefined;
  }));

  const refreshVisible = (all = false, automatic = false): Promise<void> => {
    const sections = new Set<Section>();
    for (const view of EXPLORER_VIEWS) if (all || views[view].visible) VIEW_SECTIONS[view].forEach((s) => sections.add(s));
    return sections.size > 0 ? model.refresh([...sections], { automatic }) : Promise.resolve();
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  const schedule = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    const configured = vscode.workspace.getConfiguration().get<number>(REFRESH_INTERVAL_SETTING, DEFAULT_INTERVAL_SECONDS);
    const seconds = typeof configured === 'number' && Number.isFinite(configured) ? configured : DEFAULT_INTERVAL_SECONDS;
    if (seconds <= 0) {
      deps.log.info('explorer: automatic refresh is off');
      return;
    }
    const every = Math.max(MIN_INTERVAL_SECONDS, seconds);
    if (every !== seconds) deps.log.warn(`explorer: ${REFRESH_INTERVAL_SETTING} = ${seconds} is below ${MIN_INTERVAL_SECONDS}; refreshing every ${every} s to stay within the rate limit`);
    timer = setInterval(() => void refreshVisible(false, true), every * 1000);
  };
  schedule();
  own(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(REFRESH_INTERVAL_SETTING)) schedule();
  }));
  own(new vscode.Disposable(() => timer !== undefined && clearInterval(timer)));

  const feature: ExplorerFeature = {
    model,
    providers,
    views,
    filter,
    refreshVisible,
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
  own(registerExplorerCommands({ feature, environments: deps.environments, errors: deps.errors }));
  if (EXPLORER_VIEWS.some((view) => views[view].visible)) void refreshVisible();
  return feature;
}
