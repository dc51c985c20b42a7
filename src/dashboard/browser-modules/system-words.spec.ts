import {
  byteSize,
  dateTime,
  deliveryOutcome,
  duration,
  runState,
  uptime,
  webhookAnswer,
  webhookReceiver,
} from '../public/js/pages/system-words.js';

const DateTimeFormat = Intl.DateTimeFormat;
const dateTimeFormat = jest
  .spyOn(Intl, 'DateTimeFormat')
  .mockImplementation((locales, options) => new DateTimeFormat(locales ?? 'en-US', options));
afterAll(() => dateTimeFormat.mockRestore());

/** The System page's figures in words. */
describe('system words', () => {
  it('says sizes in bytes, then in powers of 1024 with one decimal', () => {
    expect(byteSize(0)).toBe('0 bytes');
    expect(byteSize(1)).toBe('1 byte');
    expect(byteSize(1023)).toBe('1023 bytes');
    expect(byteSize(1024)).toBe('1 KB');
    expect(byteSize(1536)).toBe('1.5 KB');
    expect(byteSize(5 * 1024 ** 3 + 0.25 * 1024 ** 3)).toBe('5.3 GB');
  });

  it('says durations in seconds, minutes and hours', () => {
    expect(duration(null)).toBe('—');
    expect(duration(300)).toBe('under a second');
    expect(duration(41_200)).toBe('41 s');
    expect(duration(120_000)).toBe('2 min');
    expect(duration(125_000)).toBe('2 min 5 s');
    expect(duration(3_900_000)).toBe('1 h 5 min');
  });

  it('says an uptime with its two largest units', () => {
    expect(uptime(30)).toBe('less than a minute');
    expect(uptime(61)).toBe('1 minute');
    expect(uptime(90_061)).toBe('1 day 1 hour');
    expect(uptime(2 * 86_400 + 5 * 60)).toBe('2 days 5 minutes');
  });

  it('tells a stale run from a running one, and a refusal from giving up', () => {
    expect(runState({ status: 'running' })).toEqual({ text: 'Running', tone: 'info' });
    expect(runState({ status: 'running' }, true)).toEqual({
      text: 'Stopped unfinished',
      tone: 'bad',
    });
    expect(runState({ status: 'failed' }).text).toBe('Failed');
    expect(deliveryOutcome({ status: 'failed-permanent', attempts: 1 })).toBe(
      'Refused by the mail server',
    );
    expect(deliveryOutcome({ status: 'failed', attempts: 5 })).toBe('Gave up after 5 attempts');
  });

  it('says what a failed webhook’s receiver answered, and where it was going', () => {
    expect(
      webhookAnswer({ lastStatusCode: 500, lastError: 'HTTP 500 Internal Server Error' }),
    ).toBe('HTTP 500 Internal Server Error');
    expect(webhookAnswer({ lastStatusCode: 503, lastError: null })).toBe('HTTP 503');
    expect(webhookAnswer({ lastStatusCode: null, lastError: 'no answer within 10000 ms' })).toBe(
      'no answer within 10000 ms',
    );
    expect(webhookAnswer({ lastStatusCode: null, lastError: null })).toBe('no answer recorded');
    expect(webhookReceiver({ host: 'hooks.example.com' })).toBe('hooks.example.com');
    expect(webhookReceiver({ host: null })).toBe('a deleted subscription');
  });

  it('dates an instant in UTC, to the minute', () => {
    expect(dateTime('2026-12-03T23:59:41.000+01:00')).toBe('3 Dec 2026, 22:59 UTC');
    expect(dateTime(null)).toBe('—');
  });
});
