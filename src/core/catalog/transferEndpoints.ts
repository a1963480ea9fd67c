import { plainSuccessResponse } from './accountSchemas';
import { DERIVATIVES_V3, derivativesCost, derivativesEndpoint, optional, required } from './endpointBuilders';
import type { EndpointSpec } from './types';

/** Transfers between wallets (reference §4.4): need a key with "Withdrawal API: Full Access". */

const account = (name: string, role: string) =>
  required(name, 'string', `${role} account: cash, flex, or a margin-account key such as fi_xbtusd.`);

export const transferEndpoints: readonly EndpointSpec[] = [
  derivativesEndpoint({
    id: 'transfer',
    method: 'POST',
    path: `${DERIVATIVES_V3}/transfer`,
    auth: 'private',
    mutating: true,
    params: [
      account('fromAccount', 'Source'),
      account('toAccount', 'Destination'),
      required('unit', 'string', 'Currency to move, e.g. xbt or usd.'),
      required('amount', 'number', 'Amount to move.'),
    ],
    rate: derivativesCost(10),
    summary: 'Move funds between your own Futures wallets.',
    response: plainSuccessResponse,
  }),
  derivativesEndpoint({
    id: 'transfer.subaccount',
    method: 'POST',
    path: `${DERIVATIVES_V3}/transfer/subaccount`,
    auth: 'private',
    mutating: true,
    params: [
      account('fromAccount', 'Source'),
      required('fromUser', 'string', 'Source user (master or subaccount).'),
      account('toAccount', 'Destination'),
      required('toUser', 'string', 'Destination user (master or subaccount).'),
      required('unit', 'string', 'Currency to move.'),
      required('amount', 'number', 'Amount to move.'),
    ],
    rate: derivativesCost(10),
    summary: 'Move funds between the master account and a subaccount.',
    response: plainSuccessResponse,
  }),
  derivativesEndpoint({
    id: 'withdrawal',
    method: 'POST',
    path: `${DERIVATIVES_V3}/withdrawal`,
    auth: 'private',
    mutating: true,
    params: [
      required('currency', 'string', 'Currency to withdraw to the Spot wallet.'),
      required('amount', 'number', 'Amount to withdraw.'),
      optional('sourceWallet', 'string', 'Wallet to take the funds from (e.g. cash or flex).'),
    ],
    rate: derivativesCost(100),
    summary: 'Withdraw from a Futures wallet to the Spot wallet.',
    response: plainSuccessResponse,
  }),
];
