import { TestApp } from './test-app';

/** POST /api/v1/import/:type as a manager, the body sent whole with its Content-Length. */
export function uploadImport(test: TestApp, type: string, contentType: string, body: string) {
  return test
    .http()
    .post(`/api/v1/import/${type}`)
    .set('Authorization', test.keys.manager)
    .set('Content-Type', contentType)
    .send(body);
}

/**
 * The same sent chunked, without a Content-Length, one chunk a piece, as a streaming client
 * does; the app must listen (test.app.listen) for fetch to reach it.
 */
export async function uploadChunked(
  test: TestApp,
  type: string,
  contentType: string,
  pieces: string[],
): Promise<Response> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });
  return fetch(`${await test.app.getUrl()}/api/v1/import/${type}`, {
    method: 'POST',
    headers: { Authorization: test.keys.manager, 'Content-Type': contentType },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** The `total` of a list endpoint, read as a viewer. */
export async function listTotal(
  test: TestApp,
  path: string,
  query: Record<string, string> = {},
): Promise<number> {
  const response = await test
    .http()
    .get(path)
    .query({ limit: '1', ...query })
    .set('Authorization', test.keys.viewer)
    .expect(200);
  return response.body.total as number;
}
