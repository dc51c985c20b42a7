import { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  PathItemObject,
  SchemaObject,
  SwaggerModule,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorBodyDto } from './common/errors/error-body.dto';
import { allErrorCodes, errorCodesByModule } from './error-codes';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The OpenAPI document of the app: its routes, plus the error body every route may answer with,
 * whose `code` enumerates the modules' error-code enums (also listed by module in `x-error-codes`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Halo')
      .setDescription(
        'Community-engagement and advocacy tracker. Every route but /health needs `Authorization: Bearer <key>`. ' +
          'Money is a decimal string in JSON; dates are ISO 8601. Errors: {statusCode, error, code, message, requestId, details} ' +
          '(ErrorBodyDto: its code enumerates every error code, listed by module in x-error-codes).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  describeErrorCodes(document.components!.schemas![ErrorBodyDto.name] as SchemaObject);
  for (const path of Object.values(document.paths) as PathItemObject[]) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = path[method];
      if (operation) operation.responses.default ??= errorResponse();
    }
  }
  return document;
}

function describeErrorCodes(errorBody: SchemaObject & { 'x-error-codes'?: unknown }): void {
  const byModule = errorCodesByModule();
  const code = errorBody.properties!.code as SchemaObject;
  code.enum = allErrorCodes();
  code.description = [
    `${code.description ?? ''} By module:`,
    ...Object.entries(byModule).map(([module, codes]) => `- ${module}: ${codes.join(', ')}`),
  ].join('\n');
  errorBody['x-error-codes'] = byModule;
}

function errorResponse() {
  return {
    description: 'Refused: the error body, whose code says why.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
  };
}
