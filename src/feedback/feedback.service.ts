import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, notFound } from '../common/errors/domain-error';
import { fieldProblemError, isFieldProblem } from '../common/errors/field-problem';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { isUniqueViolation } from '../database/sql';
import { requireMember } from '../members/member-reference';
import { WriteOutcome } from '../members/members.service';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackStatusFieldsDto } from './dto/feedback-status-fields.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { UpdateFeedbackDto } from './dto/update-feedback.dto';
import { FeedbackState, applyFeedbackStatus } from './feedback-status';
import { Feedback, FeedbackStatus } from './feedback.entity';
import { FeedbackErrorCode } from './feedback-error-code';

const STATE_FIELDS = ['status', 'submittedAt', 'acceptedAt', 'shippedAt', 'declinedAt'] as const;

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

@Injectable()
export class FeedbackService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records feedback, idempotent on externalId, or without one on (member, text, submittedAt)
   * (any date when none is sent): the same again is unchanged, a valid status change (with
   * its dates) is updated, other content is a 409, an invalid transition a 422.
   */
  async record(
    input: CreateFeedbackDto,
    manager?: EntityManager,
  ): Promise<{ feedback: Feedback; outcome: WriteOutcome }> {
    if (!manager)
      return this.dataSource.transaction((transaction) => this.record(input, transaction));
    const member = await requireMember(manager, {
      id: input.memberId,
      externalId: input.memberExternalId,
      email: input.memberEmail,
      platform: input.platform,
      handle: input.handle,
    });
    const hash = textHash(input.text);
    const submittedAt = parseIsoInstant(input.submittedAt);
    const repository = manager.getRepository(Feedback);
    const existing = input.externalId
      ? await repository.findOneBy({ externalId: input.externalId })
      : await repository.findOne({
          where: {
            memberId: member.id,
            textHash: hash,
            externalId: IsNull(),
            ...(submittedAt !== undefined && { submittedAt }),
          },
          order: { submittedAt: 'ASC', id: 'ASC' },
        });
    const now = Date.now();
    if (existing) {
      const differing = (
        [
          ['memberId', existing.memberId === member.id],
          ['text', existing.text === input.text],
          ['submittedAt', submittedAt === undefined || submittedAt === existing.submittedAt],
          ['kind', existing.kind === input.kind],
        ] as const
      ).find(([, same]) => !same);
      if (differing) {
        throw conflict(
          FeedbackErrorCode.FEEDBACK_EXISTS,
          `feedback with this ${input.externalId ? 'externalId' : 'member and text'} exists with another ${differing[0]}`,
          differing[0],
        );
      }
      return this.changeStatus(manager, existing, input, now);
    }
    const feedback = Object.assign(new Feedback(), {
      id: newRecordId(),
      externalId: input.externalId ?? null,
      memberId: member.id,
      kind: input.kind,
      text: input.text,
      textHash: hash,
      ...this.nextState(
        null,
        input.status ?? 'submitted',
        input,
        submittedAt ?? this.defaultSubmittedAt(input, now),
        now,
      ),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await manager.insert(Feedback, feedback);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          FeedbackErrorCode.FEEDBACK_EXISTS,
          'this feedback was recorded at the same time',
          input.externalId ? 'externalId' : 'text',
        );
      throw error;
    }
    return { feedback, outcome: 'created' };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Feedback> {
    const feedback = await manager.getRepository(Feedback).findOneBy({ id });
    if (!feedback) throw notFound(FeedbackErrorCode.FEEDBACK_NOT_FOUND, 'id', id);
    return feedback;
  }

  list(query: ListFeedbackQuery): Promise<Page<Feedback>> {
    const builder = this.dataSource.getRepository(Feedback).createQueryBuilder('feedback');
    if (query.memberId)
      builder.andWhere('feedback.member_id = :memberId', {
        memberId: query.memberId.toLowerCase(),
      });
    if (query.kind) builder.andWhere('feedback.kind = :kind', { kind: query.kind });
    if (query.status) builder.andWhere('feedback.status = :status', { status: query.status });
    if (query.from)
      builder.andWhere('feedback.submitted_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to)
      builder.andWhere('feedback.submitted_at < :to', { to: parseIsoInstant(query.to) });
    return keysetPage(builder, {
      sortColumn: 'feedback.submitted_at',
      idColumn: 'feedback.id',
      sortValue: (feedback) => feedback.submittedAt,
      rowId: (feedback) => feedback.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  async update(id: string, input: UpdateFeedbackDto): Promise<Feedback> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager);
      const { feedback } = await this.changeStatus(manager, existing, input, Date.now());
      return feedback;
    });
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.dataSource.getRepository(Feedback).delete({ id });
  }

  private async changeStatus(
    manager: EntityManager,
    existing: Feedback,
    input: FeedbackStatusFieldsDto & { kind?: Feedback['kind'] },
    now: number,
  ): Promise<{ feedback: Feedback; outcome: WriteOutcome }> {
    const state = this.nextState(
      existing,
      input.status ?? existing.status,
      input,
      existing.submittedAt,
      now,
    );
    const changes: Partial<Feedback> = {};
    for (const field of STATE_FIELDS) {
      if (state[field] !== existing[field]) Object.assign(changes, { [field]: state[field] });
    }
    if (input.kind != null && input.kind !== existing.kind) changes.kind = input.kind;
    if (!Object.keys(changes).length) return { feedback: existing, outcome: 'unchanged' };
    await manager.update(Feedback, { id: existing.id }, { ...changes, updatedAt: now });
    return { feedback: await this.get(existing.id, manager), outcome: 'updated' };
  }

  /** Without a date, submitted now, or by the earliest status date given if that is earlier. */
  private defaultSubmittedAt(input: FeedbackStatusFieldsDto, now: number): number {
    const dates = [input.acceptedAt, input.shippedAt, input.declinedAt].map((date) =>
      parseIsoInstant(date),
    );
    return Math.min(now, ...dates.filter((date): date is number => date !== undefined));
  }

  private nextState(
    previous: FeedbackState | null,
    target: FeedbackStatus,
    input: FeedbackStatusFieldsDto,
    submittedAt: number,
    now: number,
  ): FeedbackState {
    const state = applyFeedbackStatus(
      previous,
      target,
      {
        submittedAt,
        acceptedAt: parseIsoInstant(input.acceptedAt),
        shippedAt: parseIsoInstant(input.shippedAt),
        declinedAt: parseIsoInstant(input.declinedAt),
      },
      now,
    );
    if (isFieldProblem(state)) throw fieldProblemError(state);
    return state;
  }
}
