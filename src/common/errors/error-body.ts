import { ErrorDetail } from './domain-error';

/** The one JSON shape of every refusal (docs/api-semantics.md, Errors). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  requestId: string | null;
  details: ErrorDetail[];
}
