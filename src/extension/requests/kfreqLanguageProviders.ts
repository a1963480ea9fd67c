import * as vscode from 'vscode';
import { completionsAt, hoverAt, type CompletionKind, type Range } from '../../core/kfreq';
import type { Environments } from '../environments/environment';
import { LANGUAGE_ID } from '../shared/commands';
import type { InstrumentCache } from './instrumentCache';
import type { KfreqDocuments } from './kfreqDocuments';

/**
 * Completion and hover for `.kfreq` files: thin adapters over the core's completion and hover
 * model, fed with the active environment's ids and instrument list and the file's own responses.
 */

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  method: vscode.CompletionItemKind.Keyword,
  endpoint: vscode.CompletionItemKind.Function,
  parameter: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  symbol: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  directive: vscode.CompletionItemKind.Keyword,
  environment: vscode.CompletionItemKind.Module,
  field: vscode.CompletionItemKind.Field,
};

/** Typing these opens completion: a path segment, a variable, a directive, a value after `=`. */
const TRIGGER_CHARACTERS = ['/', '{', '$', '.', '@', '=', ' '];

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function registerKfreqLanguageProviders(documents: KfreqDocuments, environments: Environments, instruments: InstrumentCache): vscode.Disposable {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const completion = vscode.languages.registerCompletionItemProvider(
    selector,
    {
      provideCompletionItems(document, position) {
        const file = documents.parse(document);
        const cached = instruments.current();
        const items = completionsAt(file, { line: position.line, character: position.character }, {
          environmentIds: environments.list().map((e) => e.id),
          responses: documents.responsesOf(document.uri),
          ...(cached ? { instruments: cached } : {}),
        });
        return items.map((item) => {
          const out = new vscode.CompletionItem(item.label, KINDS[item.kind]);
          out.insertText = item.insertText;
          out.range = toVsRange(item.range);
          if (item.detail) out.detail = item.detail;
          if (item.documentation) out.documentation = new vscode.MarkdownString(item.documentation);
          if (item.filterText) out.filterText = item.filterText;
          if (item.sortText) out.sortText = item.sortText;
          // After `METHOD ` or `key = ` the next suggestion list should follow on its own.
          if (item.kind === 'method' || item.kind === 'parameter') out.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
          return out;
        });
      },
    },
    ...TRIGGER_CHARACTERS,
  );
  const hover = vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const found = hoverAt(documents.parse(document), { line: position.line, character: position.character });
      return found ? new vscode.Hover(new vscode.MarkdownString(found.contents), toVsRange(found.range)) : undefined;
    },
  });
  return vscode.Disposable.from(completion, hover);
}
