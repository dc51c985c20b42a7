import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { RAW_BODY_PREFIX } from './common/http/raw-body-routes';
import { requestContext } from './common/http/request-context.middleware';
import { bodyParserError } from './common/errors/body-parser-error';
import { HaloSettings } from './config/halo-settings';
import { dashboardAssets } from './dashboard/dashboard-assets';
import { buildOpenApiDocument } from './openapi-document';

export { RAW_BODY_PREFIX };

/**
 * Everything the HTTP app needs beyond the module graph, shared by main.ts and the tests:
 * request ids, body limits, OpenAPI.
 */
export function configureApp(app: INestApplication): INestApplication {
  const settings = app.get(HaloSettings);
  const express_ = app as NestExpressApplication;
  express_.disable('x-powered-by');
  express_.set('trust proxy', 'loopback');
  express_.set('query parser', 'extended');
  app.use(requestContext);
  app.use(dashboardAssets());
  const json = express.json({
    limit: settings.server.bodyMaxBytes,
    type: ['application/json', 'application/*+json'],
  });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) =>
    request.path.startsWith(RAW_BODY_PREFIX)
      ? next()
      : json(request, response, (error?: unknown) =>
          next(error ? bodyParserError(error) : undefined),
        ),
  );
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
