import { createHash, createHmac } from 'node:crypto';

/**
 * Known wrong ways to compute `Authent`, as data: the doctor recomputes each one and names the
 * recipe that reproduces a value it was given. Adding a mistake is adding one entry to `RECIPES`
 * (and its id to `MistakeId`).
 */

export type MistakeId =
  | 'derivatives-kept'
  | 'hmac-sha256'
  | 'hex-output'
  | 'base64url-output'
  | 'secret-not-decoded'
  | 'hmac-over-hex-digest'
  | 'no-prehash'
  | 'nonce-before-postdata'
  | 'query-in-endpoint-path'
  | 'host-in-endpoint-path'
  | 'decoded-postdata'
  | 'plus-vs-percent20'
  | 'percent-escape-case'
  | 'nonce-not-signed'
  | 'spot-recipe'
  | 'tutorial-recipe'
  | 'history-path-overstripped';

export interface RecipeInput {
  /** The path with `/derivatives` where the request has it (what goes on the wire). */
  readonly fullPath: string;
  /** The correct endpointPath (fullPath minus a leading `/derivatives`). */
  readonly endpointPath: string;
  readonly postData: string;
  readonly nonce: string;
  /** The correctly decoded secret. */
  readonly key: Buffer;
  /** The secret text as given, for recipes that forget to decode it. */
  readonly secretText: string;
}

export interface RecipeCandidate {
  readonly authent: string;
  /** The text that was hashed, when the recipe changes the message. */
  readonly message?: string;
  /** What exactly went wrong in this variant, when a recipe has several. */
  readonly detail?: string;
}

export interface SignatureRecipe {
  readonly id: MistakeId;
  readonly title: string;
  /** One sentence telling the person what to change. */
  readonly fix: string;
  /** Zero candidates when the mistake cannot make a difference for these inputs. */
  readonly compute: (input: RecipeInput) => readonly RecipeCandidate[];
}

export const KRAKEN_FUTURES_HOST = 'https://futures.kraken.com';

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function hmac(algorithm: 'sha256' | 'sha512', key: Buffer, data: string | Buffer): Buffer {
  return createHmac(algorithm, key).update(data).digest();
}

/** The correct construction applied to some (possibly wrong) message. */
function futuresMac(key: Buffer, message: string): Buffer {
  return hmac('sha512', key, sha256(message));
}

function withMessage(input: RecipeInput, message: string, detail?: string): RecipeCandidate {
  return { authent: futuresMac(input.key, message).toString('base64'), message, ...(detail ? { detail } : {}) };
}

function correctMessage(input: RecipeInput): string {
  return input.postData + input.nonce + input.endpointPath;
}

/** Form decoding as the pre-2024 signers did it: '+' is a space, %XX a UTF-8 byte. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The mistakes made after the message is built (the MAC or its encoding), as functions of the
 * message: the doctor applies them to the correct message (the single recipes below) and to the
 * messages of the message mistakes (two mistakes combined).
 */
export type MacMistakeId = 'hmac-sha256' | 'hex-output' | 'base64url-output' | 'secret-not-decoded' | 'hmac-over-hex-digest' | 'no-prehash';

const MAC_OF: Readonly<Record<MacMistakeId, (input: RecipeInput, message: string) => readonly RecipeCandidate[]>> = {
  'hmac-sha256': (i, m) => [{ authent: hmac('sha256', i.key, sha256(m)).toString('base64') }],
  'hex-output': (i, m) => [{ authent: futuresMac(i.key, m).toString('hex') }],
  'base64url-output': (i, m) => {
    const url = futuresMac(i.key, m).toString('base64url');
    return [{ authent: url }, { authent: url + '='.repeat((4 - (url.length % 4)) % 4) }];
  },
  'secret-not-decoded': (i, m) => [{ authent: futuresMac(Buffer.from(i.secretText, 'utf8'), m).toString('base64') }],
  'hmac-over-hex-digest': (i, m) => [{ authent: hmac('sha512', i.key, sha256(m).toString('hex')).toString('base64') }],
  'no-prehash': (i, m) => [{ authent: hmac('sha512', i.key, m).toString('base64'), message: m }],
};

export const MAC_MISTAKES: readonly MacMistakeId[] = Object.keys(MAC_OF) as MacMistakeId[];

/** The candidates of one MAC/encoding mistake applied to `message`. */
export function macCandidates(id: MacMistakeId, input: RecipeInput, message: string): readonly RecipeCandidate[] {
  return MAC_OF[id](input, message);
}

/**
 * The recipes whose every candidate is the correct MAC over a wrong message (and carries that
 * message): each combines with any MAC mistake.
 */
