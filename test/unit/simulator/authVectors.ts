/**
 * Reference §9 vectors as the simulator must judge them: Authent values copied from the
 * reference (not recomputed here), with whether Kraken's current rules accept each.
 */

export const SECRET_A = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';
export const SECRET_B = 'cHl0aG9uLWtyYWtlbi1zZGsgdW5pdC10ZXN0IHNlY3JldCB2YWx1ZQ==';

export interface WireVector {
  readonly name: string;
  readonly secret: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Sent as the query (GET) or the form body (POST), byte for byte. */
  readonly postData: string;
  readonly nonce: string | null;
  readonly authent: string;
  /** new = the current method; legacy = signed over decoded parameters (pre-2024). */
  readonly method2024: 'new' | 'legacy';
}

const R5 = 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=';
const BATCH_JSON = '{"batchOrder":[{"order":"send","order_tag":"1","orderType":"lmt","symbol":"PF_XBTUSD","side":"buy","size":0.01,"limitPrice":50000},{"order":"cancel","order_id":"e35d61dd-8a30-4d5f-a574-b5593ef0c050"}]}';

export const WIRE_VECTORS: readonly WireVector[] = [
  { name: 'R1 openpositions with nonce', secret: SECRET_A, method: 'GET', path: '/derivatives/api/v3/openpositions', postData: '', nonce: '1415957147987',
    authent: 'POeFsOK5gPirKa61Od2UFL4Xdh/iOjskpNYzlASnPrSIUkQkhH88M5xLBxzNgEmiu72AFL08Ou+CsgsYFm1XhA==', method2024: 'new' },
  { name: 'R2 openpositions without nonce', secret: SECRET_A, method: 'GET', path: '/derivatives/api/v3/openpositions', postData: '', nonce: null,
    authent: '97NHlfPZy2jSPglkvI5ZaYjteN2sBRIK32YTyrR8Op+S0+TKyqJvZPeUuV0CQhcW0oq7DKYxq3B/Vq0H+PJGWQ==', method2024: 'new' },
  { name: 'R4 fills, timestamp signed URL-encoded', secret: SECRET_A, method: 'GET', path: '/derivatives/api/v3/fills',
    postData: 'lastFillTime=2024-02-20T00%3A00%3A00.000Z', nonce: '1708387200000',
    authent: '7puKK2lcosHIqKxq5B8kuxtrNDbwyPJ0g9VFDm4QSOxefsij8+cCWyWK1Zg5YZUSgVl7kELdifFE7P66rZYotQ==', method2024: 'new' },
  { name: 'R4 fills, timestamp signed decoded', secret: SECRET_A, method: 'GET', path: '/derivatives/api/v3/fills',
    postData: 'lastFillTime=2024-02-20T00%3A00%3A00.000Z', nonce: '1708387200000',
    authent: '6jlBGFWKj7lbQ19N7OrjzPSM8gz/jcXnrbYY3pvuQYhpekyDxd9HIn9s2UDqjMsSR12/Dg1XIw0qTkJd3Kcizw==', method2024: 'legacy' },
  { name: 'R5 sendorder, cliOrdId with %20', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/sendorder', postData: `${R5}my%20order%201`,
    nonce: '1708387200001', authent: 'THLapNKRPLDqPzsueECRWBoTL88dsXQyktx25FaiCjddN9bNdNqOibBknPMabwgsFCLE7nGPE4XeVYw3cnpD4A==', method2024: 'new' },
  { name: 'R5 sendorder, cliOrdId with +', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/sendorder', postData: `${R5}my+order+1`,
    nonce: '1708387200001', authent: 'A3ZosbBMKQ2K+2kJ5C4hNyLtLN+hqzH/W9tLEmDaKwrHtIu3srfHWdJ0/vj9Xd25f6qVKZhg8cNrzI/1rMa/oQ==', method2024: 'new' },
  { name: 'R5 sendorder, signed decoded', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/sendorder', postData: `${R5}my%20order%201`,
    nonce: '1708387200001', authent: 'f5WXirSwyIl4/+VjzEMmFPirIXG1SjAHtU+FxxE3YijNqIjkAZVF+0kmccR6rf7MTtVuBugW26c0w2NyrtpkaQ==', method2024: 'legacy' },
  { name: 'R6 batchorder, URL-encoded json field', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/batchorder',
    postData: `json=${encodeURIComponent(BATCH_JSON)}`, nonce: '1708387200002',
    authent: 'Ol29q+AOBuMfo6PyhIjgrfeDTYzcx6j/sMiFwdiUFwmkq0coM2+f1YV1oFWsvW/S6VWU6yEYFCoi8bx2OnMOUQ==', method2024: 'new' },
  { name: 'R6 batchorder, raw JSON body as ccxt sends it', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/batchorder',
    postData: `json=${BATCH_JSON}`, nonce: '1708387200002',
    authent: '1xDrQ6tLdYgQQ3X7dlAtZFQKdaFxPPkvhAGjWUUGlKBjZ8/RnHdVH8N7FW+DXGLyBmSkGx19rdJVZcYbQ0WShA==', method2024: 'new' },
  { name: 'R7 history account-log (nothing stripped)', secret: SECRET_A, method: 'GET', path: '/api/history/v3/account-log', postData: 'count=500&sort=asc',
    nonce: '1708387200003', authent: 'Az1NJ3erJMTno2Og2GLJdImBCPqNCrmokIQ8sDVAvWRuCDtHR29l1fgJL3JqRtOyc6mT5fzVxYOgQxBrDbnUlQ==', method2024: 'new' },
  { name: 'R8 orders/status with repeated keys', secret: SECRET_A, method: 'POST', path: '/derivatives/api/v3/orders/status',
    postData: 'orderIds=2c611222-bfe6-42d1-9f55-77bddc01a313&orderIds=5f204f95-4354-4610-bb3b-c902ad333012', nonce: '1708387200004',
    authent: 'GzCR3k9KWC1U9Hglc/qmc6bhmgPbFNhiyYS7G3O7Aq8tD1SP7gGCoWN8eOXuOQJu26Inf/p5xVQewz2Brc8ovw==', method2024: 'new' },
  { name: '9.3 python-kraken-sdk golden value', secret: SECRET_B, method: 'POST', path: '/derivatives/api/v3/sendorder', postData: 'orderType=lmt&symbol=PI_XBTUSD',
    nonce: '1616492376594', authent: 'Txi+gJVXe3EN1brXYQ46FuV6UVtEVSKhc6dYMhPb7a/HXZLGvO6m9UUg+KVKqhLxrbllOPI7qRkHYmPfJZZSGA==', method2024: 'new' },
];

