import { describe, expect, it } from 'vitest';
import { BIRTHDAY_FROM_HOUR, birthdayYear, localDate, monthDaysAround } from './birthday.js';

describe('birthday sweep dates', () => {
  it("is the customer's birthday in their own zone, from the morning hour on", () => {
    // 2026-05-16 23:30 UTC is already 17 May 09:30 in Tokyo (UTC+9), still 16 May in Lisbon.
    const at = new Date('2026-05-17T00:30:00Z');
    expect(birthdayYear('1990-05-17', at, 'Asia/Tokyo')).toBe(2026);
    expect(birthdayYear('1990-05-17', at, 'Europe/Lisbon')).toBeNull();
    expect(birthdayYear('--05-17', at, 'Asia/Tokyo')).toBe(2026);
    expect(birthdayYear('1990-05-17T00:00:00.000Z', at, 'Asia/Tokyo')).toBe(2026);
    // Before the morning hour it waits.
    expect(BIRTHDAY_FROM_HOUR).toBeGreaterThan(0);
    expect(birthdayYear('1990-05-17', new Date('2026-05-16T22:00:00Z'), 'Asia/Tokyo')).toBeNull();
  });

  it('celebrates 29 February on the 28th in other years, and on the 29th in a leap year', () => {
    expect(birthdayYear('2000-02-29', new Date('2027-02-28T12:00:00Z'), 'UTC')).toBe(2027);
    expect(birthdayYear('2000-02-29', new Date('2028-02-28T12:00:00Z'), 'UTC')).toBeNull();
    expect(birthdayYear('2000-02-29', new Date('2028-02-29T12:00:00Z'), 'UTC')).toBe(2028);
  });

  it('ignores what is not a date, and an unknown zone reads as no date', () => {
    expect(birthdayYear('17/05/1990', new Date('2026-05-17T12:00:00Z'), 'UTC')).toBeNull();
    expect(birthdayYear('', new Date('2026-05-17T12:00:00Z'), 'UTC')).toBeNull();
    expect(localDate(new Date(), 'Mars/Olympus_Mons')).toBeNull();
    expect(birthdayYear('1990-05-17', new Date('2026-05-17T12:00:00Z'), 'Mars/Olympus_Mons')).toBeNull();
  });

  it('asks for the three month-days that are today somewhere, and 29 February with the 28th', () => {
    expect(monthDaysAround(new Date('2026-05-17T12:00:00Z')).sort()).toEqual(['05-16', '05-17', '05-18']);
    expect(monthDaysAround(new Date('2027-03-01T02:00:00Z')).sort()).toEqual([
      '02-28',
      '02-29',
      '03-01',
      '03-02',
    ]);
    expect(monthDaysAround(new Date('2026-12-31T23:00:00Z')).sort()).toEqual(['01-01', '12-30', '12-31']);
  });
});