export const MESSAGE_MISTAKES: readonly MistakeId[] = [
  'derivatives-kept',
  'nonce-before-postdata',
  'decoded-postdata',
  'query-in-endpoint-path',
  'host-in-endpoint-path',
  'plus-vs-percent20',
  'percent-escape-case',
  'nonce-not-signed',
  'history-path-overstripped',
];

/**
 * Message mistakes that are a change of one input (the path or postData), so they also combine
 * with the recipes that build a different message altogether (the Spot and tutorial recipes):
 * the input as the broken client had it, or undefined when the mistake changes nothing here.
 */
export const INPUT_MISTAKES: Readonly<Partial<Record<MistakeId, (input: RecipeInput) => RecipeInput | undefined>>> = {
  'derivatives-kept': (i) => (i.fullPath === i.endpointPath ? undefined : { ...i, endpointPath: i.fullPath }),
  'decoded-postdata': (i) => {
    const decoded = formDecode(i.postData);
    return decoded === undefined || decoded === i.postData ? undefined : { ...i, postData: decoded };
  },
};

/** The whole-recipe mistakes an input mistake combines with. */
export const WHOLE_RECIPE_MISTAKES: readonly MistakeId[] = ['spot-recipe', 'tutorial-recipe'];

export const RECIPES: readonly SignatureRecipe[] = [
  {
    id: 'derivatives-kept',
    title: "'/derivatives' was kept in endpointPath",
    fix: "Remove the leading '/derivatives' from the path before hashing (sign '/api/v3/…').",
    compute: (i) => (i.fullPath === i.endpointPath ? [] : [withMessage(i, i.postData + i.nonce + i.fullPath)]),
  },
  {
    id: 'hmac-sha256',
    title: 'HMAC-SHA256 was used instead of HMAC-SHA512',
    fix: 'Use HMAC-SHA512 over the SHA-256 digest; a correct Authent is 88 base64 characters.',
    compute: (i) => macCandidates('hmac-sha256', i, correctMessage(i)),
  },
  {
    id: 'hex-output',
    title: 'The HMAC was encoded as hex instead of base64',
    fix: "Encode the 64 HMAC bytes as standard base64 (digest('base64')), not hex.",
    compute: (i) => macCandidates('hex-output', i, correctMessage(i)),
  },
  {
    id: 'base64url-output',
    title: 'The HMAC was encoded as base64url instead of standard base64',
    fix: "Use standard base64 with '+', '/' and '=' padding, not base64url ('-', '_').",
    compute: (i) => macCandidates('base64url-output', i, correctMessage(i)),
  },
  {
    id: 'secret-not-decoded',
    title: 'The secret text was used as the HMAC key without base64-decoding it',
    fix: "Base64-decode the secret and use those bytes as the HMAC key (Buffer.from(secret, 'base64')).",
    compute: (i) => macCandidates('secret-not-decoded', i, correctMessage(i)),
  },
  {
    id: 'hmac-over-hex-digest',
    title: 'The HMAC was computed over the hex text of the SHA-256 digest',
    fix: 'Feed the 32 raw SHA-256 bytes to the HMAC (digest() with no encoding), not their hex text.',
    compute: (i) => macCandidates('hmac-over-hex-digest', i, correctMessage(i)),
  },
  {
    id: 'no-prehash',
    title: 'The HMAC was computed over the message itself, skipping the SHA-256 step',
    fix: 'Hash the message with SHA-256 first and HMAC-SHA512 the 32-byte digest.',
    compute: (i) => macCandidates('no-prehash', i, correctMessage(i)),
  },
  {
    id: 'nonce-before-postdata',
    title: 'The nonce was put before postData in the message',
    fix: 'Concatenate in the order postData + nonce + endpointPath.',
    compute: (i) => (i.nonce === '' || i.postData === '' ? [] : [withMessage(i, i.nonce + i.postData + i.endpointPath)]),
  },
  {
    id: 'query-in-endpoint-path',
    title: "The query string was put into endpointPath ('?…')",
    fix: "Put the parameters in postData only; endpointPath is the path without '?' and the query.",
    compute: (i) =>
      i.postData === ''
        ? []
        : [
            withMessage(i, i.postData + i.nonce + i.endpointPath + '?' + i.postData, 'the query was hashed twice: in postData and after the path'),
            withMessage(i, i.nonce + i.endpointPath + '?' + i.postData, 'the query was hashed after the path instead of as postData'),
          ],
  },
  {
    id: 'host-in-endpoint-path',
    title: 'The scheme and host were put into endpointPath',
    fix: "Sign only the path ('/api/v3/…'), without 'https://' and the host.",
    compute: (i) => [
      withMessage(i, i.postData + i.nonce + KRAKEN_FUTURES_HOST + i.endpointPath),
      ...(i.fullPath === i.endpointPath ? [] : [withMessage(i, i.postData + i.nonce + KRAKEN_FUTURES_HOST + i.fullPath)]),
    ],
  },
  {
    id: 'decoded-postdata',
    title: 'The decoded parameters were signed (the method retired after 20 Feb 2024)',
    fix: 'Sign the URL-encoded parameter string exactly as it is sent, not the decoded values.',
    compute: (i) => {
      const decoded = formDecode(i.postData);
      return decoded === undefined || decoded === i.postData ? [] : [withMessage(i, decoded + i.nonce + i.endpointPath)];
    },
  },
  {
    id: 'plus-vs-percent20',
    title: "Spaces were encoded differently for signing and for sending ('+' vs '%20')",
    fix: 'Build the parameter string once and use that exact text both to sign and to send.',
    compute: (i) => [
      ...(i.postData.includes('+') ? [withMessage(i, i.postData.replace(/\+/g, '%20') + i.nonce + i.endpointPath, "the signed text had '%20' where the request has '+'")] : []),
      ...(/%20/.test(i.postData) ? [withMessage(i, i.postData.replace(/%20/g, '+') + i.nonce + i.endpointPath, "the signed text had '+' where the request has '%20'")] : []),
    ],
  },
  {
    id: 'percent-escape-case',
    title: "Percent-escapes changed case between signing and sending ('%3a' vs '%3A')",
    fix: 'Sign the parameter string exactly as sent; do not let an HTTP library re-encode it.',
    compute: (i) => {
      const variants = [
        { text: i.postData.replace(/%[0-9a-fA-F]{2}/g, (e) => e.toLowerCase()), detail: 'the signed text had lower-case escapes' },
        { text: i.postData.replace(/%[0-9a-fA-F]{2}/g, (e) => e.toUpperCase()), detail: 'the signed text had upper-case escapes' },
      ];
      return variants.filter((v) => v.text !== i.postData).map((v) => withMessage(i, v.text + i.nonce + i.endpointPath, v.detail));
    },
  },
  {
    id: 'nonce-not-signed',
    title: 'A Nonce header was sent but the nonce was not part of the hashed message',
    fix: 'Hash postData + nonce + endpointPath with the same nonce you send in the Nonce header (or send no Nonce header).',
    compute: (i) => (i.nonce === '' ? [] : [withMessage(i, i.postData + i.endpointPath)]),
  },
  {
    id: 'spot-recipe',
    title: 'The Kraken Spot recipe was used: HMAC-SHA512(path + SHA-256(nonce + postData))',
    fix: 'Futures signs differently from Spot: HMAC-SHA512 of SHA-256(postData + nonce + endpointPath) alone.',
    compute: (i) =>
      [...new Set([i.endpointPath, i.fullPath])].map((path) => ({
        authent: hmac('sha512', i.key, Buffer.concat([Buffer.from(path, 'utf8'), sha256(i.nonce + i.postData)])).toString('base64'),
        detail: `the Spot construction with path '${path}'`,
      })),
  },
  {
    id: 'tutorial-recipe',
    title: 'A tutorial recipe was used: base64(HMAC-SHA256(nonce + path + body)), often sent as "Authentification"',
    fix: "Use the Futures recipe (SHA-256 of postData + nonce + endpointPath, then HMAC-SHA512) and send it in the 'Authent' header.",
    compute: (i) =>
      [...new Set([i.endpointPath, i.fullPath])].flatMap((path) =>
        [i.key, Buffer.from(i.secretText, 'utf8')].map((key, index) => ({
          authent: hmac('sha256', key, i.nonce + path + i.postData).toString('base64'),
          message: i.nonce + path + i.postData,
          detail: index === 0 ? 'with the decoded secret as key' : 'with the secret text (not decoded) as key',
        })),
      ),
  },
  {
    id: 'history-path-overstripped',
    title: 'Too much was stripped from a history path',
    fix: "For history endpoints sign the full path '/api/history/vN/…'; only a leading '/derivatives' is ever removed.",
    compute: (i) => {
      const match = /^\/api\/history\/(v\d+\/.*)$/.exec(i.endpointPath);
      if (!match) return [];
      return [`/history/${match[1]}`, `/${match[1]}`].map((path) => withMessage(i, i.postData + i.nonce + path, `signed with endpointPath '${path}'`));
    },
  },
];