/** R3 (the docs' orderbook inputs with Secret A): the correct value and §9.5's wrong ones. */
export const R3 = {
  path: '/derivatives/api/v3/orderbook',
  postData: 'symbol=fi_xbtusd_180615',
  nonce: '1415957147987',
  authent: 'JHLjN8OUDYaXjHRGT0z4nUvJorORrXoL9omot4BK5ihtp6jKHPHfzX9MrpVjqAgKqGJejoO3gySwoVCMJQlx/Q==',
  negatives: {
    'derivatives kept': '5ZyY47ztabvytxKdToei4Yz4K++hpN+PH9wWzv5rLK8pgRr9TaO/FxpWMh+wNbK0WA3aH7pCkuLnE8bEAvfB8Q==',
    'HMAC-SHA256': '0DOOEBcMG9gckXDf0tWK8mLkW6CGOjlLwH9sgnJTMuU=',
    'hex output': '2472e337c3940d86978c74464f4cf89d4bc9a2b391ad7a0bf689a8b7804ae6286da7a8ca1cf1dfcd7f4cae9563a8080aa8625e8e83b78324b0a1508c250971fd',
    'secret not decoded': 'xWFvILECU5O9sIiCECO69tKsAIeM7Jf4h+d0A1AkQ2FZKYHs/tOhuzasZtGn7mxuHGKGJQbUYct9H0xteyF1FA==',
    'HMAC over hex digest': '4KS04nO5X7onYKW8qVIML9Sm8aBu/Yne6IwtyOSPwTtkni0J5TY7bXZ5MeI3vtbhGqz/2LAQvSrlYVaPxlGc7Q==',
    'no SHA-256 pre-hash': 'FbdPptFsYI8peloNh04ZDp69LX/dmDe0tTK6uYSUmetNOkFYLfpSRbNm/JJi3RLtq8EpbiYDxS3DUi55dFrjFQ==',
    'nonce before postData': 'mHY35JCx2ps8Q4jMUm5FeSz43GLXpcpweycXrj5quVempehcKLaOHJVH/7H8OU1DgOFXiR9wlJbBhVEela2Anw==',
  } as Readonly<Record<string, string>>,
};
