/**
 * zod response schemas of the Derivatives API and the TypeScript types parsed from them.
 * Split by area (market, account, orders, history); import from here.
 */
export * from './schemaPrimitives';
export * from './marketSchemas';
export * from './accountSchemas';
export * from './orderSchemas';
export * from './historySchemas';
