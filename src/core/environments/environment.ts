/**
 * What an environment is, without any editor: the extension, the CLI and the tests share these.
 */

export type EnvironmentKind = 'local' | 'demo' | 'live' | 'custom';

export interface Environment {
  /** `local`, `demo`, `live`, or the id of a custom environment from settings. */
  readonly id: string;
  readonly label: string;
  readonly kind: EnvironmentKind;
  /**
   * Host (and optional prefix) requests go to, e.g. `https://futures.kraken.com`. For `local` this
   * is the embedded simulator's URL once it runs, and an empty string before it has started.
   */
  readonly baseUrl: string;
  /** Real money: the live guard applies, and the UI uses warning colours. */
  readonly isLive: boolean;
}
