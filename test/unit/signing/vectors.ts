/**
 * The test vectors of the API reference, §9, copied verbatim. Each was computed independently of
 * this code (Node crypto and Python hashlib/hmac) or published by Kraken or python-kraken-sdk.
 */

/** Kraken's WebSocket guide example secret; valid base64, 66 bytes. */
export const SECRET_A = '7zxMEF5p/Z8l2p2U7Ghv6x14Af+Fx+92tPgUdVQ748FOIrEoT9bgT+bTRfXc5pz8na+hL/QdrCVG7bh9KpT0eMTm';
/** base64 of "python-kraken-sdk unit-test secret value" (python-kraken-sdk's offline test). */
export const SECRET_B = 'cHl0aG9uLWtyYWtlbi1zZGsgdW5pdC10ZXN0IHNlY3JldCB2YWx1ZQ==';
/** The example secret of Kraken's REST guide: 87 characters, NOT valid base64. */
export const DOCS_REST_EXAMPLE_SECRET = 'rttp4AzwRfYEdQ7R7X8Z/04Y4TZPa97pqCypi3xXxAqftygftnI6H9yGV+OcUOOJeFtZkr8mVwbAndU3Kz4Q+eG';
/** The example public key of Kraken's docs. */
export const DOCS_API_KEY = 'rRra59qKQs3y1egAgSaG0RJlBcbq97wTUXSxXxPdhRZdv7z9ijZRWgrf';

export interface ChallengeVector {
  readonly name: string;
  readonly challenge: string;
  readonly sha256Hex: string;
  readonly sha256Base64?: string;
  readonly signed: string;
}

export const CHALLENGE_VECTORS: readonly ChallengeVector[] = [
  {
    name: '9.1 official worked example',
    challenge: 'c100b894-1729-464d-ace1-52dbce11db42',
    sha256Hex: 'e169f16ab66e9f9ee0aa0caa71f9a811cb687050693051d90bb487cd5596ac7a',
    sha256Base64: '4WnxarZun57gqgyqcfmoEctocFBpMFHZC7SHzVWWrHo=',
    signed: '4JEpF3ix66GA2B+ooK128Ift4XQVtc137N9yeg4Kqsn9PI0Kpzbysl9M1IeCEdjg0zl00wkVqcsnG4bmnlMb3A==',
  },
  {
    name: '9.1 second challenge (docs example challenge response)',
    challenge: '226aee50-88fc-4618-a42a-34f7709570b2',
    sha256Hex: '04d55b791293079198b71cc7a70576850fda0fe648493fcab7a9dd576ac905db',
    signed: 'igp0Ngjcqjp8jXnIFiSeIP/Qt0B03ZwZ3t5opCvH5ktNs70uQtnFDkv9QcocYDuLm/8Vm+U4Y7g1+vXbTZ+Amg==',
  },
];

export interface RestVector {
  readonly name: string;
  readonly secret: string;
  readonly path: string;
  readonly postData: string;
  readonly nonce: string;
  readonly endpointPath: string;
  readonly message?: string;
  readonly sha256Hex: string;
  readonly sha256Base64?: string;
  readonly authent: string;
}

const BATCH_JSON =
  '{"batchOrder":[{"order":"send","order_tag":"1","orderType":"lmt","symbol":"PF_XBTUSD","side":"buy","size":0.01,"limitPrice":50000},{"order":"cancel","order_id":"e35d61dd-8a30-4d5f-a574-b5593ef0c050"}]}';
export const BATCH_JSON_TEXT = BATCH_JSON;
export const BATCH_JSON_ENCODED =
  '%7B%22batchOrder%22%3A%5B%7B%22order%22%3A%22send%22%2C%22order_tag%22%3A%221%22%2C%22orderType%22%3A%22lmt%22%2C%22symbol%22%3A%22PF_XBTUSD%22%2C%22side%22%3A%22buy%22%2C%22size%22%3A0.01%2C%22limitPrice%22%3A50000%7D%2C%7B%22order%22%3A%22cancel%22%2C%22order_id%22%3A%22e35d61dd-8a30-4d5f-a574-b5593ef0c050%22%7D%5D%7D';
const R5_PREFIX = 'orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000&cliOrdId=';

