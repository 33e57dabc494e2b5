import * as assert from 'node:assert/strict';
import { RULES } from '../../../../src/core/dates/rules';
import { DAYS_RULES } from '../../../../src/core/dates/rules/days';
import { DURATIONS_RULES } from '../../../../src/core/dates/rules/durations';
import { PERIODS_RULES } from '../../../../src/core/dates/rules/periods';
import { RANGES_RULES } from '../../../../src/core/dates/rules/ranges';

describe('the date grammar', () => {
  // RULES lists the rules by name, in the order that breaks ties: a rule written in a family's file
  // and not named there would never run, without any error
  it('runs every rule of every family, each once', () => {
    const defined = [...DAYS_RULES, ...PERIODS_RULES, ...RANGES_RULES, ...DURATIONS_RULES].map((r) => r.name).sort();
    assert.deepEqual(RULES.map((r) => r?.name).sort(), defined);
  });
});
