import { ArgumentsHost } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorTranslator } from './error-translator';
import { HttpExceptionFilter } from './http-exception.filter';

/** The filter's answer to `exception`: status and body, from a stand-in HTTP context. */
function answer(filter: HttpExceptionFilter, exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const request = { requestId: 'request-1', path: '/api/v1/things' };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

class DriverRefusal extends Error {}

const translateRefusal: ErrorTranslator = (error) =>
  error instanceof DriverRefusal ? new DomainError('conflict', 'CONFLICT', 'taken') : undefined;

describe('HttpExceptionFilter with error translators', () => {
  it('shapes an error a translator knows as the translated DomainError', () => {
    const sent = answer(new HttpExceptionFilter([translateRefusal]), new DriverRefusal('x'));
    expect(sent).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'CONFLICT',
        message: 'taken',
        requestId: 'request-1',
        details: [],
      },
    });
  });

  it('answers 500 for an error no translator knows, revealing nothing', () => {
    const filter = new HttpExceptionFilter([translateRefusal]);
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    const sent = answer(filter, new Error('SELECT secret FROM t'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
