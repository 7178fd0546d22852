import { describe, expect, it } from 'vitest';
import { defaultPlan, type PlanSummary } from './plans';

const old: PlanSummary = { code: '11-KH-BCH', termStart: 2021, lock: { lockedBy: 'tinh.canbo' } };
const next: PlanSummary = { code: '05-KH-BCH', termStart: 2026 };
const older: PlanSummary = { code: '03-KH-BCH', termStart: 2016 };

describe('defaultPlan', () => {
  it('takes the plan the user switched to', () => {
    expect(defaultPlan([old, next], '11-KH-BCH')?.code).toBe('11-KH-BCH');
  });
  it('else the newest term still open', () => {
    expect(defaultPlan([older, old, next], undefined)?.code).toBe('05-KH-BCH');
    expect(defaultPlan([older, old], 'gone')?.code).toBe('03-KH-BCH');
  });
  it('else the first, when every term is locked', () => {
    expect(defaultPlan([old], undefined)?.code).toBe('11-KH-BCH');
    expect(defaultPlan([], undefined)).toBeUndefined();
  });
});
