/**
 * An error whose message is written for the person using the extension: it says what was wrong
 * and what to do. Anything else that reaches the command error reporter is treated as a bug.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
