import * as vscode from 'vscode';
import { previewOrder, type ContractSpec, type DraftField, type DraftProblem, type OrderDraft, type PreviewContext } from '../../core/orders';

/**
 * The last step of the quick order as quick-pick rows: the action first (place, or open as a
 * `.kfreq` request), then the figures of the preview and any warnings. A draft with a problem
 * cannot be placed; its row leads back to the step to fix.
 */

export interface PreviewChoice {
  readonly action: 'place' | 'kfreq' | 'fix' | 'info';
  readonly field?: DraftField;
}

export type PreviewItem = vscode.QuickPickItem & PreviewChoice;

export function previewItems(order: OrderDraft, spec: ContractSpec, problems: readonly DraftProblem[], context: PreviewContext): PreviewItem[] {
  const preview = previewOrder(order, spec, context);
  const live = context.environment.isLive;
  const actions: PreviewItem[] = problems.length > 0
    ? problems.map((p) => ({ label: `$(error) ${p.message}`, detail: 'Select to go back and fix it', action: 'fix', field: p.field }))
    : [{
        label: live ? `$(flame) Place on ${context.environment.label} (real money)…` : `$(check) Place order on ${context.environment.label}`,
        description: preview.title,
        ...(live ? { detail: 'You will be asked to confirm once more.' } : {}),
        action: 'place',
      }];
  return [
    ...actions,
    { label: '$(file-code) Open as .kfreq request instead', description: 'nothing is sent', action: 'kfreq' },
    { label: 'Preview', kind: vscode.QuickPickItemKind.Separator, action: 'info' },
    ...preview.rows.map((row): PreviewItem => ({ label: `$(info) ${row.label}`, description: row.value, action: 'info' })),
    ...preview.warnings.map((warning): PreviewItem => ({ label: `$(warning) ${warning}`, action: 'info' })),
  ];
}
