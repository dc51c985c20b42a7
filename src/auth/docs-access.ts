import { NextFunction, Request, RequestHandler, Response } from 'express';
import { RequestAuthenticator } from './request-authenticator';

/**
 * /docs and /docs-json are served by Swagger outside Nest's guards: this middleware asks for a
 * key of any role (Authorization header or the dashboard's session) unless DOCS_PUBLIC=true.
 */
export function docsAccess(authenticator: RequestAuthenticator): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    authenticator.authenticate(request, response).then(
      () => next(),
      (error: unknown) => next(error),
    );
  };
}
