import * as vscode from 'vscode';
import type { CommandId } from './commands';
import { UserFacingError } from './userFacingError';

export interface ReportedError {
  readonly command: CommandId;
  readonly message: string;
  readonly expected: boolean;
}

/**
 * The one place command failures go: logged to the `Kraken Futures` log channel and shown as a
 * message a person can act on, instead of VS Code's generic "command failed" notification.
 */
export class CommandErrorReporter implements vscode.Disposable {
  private readonly reported = new vscode.EventEmitter<ReportedError>();
  /** Fires after each reported failure (used by the extension-host tests). */
  readonly onDidReport = this.reported.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Registers `handler` as command `id`; a thrown error is reported and the command resolves to `undefined`. */
  registerCommand<A extends unknown[], R>(id: CommandId, handler: (...args: A) => R | Promise<R>): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await handler(...args);
      } catch (err) {
        this.report(id, err);
        return undefined;
      }
    });
  }

  report(command: CommandId, err: unknown): void {
    const expected = err instanceof UserFacingError;
    const message = err instanceof Error ? err.message : String(err);
    if (expected) {
      this.log.warn(`${command}: ${message}`);
      void vscode.window.showErrorMessage(message);
    } else {
      this.log.error(`${command} failed unexpectedly`, err instanceof Error ? err : new Error(message));
      void vscode.window.showErrorMessage(`Kraken Futures: ${message}`, 'Show Log').then((choice) => {
        if (choice) this.log.show();
      });
    }
    this.reported.fire({ command, message, expected });
  }

  dispose(): void {
    this.reported.dispose();
  }
}
