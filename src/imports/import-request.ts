import { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { ImportFormat, formatFromContentType } from './import-format';
import { tooLarge } from './readers/byte-limit';
import { CommonErrorCode } from '../common/errors/common-error-code';

/**
 * What an import request says about its body before a byte is read: the format (415 when
 * unknown or compressed) and, when declared, a length within the limit (413 at once).
 */
export function importRequestFormat(request: Request, maxBytes: number): ImportFormat {
  const format = formatFromContentType(request.headers['content-type']);
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new DomainError(
      'unsupported_media_type',
      CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'send the import uncompressed',
      [
        {
          field: 'Content-Encoding',
          reason: `${encoding} is not supported`,
          code: 'unsupportedMediaType',
        },
      ],
    );
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return format;
}
