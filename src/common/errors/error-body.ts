import { ErrorDetail } from './domain-error';

/** The one JSON shape of every refusal (DESIGN.md, Semantics: API shapes). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  requestId: string | null;
  details: ErrorDetail[];
}