export const REST_VECTORS: readonly RestVector[] = [
  {
    name: '9.3 python-kraken-sdk golden value',
    secret: SECRET_B,
    path: '/derivatives/api/v3/sendorder',
    postData: 'orderType=lmt&symbol=PI_XBTUSD',
    nonce: '1616492376594',
    endpointPath: '/api/v3/sendorder',
    message: 'orderType=lmt&symbol=PI_XBTUSD1616492376594/api/v3/sendorder',
    sha256Hex: 'a569742ec18b414ed77641dd30f2ab360134dd34ebf48e366cc1fa38320b0ec0',
    sha256Base64: 'pWl0LsGLQU7XdkHdMPKrNgE03TTr9I42bMH6ODILDsA=',
    authent: 'Txi+gJVXe3EN1brXYQ46FuV6UVtEVSKhc6dYMhPb7a/HXZLGvO6m9UUg+KVKqhLxrbllOPI7qRkHYmPfJZZSGA==',
  },
  {
    name: 'R1 GET openpositions with nonce',
    secret: SECRET_A,
    path: '/derivatives/api/v3/openpositions',
    postData: '',
    nonce: '1415957147987',
    endpointPath: '/api/v3/openpositions',
    message: '1415957147987/api/v3/openpositions',
    sha256Hex: '7ce927058f527be897a613114bd41bcb6379bafb06d31f50116e039d45fae716',
    sha256Base64: 'fOknBY9Se+iXphMRS9Qby2N5uvsG0x9QEW4DnUX65xY=',
    authent: 'POeFsOK5gPirKa61Od2UFL4Xdh/iOjskpNYzlASnPrSIUkQkhH88M5xLBxzNgEmiu72AFL08Ou+CsgsYFm1XhA==',
  },
  {
    name: 'R2 GET openpositions without nonce',
    secret: SECRET_A,
    path: '/derivatives/api/v3/openpositions',
    postData: '',
    nonce: '',
    endpointPath: '/api/v3/openpositions',
    message: '/api/v3/openpositions',
    sha256Hex: 'b0d796e72d468c479da531a7fe2993a51ceb32db3bab5db3ff476aa28529c5bc',
    sha256Base64: 'sNeW5y1GjEedpTGn/imTpRzrMts7q12z/0dqooUpxbw=',
    authent: '97NHlfPZy2jSPglkvI5ZaYjteN2sBRIK32YTyrR8Op+S0+TKyqJvZPeUuV0CQhcW0oq7DKYxq3B/Vq0H+PJGWQ==',
  },
  {
    name: 'R3 docs inputs, GET orderbook',
    secret: SECRET_A,
    path: '/derivatives/api/v3/orderbook',
    postData: 'symbol=fi_xbtusd_180615',
    nonce: '1415957147987',
    endpointPath: '/api/v3/orderbook',
    message: 'symbol=fi_xbtusd_1806151415957147987/api/v3/orderbook',
    sha256Hex: 'ae149fd1de6a706ef61f7a2b7efb52fe6d80790e6ab941bfcc7a8fef86ac91c3',
    sha256Base64: 'rhSf0d5qcG72H3orfvtS/m2AeQ5quUG/zHqP74askcM=',
    authent: 'JHLjN8OUDYaXjHRGT0z4nUvJorORrXoL9omot4BK5ihtp6jKHPHfzX9MrpVjqAgKqGJejoO3gySwoVCMJQlx/Q==',
  },
  {
    name: 'R4 GET fills, new method (encoded timestamp)',
    secret: SECRET_A,
    path: '/derivatives/api/v3/fills',
    postData: 'lastFillTime=2024-02-20T00%3A00%3A00.000Z',
    nonce: '1708387200000',
    endpointPath: '/api/v3/fills',
    message: 'lastFillTime=2024-02-20T00%3A00%3A00.000Z1708387200000/api/v3/fills',
    sha256Hex: '3658e19fd9cc1c9948f183be899f3e31616024a9389f1576f707cbbeabe94c26',
    sha256Base64: 'Nljhn9nMHJlI8YO+iZ8+MWFgJKk4nxV29wfLvqvpTCY=',
    authent: '7puKK2lcosHIqKxq5B8kuxtrNDbwyPJ0g9VFDm4QSOxefsij8+cCWyWK1Zg5YZUSgVl7kELdifFE7P66rZYotQ==',
  },
  {
    name: 'R4 GET fills, legacy decoded',
    secret: SECRET_A,
    path: '/derivatives/api/v3/fills',
    postData: 'lastFillTime=2024-02-20T00:00:00.000Z',
    nonce: '1708387200000',
    endpointPath: '/api/v3/fills',
    sha256Hex: '7f5ca512a990f190a4d18862226d19fe1e3b78bae5975c31887d3daa4f9ffcac',
    authent: '6jlBGFWKj7lbQ19N7OrjzPSM8gz/jcXnrbYY3pvuQYhpekyDxd9HIn9s2UDqjMsSR12/Dg1XIw0qTkJd3Kcizw==',
  },
  {
    name: 'R5 sendorder, %20 spaces',
    secret: SECRET_A,
    path: '/derivatives/api/v3/sendorder',
    postData: `${R5_PREFIX}my%20order%201`,
    nonce: '1708387200001',
    endpointPath: '/api/v3/sendorder',
    sha256Hex: '688b86c208435971d3f500068b089abe1e5717ef821e43ec1c7ccf5d3a34e0b5',
    authent: 'THLapNKRPLDqPzsueECRWBoTL88dsXQyktx25FaiCjddN9bNdNqOibBknPMabwgsFCLE7nGPE4XeVYw3cnpD4A==',
  },
  {
    name: 'R5 sendorder, + spaces',
    secret: SECRET_A,
    path: '/derivatives/api/v3/sendorder',
    postData: `${R5_PREFIX}my+order+1`,
    nonce: '1708387200001',
    endpointPath: '/api/v3/sendorder',
    sha256Hex: '877df9f550703ccf9e40bbef95d2210ba755b21204a03e15f22b5c1dc82afab9',
    authent: 'A3ZosbBMKQ2K+2kJ5C4hNyLtLN+hqzH/W9tLEmDaKwrHtIu3srfHWdJ0/vj9Xd25f6qVKZhg8cNrzI/1rMa/oQ==',
  },
  {
    name: 'R5 sendorder, legacy decoded',
    secret: SECRET_A,
    path: '/derivatives/api/v3/sendorder',
    postData: `${R5_PREFIX}my order 1`,
    nonce: '1708387200001',
    endpointPath: '/api/v3/sendorder',
    sha256Hex: '0d3ccaba7c30db0f3307f7da02d38bd8b3920a02694e9fd47448c38862e05a17',
    authent: 'f5WXirSwyIl4/+VjzEMmFPirIXG1SjAHtU+FxxE3YijNqIjkAZVF+0kmccR6rf7MTtVuBugW26c0w2NyrtpkaQ==',
  },
  {
    name: 'R6 batchorder, url-encoded body',
    secret: SECRET_A,
    path: '/derivatives/api/v3/batchorder',
    postData: `json=${BATCH_JSON_ENCODED}`,
    nonce: '1708387200002',
    endpointPath: '/api/v3/batchorder',
    sha256Hex: '787a70fb23832331132088cddf8656dcad905dd603b532e0ce379a95af4e283e',
    authent: 'Ol29q+AOBuMfo6PyhIjgrfeDTYzcx6j/sMiFwdiUFwmkq0coM2+f1YV1oFWsvW/S6VWU6yEYFCoi8bx2OnMOUQ==',
  },
  {
    name: 'R6 batchorder, raw JSON body',
    secret: SECRET_A,
    path: '/derivatives/api/v3/batchorder',
    postData: `json=${BATCH_JSON}`,
    nonce: '1708387200002',
    endpointPath: '/api/v3/batchorder',
    sha256Hex: 'd6a016ca74fcd4db28142146f9d12a60e326190e33ea83436cc54a0d6c451e30',
    authent: '1xDrQ6tLdYgQQ3X7dlAtZFQKdaFxPPkvhAGjWUUGlKBjZ8/RnHdVH8N7FW+DXGLyBmSkGx19rdJVZcYbQ0WShA==',
  },
  {
    name: 'R7 history account-log (nothing stripped)',
    secret: SECRET_A,
    path: '/api/history/v3/account-log',
    postData: 'count=500&sort=asc',
    nonce: '1708387200003',
    endpointPath: '/api/history/v3/account-log',
    message: 'count=500&sort=asc1708387200003/api/history/v3/account-log',
    sha256Hex: '408935a799f4c7e17e3727ccda7550eab9ed9be9b65dbfcbc31f9de6b24f59ad',
    sha256Base64: 'QIk1p5n0x+F+NyfM2nVQ6rntm+m2Xb/Lwx+d5rJPWa0=',
    authent: 'Az1NJ3erJMTno2Og2GLJdImBCPqNCrmokIQ8sDVAvWRuCDtHR29l1fgJL3JqRtOyc6mT5fzVxYOgQxBrDbnUlQ==',
  },
  {
    name: 'R8 orders/status with repeated keys',
    secret: SECRET_A,
    path: '/derivatives/api/v3/orders/status',
    postData: 'orderIds=2c611222-bfe6-42d1-9f55-77bddc01a313&orderIds=5f204f95-4354-4610-bb3b-c902ad333012',
    nonce: '1708387200004',
    endpointPath: '/api/v3/orders/status',
    sha256Hex: '6d17c4cad72afb3547e3f1906279f4c69078eac2c27b3f413f7b7d559c5ba9d9',
    authent: 'GzCR3k9KWC1U9Hglc/qmc6bhmgPbFNhiyYS7G3O7Aq8tD1SP7gGCoWN8eOXuOQJu26Inf/p5xVQewz2Brc8ovw==',
  },
  {
    name: 'R9 "Upcoming Changes" example, new method',
    secret: SECRET_A,
    path: '/derivatives/api/v3/orderbook',
    postData: 'greeting=hello%20world',
    nonce: '1415957147987',
    endpointPath: '/api/v3/orderbook',
    sha256Hex: 'f62ef0585140b3d5aa10fc9f9c5fa7d741d40db86faa57d966b233bea5511dd7',
    authent: '4GTtimAHS5anKATjKFsPyFVkivQfLEoQnQTZs4Nc4bgw3NFPNKupX6cERKjemZgQptLUPUBik8XpRgWgPgY4kQ==',
  },
  {
    name: 'R9 "Upcoming Changes" example, legacy decoded',
    secret: SECRET_A,
    path: '/derivatives/api/v3/orderbook',
    postData: 'greeting=hello world',
    nonce: '1415957147987',
    endpointPath: '/api/v3/orderbook',
    sha256Hex: '8e92d9c8609e9db4c7bb8ab3beefdb1a0dae7efa657073d38185fe99c2b9ffbd',
    authent: 'HbeAbB9AudmkGuap27fCAGU87qoG8ztlFVzoWEkIs2N2aj7idr2RYYLan40/3S63f7r7GngaN3eU/H/DBi1hqA==',
  },
];

