import type { DeadManSwitchStatus } from '../catalog';

/**
 * The dead man's switch (`cancelallordersafter`, reference §4.3): once armed, Kraken cancels every
 * open order at `triggerTime` unless the switch is re-armed or disarmed (timeout 0) before then.
 */

export type SwitchState =
  | { readonly armed: false }
  | {
      readonly armed: true;
      /** Local wall-clock time (epoch ms) at which the orders will be cancelled. */
      readonly deadline: number;
    };

/** Kraken's documented ceiling for the timeout (uint32 seconds); more than a day is almost surely a typo. */
export const MAX_SWITCH_SECONDS = 86_400;

export function checkSwitchSeconds(text: string): string | undefined {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return 'Enter a whole number of seconds, e.g. 60 (Kraken suggests re-arming every 15–20 s with 60 s).';
  const seconds = Number(value);
  if (seconds === 0) return 'Use "Disarm" to turn the switch off; enter a timeout above 0 here.';
  if (seconds > MAX_SWITCH_SECONDS) return `At most ${MAX_SWITCH_SECONDS} seconds (one day).`;
  return undefined;
}

/**
 * Reads Kraken's answer. The deadline is taken as an offset from the server's `currentTime`, applied
 * to the local clock when the answer arrived, so a skewed local clock does not skew the countdown.
 */
export function switchStateOf(status: DeadManSwitchStatus, receivedAt: number): SwitchState {
  if (status.triggerTime === '0' || status.triggerTime === '') return { armed: false };
  const trigger = Date.parse(status.triggerTime);
  const current = Date.parse(status.currentTime);
  if (!Number.isFinite(trigger)) return { armed: false };
  const offset = Number.isFinite(current) ? trigger - current : trigger - receivedAt;
  return { armed: true, deadline: receivedAt + Math.max(0, offset) };
}

/** Whole seconds left, never negative. */
export function secondsLeft(state: SwitchState, now: number): number {
  return state.armed ? Math.max(0, Math.ceil((state.deadline - now) / 1000)) : 0;
}

/** "1:05" / "0:09"; hours when needed. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
