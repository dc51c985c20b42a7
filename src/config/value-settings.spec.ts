import { settingsWith } from '../../test/support/settings-file';
import { loadSettings } from './load-settings';

const withValue = (value: object) => settingsWith('value', value);

describe('value settings of the simple formula', () => {
  it('reads the defaults: credibility of 365 days, lapsed after 365 days, 3 years assumed', () => {
    const { value } = loadSettings({});
    expect(value.simple).toEqual({ credibilityDays: 365 });
    expect(value.lapseDays).toBe(365);
    expect(value.remainingLifespanYears).toBe(3);
  });

  it('takes the values of an operator file', () => {
    const { value } = withValue({ simple: { credibilityDays: 90 }, lapseDays: 180 })();
    expect(value.simple.credibilityDays).toBe(90);
    expect(value.lapseDays).toBe(180);
  });

  it.each([
    [{ simple: { credibilityDays: 0 } }, 'value.simple.credibilityDays'],
    [{ simple: { credibilityDays: -30 } }, 'value.simple.credibilityDays'],
    [{ simple: { credibilityDays: 36.5 } }, 'value.simple.credibilityDays'],
    [{ simple: { credibility: 365 } }, 'value.simple.credibility'],
    [{ lapseDays: 0 }, 'value.lapseDays'],
    [{ lapseDays: -1 }, 'value.lapseDays'],
    [{ lapseDays: '365' }, 'value.lapseDays'],
  ])('refuses %j naming %s', (value, setting) => {
    expect(withValue(value)).toThrow(`Invalid setting ${setting}:`);
  });
});

describe('conversion per reach', () => {
  it('keys mentions and reviews alike by platform, events by event', () => {
    const { value } = loadSettings({});
    expect(value.influence.conversionPerReach).toMatchObject({ trustpilot: 0.002, event: 0.02 });
    expect(value.influence.conversionPerReach.review).toBeUndefined();
  });

  it.each([
    [{ default: 0.001, review: 0.002 }],
    [{ default: 0.001, mentions: 0.002 }],
    [{ default: 0.001, Instagram: 0.002 }],
    [{ default: 1.5 }],
  ])('refuses at start a key no content can use, or a rate above 1: %j', (rates) => {
    const influence = { ...loadSettings({}).value.influence, conversionPerReach: rates };
    expect(withValue({ influence })).toThrow('Invalid setting value.influence.conversionPerReach:');
  });
});
