import * as vscode from 'vscode';
import { childrenOf, type ExplorerNode } from './explorerNodes';
import type { ExplorerModel } from './explorerModel';
import type { Section } from './sectionState';
import { treeItemOf, withTooltip } from './treeItems';
import type { ViewContent } from './viewContents';

/**
 * The TreeDataProvider of one explorer view. Its rows are computed from the model only when the
 * sections it depends on change (not on every getChildren), and the computed content also tells
 * the view which welcome text to show when it has no rows.
 */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly contentChanged = new vscode.EventEmitter<ViewContent>();
  /** Fires after the rows were recomputed (the view updates its context key and message). */
  readonly onDidChangeContent = this.contentChanged.event;
  private content: ViewContent | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    model: ExplorerModel,
    private readonly sections: readonly Section[],
    private readonly compute: () => ViewContent,
  ) {
    this.subscription = model.onDidChange((section) => {
      if (this.sections.includes(section)) this.invalidate();
    });
  }

  /** Recompute (e.g. the instrument filter changed). */
  invalidate(): void {
    this.content = undefined;
    this.contentChanged.fire(this.current());
    this.changed.fire(undefined);
  }

  current(): ViewContent {
    this.content ??= this.compute();
    return this.content;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return treeItemOf(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    return withTooltip(item, node);
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    return [...(node ? childrenOf(node) : this.current().nodes)];
  }

  /** Needed for `TreeView.reveal`; parents are only groups and accounts, found from the roots. */
  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.current().nodes.find((root) => childrenOf(root).some((child) => child.id === node.id));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.contentChanged.dispose();
  }
}
