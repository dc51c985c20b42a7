import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Observable, concatMap, from, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { RAW_BODY_PREFIX } from '../common/http/raw-body-routes';
import { DomainError } from '../common/errors/domain-error';
import { canonicalHash } from './canonical-hash';
import { IdempotencyRecord } from './idempotency-record.entity';
import { CommonErrorCode } from '../common/errors/common-error-code';

const HEADER = 'idempotency-key';
const VALID_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * POSTs sent with an Idempotency-Key header: the first answer is stored; the same key with the
 * same body replays it without running the handler again; the same key with another body is 422.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header(HEADER);
    // Imports stream their body (nothing to hash) and are idempotent row by row already.
    if (
      request.method !== 'POST' ||
      key === undefined ||
      !request.apiKey ||
      request.path.startsWith(RAW_BODY_PREFIX)
    ) {
      return next.handle();
    }
    if (!VALID_KEY.test(key)) {
      throw new DomainError(
        'invalid',
        CommonErrorCode.VALIDATION_FAILED,
        'Idempotency-Key must be 1–200 visible ASCII characters',
        [
          {
            field: 'Idempotency-Key',
            reason: 'must be 1–200 visible ASCII characters',
            code: 'invalidHeader',
          },
        ],
      );
    }
    const response = context.switchToHttp().getResponse<Response>();
    const route = `${request.method} ${request.baseUrl}${request.path}`;
    const requestHash = canonicalHash({ route, body: request.body ?? null });
    const apiKeyId = request.apiKey.id;
    const repository = this.dataSource.getRepository(IdempotencyRecord);
    return from(repository.findOneBy({ apiKeyId, key })).pipe(
      switchMap((stored) => {
        if (stored) {
          if (stored.requestHash !== requestHash) {
            throw new DomainError(
              'unprocessable',
              CommonErrorCode.IDEMPOTENCY_KEY_REUSED,
              'this Idempotency-Key was used with another request',
              [
                {
                  field: 'Idempotency-Key',
                  reason: 'was used before with a different body or route',
                  code: 'keyReused',
                },
              ],
            );
          }
          response.status(stored.status);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(JSON.parse(stored.responseBody) as unknown);
        }
        // Nest sets the status before the handler runs, so it is known here; the record is
        // stored before the answer leaves, so a retry that follows at once already finds it.
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            if (response.statusCode < 300) {
              await repository
                .createQueryBuilder()
                .insert()
                .values({
                  id: randomUUID(),
                  apiKeyId,
                  key,
                  route,
                  requestHash,
                  status: response.statusCode,
                  responseBody: JSON.stringify(body ?? null),
                  createdAt: Date.now(),
                })
                .orIgnore()
                .execute()
                .catch((error: unknown) =>
                  this.logger.warn(`idempotency record not stored: ${String(error)}`),
                );
            }
            return body;
          }),
        );
      }),
    );
  }
}
