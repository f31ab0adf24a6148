import type { WorkingCalendar } from '@escalation-insights/shared';
import type { Prng } from './prng.js';

/**
 * Office-hours arithmetic for the demo data: every generated instant falls on a working
 * day of the partnership's calendar, between 08:30 and 17:30 Europe/London time.
 * Instants are epoch milliseconds (UTC). Working hours never touch the 01:00 clock
 * change, so the offset rule below (BST from the last Sunday of March to the last
 * Sunday of October, changing at 01:00 UTC) is all the time-zone logic needed.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OPEN_MS = 8.5 * HOUR_MS;
const CLOSE_MS = 17.5 * HOUR_MS;
const WORKING_DAY_MS = CLOSE_MS - OPEN_MS;

const summerTime = new Map<number, readonly [number, number]>();

function lastSundayAt0100(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS + HOUR_MS;
}

/** Offset of Europe/London from UTC at `epochMs`, in milliseconds. */
export function londonOffsetMs(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  let bounds = summerTime.get(year);
  if (!bounds) {
    bounds = [lastSundayAt0100(year, 2), lastSundayAt0100(year, 9)];
    summerTime.set(year, bounds);
  }
  return epochMs >= bounds[0] && epochMs < bounds[1] ? HOUR_MS : 0;
}

/** Local day number (days since 1970-01-01 on the London calendar). */
export function localDay(epochMs: number): number {
  return Math.floor((epochMs + londonOffsetMs(epochMs)) / DAY_MS);
}

function localMsOfDay(epochMs: number): number {
  const wall = epochMs + londonOffsetMs(epochMs);
  return wall - Math.floor(wall / DAY_MS) * DAY_MS;
}

/** The instant at local clock time `msOfDay` on local day `day` (valid away from 01:00–02:00). */
export function localInstant(day: number, msOfDay: number): number {
  const wall = day * DAY_MS + msOfDay;
  return wall - londonOffsetMs(wall - 2 * HOUR_MS);
}

const MINUTE_MS = 60_000;
/** `t` rounded down to a whole minute, as people record times. */
const toMinute = (t: number): number => Math.floor(t / MINUTE_MS) * MINUTE_MS;

export class WorkingClock {
  private readonly working = new Map<number, boolean>();

  /** `rng` spreads the times that move to the start or end of office hours over the first and last hour or so. */
  constructor(readonly calendar: WorkingCalendar, private readonly rng: Prng) {}

  private opening(day: number): number {
    return localInstant(day, OPEN_MS + this.rng.int(0, 75) * MINUTE_MS);
  }

  private closing(day: number): number {
    return localInstant(day, CLOSE_MS - this.rng.int(0, 90) * MINUTE_MS);
  }

  isWorkingDay(day: number): boolean {
    let known = this.working.get(day);
    if (known === undefined) {
      known = this.calendar.isWorkingDay(new Date(day * DAY_MS).toISOString().slice(0, 10));
      this.working.set(day, known);
    }
    return known;
  }

  nextWorkingDay(day: number): number {
    let d = day + 1;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }

  previousWorkingDay(day: number): number {
    let d = day - 1;
    while (!this.isWorkingDay(d)) d--;
    return d;
  }

  /** An office-hours instant (whole minutes) at or soon after `t`: early in the next working morning if out of hours. */
  forward(t: number): number {
    const day = localDay(t);
    const ms = localMsOfDay(t);
    if (this.isWorkingDay(day) && ms >= OPEN_MS && ms <= CLOSE_MS) return toMinute(t);
    return this.opening(this.isWorkingDay(day) && ms < OPEN_MS ? day : this.nextWorkingDay(day));
  }

  /** An office-hours instant (whole minutes) at or shortly before `t`: late in the last working afternoon if out of hours. */
  backward(t: number): number {
    const day = localDay(t);
    const ms = localMsOfDay(t);
    if (this.isWorkingDay(day) && ms >= OPEN_MS && ms <= CLOSE_MS) return toMinute(t);
    return this.closing(this.isWorkingDay(day) && ms > CLOSE_MS ? day : this.previousWorkingDay(day));
  }

  /** An office-hours instant near `t` and inside `[notBefore, notAfter]` where possible. */
  within(t: number, notBefore: number, notAfter: number): number {
    const back = this.backward(t);
    if (back >= notBefore && back <= notAfter) return back;
    const ahead = this.forward(t);
    if (ahead >= notBefore && ahead <= notAfter) return ahead;
    // No office-hours instant fits: use the lower bound, itself normally an office-hours event.
    const minute = Math.min(Math.ceil(notBefore / MINUTE_MS) * MINUTE_MS, toMinute(notAfter));
    return minute >= notBefore ? minute : notAfter;
  }

  /** `t` moved on by `workingDays` of office time (fractions are shares of a nine-hour day). */
  addWorking(t: number, workingDays: number): number {
    const at = this.forward(t);
    let day = localDay(at);
    let ms = localMsOfDay(at) + (workingDays - Math.floor(workingDays)) * WORKING_DAY_MS;
    for (let n = Math.floor(workingDays); n > 0; n--) day = this.nextWorkingDay(day);
    if (ms > CLOSE_MS) {
      day = this.nextWorkingDay(day);
      ms = OPEN_MS + (ms - CLOSE_MS);
    }
    return toMinute(localInstant(day, ms));
  }

  /** A random office-hours instant in `[from, to)`, or `undefined` when the span holds none. */
  randomMoment(rng: Prng, from: number, to: number): number | undefined {
    const first = localDay(from);
    const last = localDay(to);
    for (let attempt = 0; attempt < 40; attempt++) {
      const day = rng.int(first, last);
      if (!this.isWorkingDay(day)) continue;
      const t = localInstant(day, OPEN_MS + Math.floor(rng.next() * WORKING_DAY_MS / 60_000) * 60_000);
      if (t >= from && t < to) return t;
    }
    const fallback = this.forward(from);
    return fallback < to ? fallback : undefined;
  }
}
