import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { auditTrail } from './audit/audit-trail.middleware';
import { AuditWriter } from './audit/audit-writer.service';
import { docsAccess } from './auth/docs-access';
import { RequestAuthenticator } from './auth/request-authenticator';
import { RAW_BODY_PREFIX } from './common/http/raw-body-routes';
import { requestContext } from './common/http/request-context.middleware';
import { jsonBodyParser } from './common/http/json-body-parser';
import { HaloSettings } from './config/halo-settings';
import { dashboardAssets } from './dashboard/dashboard-assets';
import { buildOpenApiDocument } from './openapi-document';

export { RAW_BODY_PREFIX };

/**
 * Everything the HTTP app needs beyond the module graph, shared by main.ts and the tests:
 * request ids, body limits, OpenAPI (behind a key unless server.docsPublic).
 */
export function configureApp(app: INestApplication): INestApplication {
  const settings = app.get(HaloSettings);
  const express_ = app as NestExpressApplication;
  express_.disable('x-powered-by');
  // Only a proxy on this machine or a private network may say who the client is (TRUST_PROXY):
  // otherwise anyone could pick the address the failed-authentication limit counts.
  express_.set(
    'trust proxy',
    settings.server.trustProxy ? 'loopback, linklocal, uniquelocal' : false,
  );
  express_.set('query parser', 'extended');
  app.use(requestContext);
  app.use(auditTrail(app.get(AuditWriter)));
  app.use(dashboardAssets());
  app.use(jsonBodyParser(settings.server.bodyMaxBytes));
  if (!settings.server.docsPublic) {
    app.use(['/docs', '/docs-json'], docsAccess(app.get(RequestAuthenticator)));
  }
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
