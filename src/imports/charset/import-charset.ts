import { CommonErrorCode } from '../../common/errors/common-error-code';
import { DomainError } from '../../common/errors/domain-error';

/** The charsets an import body may be in (DESIGN.md, Limits): UTF-8 by default, windows-1252. */
export const IMPORT_CHARSETS = ['utf-8', 'windows-1252'] as const;
export type ImportCharset = (typeof IMPORT_CHARSETS)[number];

/** ASCII is a subset of UTF-8: kept on the strict UTF-8 path (WHATWG would say windows-1252). */
const ASCII_LABELS = new Set(['us-ascii', 'ascii']);

/**
 * The charset a label names, by the WHATWG Encoding Standard's labels (`latin1`, `iso-8859-1`
 * and `cp1252` all name windows-1252); undefined when it names none Halo reads.
 */
export function charsetFromLabel(label: string): ImportCharset | undefined {
  const name = label.trim().toLowerCase();
  if (ASCII_LABELS.has(name)) return 'utf-8';
  let encoding: string;
  try {
    encoding = new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
  return (IMPORT_CHARSETS as readonly string[]).includes(encoding)
    ? (encoding as ImportCharset)
    : undefined;
}

/** The 415 for a charset Halo does not read, naming where it was declared. */
export function unsupportedCharset(label: string, field = 'Content-Type'): DomainError {
  return new DomainError(
    'unsupported_media_type',
    CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `send the import in ${IMPORT_CHARSETS.join(' or ')}`,
    [
      {
        field,
        reason: `charset ${label.slice(0, 40)} is not supported; use ${IMPORT_CHARSETS.join(' or ')}`,
        code: 'unsupportedMediaType',
      },
    ],
  );
}
