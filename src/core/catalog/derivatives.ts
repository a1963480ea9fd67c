import { accountEndpoints } from './accountEndpoints';
import { chartEndpoints } from './chartEndpoints';
import { historyEndpoints } from './historyEndpoints';
import { marketDataEndpoints } from './marketDataEndpoints';
import { orderEndpoints } from './orderEndpoints';
import { transferEndpoints } from './transferEndpoints';
import type { ApiFamily } from './types';

/**
 * The Kraken Futures "Derivatives" API: REST v3 (+ the one v4 endpoint), the history API and the
 * charts API. Every path is the exact path sent to the host, because the simulator builds its
 * route table from these entries.
 */
export const derivativesFamily: ApiFamily = {
  id: 'derivatives',
  title: 'Kraken Futures (Derivatives) REST API',
  lifecycleNote:
    'Kraken plans to shut down the Derivatives REST API and the /ws/v1 WebSocket on 1 March 2027; ' +
    'the Unified WebSocket and Unified FIX replace them. The hosted demo (demo-futures.kraken.com) was retired in July 2026.',
  endpoints: [
    ...marketDataEndpoints,
    ...accountEndpoints,
    ...orderEndpoints,
    ...transferEndpoints,
    ...historyEndpoints,
    ...chartEndpoints,
  ],
};
