import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, invalidField, notFound, unknownReference } from '../common/errors/domain-error';
import { CurrencyConverter } from '../config/currency-converter.service';
import { formatAmount } from '../common/money/money';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { isUniqueViolation } from '../database/sql';
import { WriteOutcome } from '../members/members.service';
import { CreateEventDto, UpdateEventDto } from './dto/event-fields';
import { ListEventsQuery } from './dto/list-events.query';
import { Attendance } from './attendance.entity';
import { EventGuest } from './event-guest.entity';
import { CommunityEvent } from './event.entity';
import { EventsErrorCode } from './events-error-code';

/** Compared when the same key arrives again: an event has no counters or statuses, so any change is a 409. */
const CONTENT_FIELDS: (keyof CommunityEvent)[] = [
  'name',
  'kind',
  'startsAt',
  'endsAt',
  'location',
  'costMinor',
  'currency',
];

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly converter: CurrencyConverter,
  ) {}

  get baseCurrency(): string {
    return this.converter.baseCurrency;
  }

  /** Idempotent on externalId, or without one on (name, startsAt). */
  async create(
    input: CreateEventDto,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ event: CommunityEvent; outcome: WriteOutcome }> {
    const now = Date.now();
    const candidate = Object.assign(new CommunityEvent(), {
      id: newRecordId(),
      externalId: input.externalId ?? null,
      name: input.name,
      kind: input.kind,
      ...this.schedule(input.startsAt, input.endsAt),
      location: input.location ?? null,
      ...this.cost(input.cost, input.currency),
      createdAt: now,
      updatedAt: now,
    });
    const existing = await this.findByKey(manager, candidate);
    if (existing) return { event: this.sameOrConflict(existing, candidate), outcome: 'unchanged' };
    try {
      // A savepoint inside an import batch, so that a lost race does not poison the batch.
      await manager.transaction((transaction) => transaction.insert(CommunityEvent, candidate));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.findByKey(manager, candidate);
      if (!raced) throw error;
      return { event: this.sameOrConflict(raced, candidate), outcome: 'unchanged' };
    }
    return { event: candidate, outcome: 'created' };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CommunityEvent> {
    const event = await manager.getRepository(CommunityEvent).findOneBy({ id });
    if (!event) throw notFound(EventsErrorCode.EVENT_NOT_FOUND, 'eventId', id);
    return event;
  }

  /** The event an import row names by eventId or eventExternalId. */
  async resolveReference(
    manager: EntityManager,
    reference: { eventId?: string; eventExternalId?: string },
  ): Promise<CommunityEvent> {
    const repository = manager.getRepository(CommunityEvent);
    if (reference.eventId) {
      const event = await repository.findOneBy({ id: reference.eventId.toLowerCase() });
      if (!event)
        throw unknownReference(EventsErrorCode.UNKNOWN_EVENT, 'eventId', reference.eventId);
      return event;
    }
    if (reference.eventExternalId) {
      const event = await repository.findOneBy({ externalId: reference.eventExternalId });
      if (!event)
        throw unknownReference(
          EventsErrorCode.UNKNOWN_EVENT,
          'eventExternalId',
          reference.eventExternalId,
        );
      return event;
    }
    throw invalidField('eventId', 'or eventExternalId is required', 'isDefined');
  }

  list(query: ListEventsQuery): Promise<Page<CommunityEvent>> {
    const builder = this.dataSource.getRepository(CommunityEvent).createQueryBuilder('event');
    if (query.kind) builder.andWhere('event.kind = :kind', { kind: query.kind });
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      builder.andWhere("LOWER(event.name) LIKE :pattern ESCAPE '\\'", { pattern });
    }
    if (query.from)
      builder.andWhere('event.starts_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('event.starts_at < :to', { to: parseIsoInstant(query.to) });
    return keysetPage(builder, {
      sortColumn: 'event.starts_at',
      idColumn: 'event.id',
      sortValue: (event) => event.startsAt,
      rowId: (event) => event.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** A field left out (or null) keeps its value; null clears endsAt and location. */
  async update(id: string, input: UpdateEventDto): Promise<CommunityEvent> {
    const event = await this.get(id);
    const changes: Partial<CommunityEvent> = {
      ...(input.name != null && { name: input.name }),
      ...(input.kind != null && { kind: input.kind }),
      ...(input.location !== undefined && { location: input.location ?? null }),
    };
    if (input.startsAt != null || input.endsAt !== undefined) {
      Object.assign(
        changes,
        this.schedule(
          input.startsAt ?? event.startsAt,
          input.endsAt === undefined ? event.endsAt : input.endsAt,
        ),
      );
    }
    if (input.cost != null || input.currency != null) {
      const cost = input.cost ?? formatAmount(event.costMinor, event.currency);
      Object.assign(changes, this.cost(cost, input.currency ?? event.currency));
    }
    try {
      await this.dataSource
        .getRepository(CommunityEvent)
        .update({ id }, { ...changes, updatedAt: Date.now() });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          EventsErrorCode.EVENT_EXISTS,
          'another event has this name and startsAt',
          'name',
        );
      throw error;
    }
    return this.get(id);
  }

  /** Deletes the event with its attendance and guests. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(EventGuest, { eventId: id });
      await manager.delete(Attendance, { eventId: id });
      await manager.delete(CommunityEvent, { id });
    });
  }

  private findByKey(manager: EntityManager, event: CommunityEvent): Promise<CommunityEvent | null> {
    const repository = manager.getRepository(CommunityEvent);
    return event.externalId
      ? repository.findOneBy({ externalId: event.externalId })
      : repository.findOneBy({ name: event.name, startsAt: event.startsAt, externalId: IsNull() });
  }

  private sameOrConflict(existing: CommunityEvent, candidate: CommunityEvent): CommunityEvent {
    if (CONTENT_FIELDS.every((field) => existing[field] === candidate[field])) return existing;
    throw conflict(
      EventsErrorCode.EVENT_EXISTS,
      candidate.externalId
        ? 'an event with this externalId exists with other content'
        : 'an event with this name and startsAt exists with other content',
      candidate.externalId ? 'externalId' : 'name',
    );
  }

  private schedule(startsAt: string | number, endsAt: string | number | null | undefined) {
    const start = typeof startsAt === 'number' ? startsAt : parseIsoInstant(startsAt)!;
    const end =
      endsAt == null ? null : typeof endsAt === 'number' ? endsAt : parseIsoInstant(endsAt)!;
    if (end !== null && end < start)
      throw invalidField('endsAt', 'must not be before startsAt', 'endsBeforeStart');
    return { startsAt: start, endsAt: end };
  }

  private cost(cost: string | number | undefined, currency: string | undefined) {
    if (cost != null && currency == null)
      throw invalidField('currency', 'is required with cost', 'isDefined');
    const amount = this.converter.read(cost ?? '0', currency ?? this.baseCurrency, 'cost');
    return {
      costMinor: amount.amountMinor,
      currency: amount.currency,
      baseCostMinor: amount.baseAmountMinor,
      rate: amount.rate,
    };
  }
}
