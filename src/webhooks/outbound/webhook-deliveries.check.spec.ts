import { urlHost } from './webhook-deliveries.check';

describe('the host a failed webhook delivery is shown under', () => {
  it('keeps the host and port, never the path, query or credentials', () => {
    expect(urlHost('https://user:pw@hooks.example.com:8443/T0/B1/secret-token?key=abc')).toBe(
      'hooks.example.com:8443',
    );
    expect(urlHost('https://hooks.slack.example/services/T000/B000/XXXX')).toBe(
      'hooks.slack.example',
    );
    expect(urlHost('http://[::1]:9000/hook')).toBe('[::1]:9000');
  });

  it('says so for a stored value that is not a url, rather than echoing it', () => {
    expect(urlHost('not a url/with-token')).toBe('(not a url)');
  });
});
