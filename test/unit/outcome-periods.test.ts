// The outcome chart's periods: items counted by decision month while their dates span under three
// years, by year beyond, every period between the first and the last listed, undated items apart.
// Expected counts written by hand.
import { describe, expect, test } from 'vitest';
import { outcomePeriods, periodLabel } from '../../src/lib/charts/outcome-periods.ts';

const item = (decided: string | undefined, outcome: 'upheld' | 'overturned') => ({ decided, item: { outcome } });

describe('outcome periods', () => {
  test('counts by month, empty months between listed, undated items apart', () => {
    expect(
      outcomePeriods([
        item('2017-02-23', 'upheld'),
        item('2017-02-01', 'overturned'),
        item('2017-04-30', 'upheld'),
        item(undefined, 'upheld'),
        item('2016-12-31', 'upheld'),
      ]),
    ).toEqual({
      unit: 'month',
      periods: [
        { key: '2016-12', upheld: 1, overturned: 0 },
        { key: '2017-01', upheld: 0, overturned: 0 },
        { key: '2017-02', upheld: 1, overturned: 1 },
        { key: '2017-03', upheld: 0, overturned: 0 },
        { key: '2017-04', upheld: 1, overturned: 0 },
      ],
      undated: 1,
    });
  });

  test('counts runs of one day, and a day that comes back after another, each item once', () => {
    const days = ['2017-03-05', '2017-03-05', undefined, '2017-03-05', '2017-01-09', '2017-03-05', '2017-01-09'];
    const outcomes = ['upheld', 'overturned', 'upheld', 'upheld', 'overturned', 'overturned', 'upheld'] as const;
    expect(outcomePeriods(days.map((d, i) => item(d, outcomes[i]!)))).toEqual({
      unit: 'month',
      periods: [
        { key: '2017-01', upheld: 1, overturned: 1 },
        { key: '2017-02', upheld: 0, overturned: 0 },
        { key: '2017-03', upheld: 2, overturned: 2 },
      ],
      undated: 1,
    });
  });

  test('counts by year from three years apart, empty years between listed', () => {
    expect(outcomePeriods([item('2013-01-02', 'overturned'), item('2016-01-01', 'upheld'), item('2016-12-31', 'overturned')])).toEqual({
      unit: 'year',
      periods: [
        { key: '2013', upheld: 0, overturned: 1 },
        { key: '2014', upheld: 0, overturned: 0 },
        { key: '2015', upheld: 0, overturned: 0 },
        { key: '2016', upheld: 1, overturned: 1 },
      ],
      undated: 0,
    });
    // 35 months apart is still monthly; 36 is yearly.
    expect(outcomePeriods([item('2014-01-15', 'upheld'), item('2016-12-15', 'upheld')]).unit).toBe('month');
    expect(outcomePeriods([item('2014-01-15', 'upheld'), item('2017-01-15', 'upheld')]).unit).toBe('year');
  });

  test('no dated item gives no period', () => {
    expect(outcomePeriods([item(undefined, 'overturned')])).toEqual({ unit: 'year', periods: [], undated: 1 });
    expect(outcomePeriods([])).toEqual({ unit: 'year', periods: [], undated: 0 });
  });

  test('labels a year as it is and a month by name', () => {
    expect(periodLabel('2017')).toBe('2017');
    expect(periodLabel('2017-02')).toBe('February 2017');
    expect(periodLabel('2009-12')).toBe('December 2009');
  });
});
