import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNodes';
import { presentNode, type NodePresentation } from './nodePresentation';

/** A node's presentation as VS Code's TreeItem; everything it shows is decided in nodePresentation.ts. */
export function treeItemOf(node: ExplorerNode): vscode.TreeItem {
  return toTreeItem(presentNode(node));
}

const COLLAPSIBLE: Readonly<Record<NodePresentation['collapsible'], vscode.TreeItemCollapsibleState>> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export function toTreeItem(p: NodePresentation): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, COLLAPSIBLE[p.collapsible]);
  item.id = p.id;
  if (p.description !== undefined) item.description = p.description;
  if (p.tooltip !== undefined) item.tooltip = new vscode.MarkdownString(p.tooltip);
  item.iconPath = new vscode.ThemeIcon(p.icon, p.iconColor ? new vscode.ThemeColor(p.iconColor) : undefined);
  if (p.contextValue !== undefined) item.contextValue = p.contextValue;
  if (p.command) item.command = { command: p.command.command, title: p.command.title };
  return item;
}
