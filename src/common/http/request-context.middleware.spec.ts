import { Logger } from '@nestjs/common';
import express from 'express';
import request from 'supertest';
import { requestContext } from './request-context.middleware';

/** The request log (DESIGN.md, Erasure): a query string may name a person; it is never logged. */
describe('request log', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the path without the query string, and no header', async () => {
    const lines: unknown[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => {
      lines.push(message);
    });
    const app = express();
    app.use(requestContext);
    app.get('/api/v1/members', (_request, response) => {
      response.json({ ok: true });
    });
    await request(app)
      .get(
        '/api/v1/members?q=zelda.quixote%40erase-me.example&email=zelda.quixote@erase-me.example',
      )
      .set('Authorization', 'Bearer secret-key-never-logged')
      .expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/api/v1/members', status: 200 });
    const logged = JSON.stringify(lines);
    expect(logged).not.toMatch(/zelda|erase-me|\?q=|secret-key/i);
  });
});
