import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { Observable, finalize, tap } from 'rxjs';
import { auditOf } from '../common/http/audit-context';
import { auditedResult } from './audited-result';

/**
 * Tells the audit trail that a handler ran and what it answered (record ids, import counts);
 * the answer itself is never kept.
 */
@Injectable()
export class AuditCaptureInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const audit = auditOf(context.switchToHttp().getRequest<Request>());
    audit.handled = true;
    let settle: () => void = () => undefined;
    audit.settled = new Promise<void>((resolve) => (settle = resolve));
    return next.handle().pipe(
      tap((answer: unknown) => (audit.result = auditedResult(answer))),
      finalize(() => settle()),
    );
  }
}
