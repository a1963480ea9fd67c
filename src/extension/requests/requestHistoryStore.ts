import * as vscode from 'vscode';
import type { Credentials } from '../../core/client';
import { addToHistory, historySizeOf, parseHistory, redactCredentials, serializeHistory, type ResponseEntry } from '../../core/requests';

export const HISTORY_SIZE_SETTING = 'krakenFutures.requests.historySize';
const FILE_NAME = 'request-history.json';

/**
 * The last N sent requests with their traces, in the extension's global storage (one JSON file,
 * shared by all workspaces). Entries hold no secrets by construction; each one is also passed
 * through `redactCredentials` with the credentials in use before it is written.
 */
export class RequestHistoryStore implements vscode.Disposable {
  private list: ResponseEntry[] = [];
  private loaded: Promise<void> | undefined;
  /** Writes happen one after another, so a burst of results cannot interleave half-written files. */
  private writing: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The JSON file the history is kept in. */
  get fileUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, FILE_NAME);
  }

  /** The configured size: `krakenFutures.requests.historySize`, 0 turns the history off. */
  get limit(): number {
    return historySizeOf(vscode.workspace.getConfiguration().get(HISTORY_SIZE_SETTING));
  }

  async entries(): Promise<readonly ResponseEntry[]> {
    await this.load();
    return this.list;
  }

  async find(id: string): Promise<ResponseEntry | undefined> {
    await this.load();
    return this.list.find((e) => e.id === id);
  }

  async add(entry: ResponseEntry, credentials: readonly Credentials[]): Promise<void> {
    await this.load();
    this.list = addToHistory(this.list, redactCredentials(entry, credentials), this.limit);
    this.changed.fire();
    await this.save();
  }

  async clear(): Promise<void> {
    await this.load();
    this.list = [];
    this.changed.fire();
    await this.save();
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.fileUri));
      } catch {
        return; // no history yet
      }
      const parsed = parseHistory(text);
      if (parsed.problem) this.log.warn(`request history: ${parsed.problem}`);
      // A smaller limit set since the last run applies from now on.
      this.list = parsed.entries.slice(0, this.limit);
    })();
    return this.loaded;
  }

  private save(): Promise<void> {
    const snapshot = serializeHistory(this.list);
    this.writing = this.writing.then(async () => {
      try {
        await vscode.workspace.fs.createDirectory(this.storageUri);
        await vscode.workspace.fs.writeFile(this.fileUri, new TextEncoder().encode(snapshot));
      } catch (error) {
        this.log.warn(`request history could not be saved to ${this.fileUri.fsPath}: ${(error as Error).message}`);
      }
    });
    return this.writing;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
