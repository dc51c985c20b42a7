import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { Observable, catchError, concatMap, from, switchMap, throwError } from 'rxjs';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { RAW_BODY_PREFIX } from '../common/http/raw-body-routes';
import { REPLAY_READER } from '../common/http/replay-reads.decorator';
import { DomainError } from '../common/errors/domain-error';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { canonicalHash } from './canonical-hash';
import { invalidIdempotencyKey } from './idempotency-errors';
import { IdempotencyRecord } from './idempotency-record.entity';
import { Claim, IN_PROGRESS_RETRY_AFTER_SECONDS, IdempotencyService } from './idempotency.service';

const HEADER = 'idempotency-key';
const VALID_KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads the resource a replay answers: by the first answer's id, or from the request (routes whose answer has none). */
type ResourceReader = (id: string | null, request: Request) => Promise<unknown>;

/**
 * POSTs sent with an Idempotency-Key header run their handler once per key (IdempotencyService);
 * a replay answers the first status and the resource as it is now, read again by the route's
 * @ReplayReads method (`{ id }` for a route without one).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

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
    if (!VALID_KEY.test(key)) throw invalidIdempotencyKey();
    const response = context.switchToHttp().getResponse<Response>();
    const route = `${request.method} ${request.baseUrl}${request.path}`;
    const requestHash = canonicalHash({ route, body: request.body ?? null });
    const scope = { apiKeyId: request.apiKey.id, key, route, requestHash };
    return from(this.claim(scope, response)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') return from(this.replay(context, response, claim.record));
        // Nest sets the status before the handler runs, so it is known here; the record is
        // completed before the answer leaves, so a retry that follows at once replays it.
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            if (response.statusCode >= 200 && response.statusCode < 300)
              await this.idempotency.complete(claim, response.statusCode, resourceIdOf(body));
            else await this.idempotency.release(claim);
            return body;
          }),
          catchError((error: unknown) =>
            from(this.idempotency.release(claim)).pipe(concatMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  private async claim(
    scope: Parameters<IdempotencyService['claim']>[0],
    response: Response,
  ): Promise<Claim> {
    try {
      return await this.idempotency.claim(scope);
    } catch (error) {
      if (error instanceof DomainError && error.code === CommonErrorCode.IDEMPOTENCY_IN_PROGRESS)
        response.setHeader('Retry-After', String(IN_PROGRESS_RETRY_AFTER_SECONDS));
      throw error;
    }
  }

  private async replay(
    context: ExecutionContext,
    response: Response,
    record: IdempotencyRecord,
  ): Promise<unknown> {
    response.setHeader('Idempotent-Replayed', 'true');
    const body = await this.read(context, record.resourceId);
    response.status(record.status ?? 200);
    return body;
  }

  private read(context: ExecutionContext, resourceId: string | null): Promise<unknown> {
    const method = this.reflector.get<string | undefined>(REPLAY_READER, context.getHandler());
    const controller = this.moduleRef.get<Record<string, unknown>>(context.getClass(), {
      strict: false,
    });
    const reader = method ? controller[method] : undefined;
    if (typeof reader !== 'function')
      return Promise.resolve(resourceId ? { id: resourceId } : undefined);
    const request = context.switchToHttp().getRequest<Request>();
    return (reader as ResourceReader).call(controller, resourceId, request);
  }
}

function resourceIdOf(body: unknown): string | null {
  const id = body && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 36 ? id : null;
}
