import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page-of.dto';
import { AUDIT_ACTOR_KINDS, AuditActorKind } from '../../common/http/audit-context';
import { toIso } from '../../common/dates/iso-date';
import { AUDIT_OUTCOMES, AuditEntry, AuditOutcome } from '../audit-entry.entity';

export class AuditActorDto {
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS, example: 'key' })
  kind!: AuditActorKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  keyId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'CRM sync',
    description: 'The key’s name when the act was recorded.',
  })
  keyName!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'halo_Ab3dE9',
    description:
      'A failed authentication with something shaped like a Halo key: its public prefix (as key lists show it), never more.',
  })
  keyPrefix!: string | null;
}

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({ example: '2026-12-03T09:14:05.120Z' }) at!: string;

  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;

  @ApiProperty({
    example: 'member.erase',
    description: 'A stable verb, or "METHOD /route/pattern" for a route without one.',
  })
  action!: string;

  @ApiProperty({ nullable: true, type: String, example: 'DELETE' }) method!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '/api/v1/members/:id',
    description: 'The route pattern, never the url: no ids, no query string.',
  })
  route!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 200,
    description: 'null when the client left before an answer.',
  })
  statusCode!: number | null;

  @ApiProperty({
    enum: AUDIT_OUTCOMES,
    description: 'success for a 2xx/3xx answer, refused for a 4xx or 5xx.',
  })
  outcome!: AuditOutcome;

  @ApiProperty({
    type: [String],
    description: 'The ids of the records the act named or touched.',
    example: ['0193a6f2-9c1e-7a44-8f2b-5b7f3c1d2e4a'],
  })
  recordIds!: string[];

  @ApiProperty({ nullable: true, type: String, description: 'The X-Request-Id of the request.' })
  requestId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '203.0.113.7',
    description: 'The client’s address; X-Forwarded-For counts only with TRUST_PROXY.',
  })
  remoteAddress!: string | null;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }] },
    example: { type: 'members', rows: 120, created: 100, updated: 5, unchanged: 10, refused: 5 },
    description: 'An import’s counts; a retention run’s deleted entries.',
  })
  details!: Record<string, string | number> | null;

  static from(entry: AuditEntry, recordIds: string[]): AuditEntryResponseDto {
    return {
      id: entry.id,
      at: toIso(entry.at)!,
      actor: {
        kind: entry.actorKind,
        keyId: entry.keyId,
        keyName: entry.keyName,
        keyPrefix: entry.keyPrefix,
      },
      action: entry.action,
      method: entry.method,
      route: entry.route,
      statusCode: entry.statusCode,
      outcome: entry.outcome,
      recordIds,
      requestId: entry.requestId,
      remoteAddress: entry.remoteAddress,
      details: entry.details
        ? (JSON.parse(entry.details) as Record<string, string | number>)
        : null,
    };
  }
}

export class AuditEntryListDto extends PageOf(AuditEntryResponseDto) {}
