/**
 * Order entry rules, pure (no vscode): contract specs from `/instruments`, size/price checks,
 * notional and margin estimates, plain-words order statuses, the dead man's switch and the `.kfreq`
 * text of orders, positions and instruments. Used by the explorer tree and the quick order.
 */
export * from './contractSpec';
export * from './decimalText';
export * from './orderDraft';
export * from './orderValidation';
export * from './orderMath';
export * from './orderPreview';
export * from './statusExplanation';
export * from './closePosition';
export * from './deadManSwitch';
export * from './kfreqRequests';
export * from './positionRisk';
