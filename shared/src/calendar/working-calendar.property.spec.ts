import fc from 'fast-check';
import { JURISDICTIONS } from '../domain/vocabulary.js';
import { localDateKey, localParts } from './local-time.js';
import { workingCalendar } from './working-calendar.js';

const DAY = 86_400_000;
const jurisdiction = fc.constantFrom(...JURISDICTIONS);
/** Instants from 2015 to late 2035, leaving room to add working days inside the covered years. */
const instant = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-06-30T00:00:00Z'), noInvalidDate: true });
const workingDays = fc.integer({ min: 1, max: 60 });

describe('working calendar properties', () => {
  it('addWorkingDays always lands on a working day, strictly later, for n ≥ 1', () => {
    fc.assert(
      fc.property(jurisdiction, instant, workingDays, (j, t, n) => {
        const calendar = workingCalendar(j);
        const result = calendar.addWorkingDays(t, n);
        expect(calendar.isWorkingDay(localDateKey(result))).toBe(true);
        expect(result.getTime()).toBeGreaterThan(t.getTime());
      }),
    );
  });

  it('workingDaysBetween(t, addWorkingDays(t, n)) is exactly n from a working-day time', () => {
    fc.assert(
      fc.property(jurisdiction, instant, fc.integer({ min: 0, max: 60 }), (j, raw, n) => {
        const calendar = workingCalendar(j);
        const t = calendar.addWorkingDays(raw, 0); // raw itself, or 00:00 of the next working day
        expect(calendar.workingDaysBetween(t, calendar.addWorkingDays(t, n))).toBe(n);
      }),
    );
  });

  it('addWorkingDays is monotonic in the start instant and in n', () => {
    fc.assert(
      fc.property(jurisdiction, instant, instant, workingDays, workingDays, (j, a, b, m, n) => {
        const calendar = workingCalendar(j);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(early, n).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(late, n).getTime());
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(calendar.addWorkingDays(a, few).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(a, many).getTime());
      }),
    );
  });

  it('workingDaysBetween grows with the end, adds up over splits and flips sign when reversed', () => {
    const span = fc.tuple(instant, fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 0, max: 40 * DAY }));
    fc.assert(
      fc.property(jurisdiction, span, (j, [a, d1, d2]) => {
        const calendar = workingCalendar(j);
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        const ab = calendar.workingDaysBetween(a, b);
        const ac = calendar.workingDaysBetween(a, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ac).toBeGreaterThanOrEqual(ab);
        expect(ab + calendar.workingDaysBetween(b, c)).toBeCloseTo(ac, 8);
        expect(calendar.workingDaysBetween(c, a)).toBe(ac === 0 ? 0 : -ac);
        expect(ac).toBeLessThanOrEqual((c.getTime() - a.getTime()) / DAY + 1e-9);
      }),
    );
  });

  it('endOfSameWorkingDay is at or after t, on a working day, at 23:59:59.999 local', () => {
    fc.assert(
      fc.property(jurisdiction, instant, (j, t) => {
        const calendar = workingCalendar(j);
        const end = calendar.endOfSameWorkingDay(t);
        expect(end.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.isWorkingDay(localDateKey(end))).toBe(true);
        expect(localParts(end).msOfDay).toBe(DAY - 1);
        if (calendar.isWorkingDay(localDateKey(t))) expect(localDateKey(end)).toBe(localDateKey(t));
      }),
    );
  });
});
