import { createHash, createHmac } from 'node:crypto';
import { hmacKeyOf } from './sign';
import { hashSteps, type SignatureStep } from './signatureTrace';

/**
 * WebSocket v1 private feeds: the client signs the challenge string the server sent, with the REST
 * algorithm and `message = challenge`. The result goes in `signed_challenge` of every private
 * subscribe and unsubscribe, next to `original_challenge`.
 */

export function signChallenge(secret: string | Buffer, challenge: string): string {
  const digest = createHash('sha256').update(challenge, 'utf8').digest();
  return createHmac('sha512', hmacKeyOf(secret)).update(digest).digest('base64');
}

export interface TracedChallenge {
  readonly signedChallenge: string;
  readonly trace: readonly SignatureStep[];
}

export function signChallengeWithTrace(secret: string | Buffer, challenge: string): TracedChallenge {
  const hashed = hashSteps(secret, challenge);
  const trace: SignatureStep[] = [
    {
      id: 'challenge',
      label: 'challenge (message)',
      value: challenge,
      note: 'the exact string from the latest {"event":"challenge"} on this connection; a challenge from an earlier connection is rejected',
    },
    ...hashed.steps,
  ];
  return { signedChallenge: hashed.mac, trace };
}
