import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNodes';
import { presentNode, type NodePresentation } from './nodePresentation';
import { nodeTooltip } from './nodeTooltips';

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
  item.iconPath = new vscode.ThemeIcon(p.icon, p.iconColor ? new vscode.ThemeColor(p.iconColor) : undefined);
  if (p.contextValue !== undefined) item.contextValue = p.contextValue;
  if (p.command) item.command = { command: p.command.command, title: p.command.title };
  return item;
}

/** Adds the hover text when VS Code asks for it (the row is hovered), see nodeTooltips.ts. */
export function withTooltip(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  const text = nodeTooltip(node);
  if (text !== undefined) item.tooltip = new vscode.MarkdownString(text);
  return item;
}
