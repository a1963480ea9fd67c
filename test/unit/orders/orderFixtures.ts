import type { Instrument } from '../../../src/core/catalog';
import { contractSpecOf, type ContractSpec } from '../../../src/core/orders';

/** Instruments shaped like the reference samples (§4.1) and the simulator's contracts. */

export const PF_XBTUSD: Instrument = {
  symbol: 'PF_XBTUSD', type: 'flexible_futures', pair: 'XBT:USD', base: 'XBT', quote: 'USD', tickSize: 1, contractSize: 1,
  contractValueTradePrecision: 4, tradeable: true, maxPositionSize: 1_000_000, postOnly: false,
  marginLevels: [
    { numNonContractUnits: 0, initialMargin: 0.02, maintenanceMargin: 0.01 },
    { numNonContractUnits: 500_000, initialMargin: 0.04, maintenanceMargin: 0.02 },
  ],
  fundingRateCoefficient: 8, maxRelativeFundingRate: 0.001,
};

export const PI_XBTUSD: Instrument = {
  symbol: 'PI_XBTUSD', type: 'futures_inverse', pair: 'XBT:USD', base: 'XBT', quote: 'USD', tickSize: 0.5, contractSize: 1,
  contractValueTradePrecision: 0, tradeable: true, maxPositionSize: 1_000_000,
  marginLevels: [{ contracts: 0, initialMargin: 0.02, maintenanceMargin: 0.01 }, { contracts: 500_000, initialMargin: 0.04, maintenanceMargin: 0.02 }],
};

export const FI_XBTUSD: Instrument = {
  symbol: 'FI_XBTUSD_220930', type: 'futures_inverse', lastTradingTime: '2022-09-30T15:00:00.000Z', tickSize: 0.5, contractSize: 1, tradeable: true,
};

export const PF_ETHUSD: Instrument = {
  symbol: 'PF_ETHUSD', type: 'flexible_futures', base: 'ETH', quote: 'USD', tickSize: 0.1, contractSize: 1, contractValueTradePrecision: 3, tradeable: true,
  marginLevels: [{ numNonContractUnits: 0, initialMargin: 0.02, maintenanceMargin: 0.01 }],
};

export const xbtLinear: ContractSpec = contractSpecOf(PF_XBTUSD);
export const xbtInverse: ContractSpec = contractSpecOf(PI_XBTUSD);