/** §9.5: values produced by known mistakes on the R3 inputs, with the doctor id that names each. */
export const NEGATIVE_VECTORS: readonly { readonly mistake: string; readonly value: string }[] = [
  { mistake: 'derivatives-kept', value: '5ZyY47ztabvytxKdToei4Yz4K++hpN+PH9wWzv5rLK8pgRr9TaO/FxpWMh+wNbK0WA3aH7pCkuLnE8bEAvfB8Q==' },
  { mistake: 'hmac-sha256', value: '0DOOEBcMG9gckXDf0tWK8mLkW6CGOjlLwH9sgnJTMuU=' },
  { mistake: 'hex-output', value: '2472e337c3940d86978c74464f4cf89d4bc9a2b391ad7a0bf689a8b7804ae6286da7a8ca1cf1dfcd7f4cae9563a8080aa8625e8e83b78324b0a1508c250971fd' },
  { mistake: 'secret-not-decoded', value: 'xWFvILECU5O9sIiCECO69tKsAIeM7Jf4h+d0A1AkQ2FZKYHs/tOhuzasZtGn7mxuHGKGJQbUYct9H0xteyF1FA==' },
  { mistake: 'hmac-over-hex-digest', value: '4KS04nO5X7onYKW8qVIML9Sm8aBu/Yne6IwtyOSPwTtkni0J5TY7bXZ5MeI3vtbhGqz/2LAQvSrlYVaPxlGc7Q==' },
  { mistake: 'no-prehash', value: 'FbdPptFsYI8peloNh04ZDp69LX/dmDe0tTK6uYSUmetNOkFYLfpSRbNm/JJi3RLtq8EpbiYDxS3DUi55dFrjFQ==' },
  { mistake: 'nonce-before-postdata', value: 'mHY35JCx2ps8Q4jMUm5FeSz43GLXpcpweycXrj5quVempehcKLaOHJVH/7H8OU1DgOFXiR9wlJbBhVEela2Anw==' },
];
