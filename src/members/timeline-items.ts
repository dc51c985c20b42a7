import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { toIso } from '../common/dates/iso-date';
import { formatAmount } from '../common/money/money';
import { HaloSettings } from '../config/halo-settings';
import { Attendance } from '../events/attendance.entity';
import { AttendanceResponseDto } from '../events/dto/attendance-response.dto';
import { EventGuest } from '../events/event-guest.entity';
import { CommunityEvent } from '../events/event.entity';
import { FeedbackResponseDto } from '../feedback/dto/feedback-response.dto';
import { Feedback } from '../feedback/feedback.entity';
import { MentionResponseDto } from '../mentions/dto/mention-response.dto';
import { Mention } from '../mentions/mention.entity';
import { PurchaseResponseDto } from '../purchases/dto/purchase-response.dto';
import { Purchase } from '../purchases/purchase.entity';
import { ReferralResponseDto } from '../referrals/dto/referral-response.dto';
import { Referral } from '../referrals/referral.entity';
import { ReviewResponseDto } from '../reviews/dto/review-response.dto';
import { Review } from '../reviews/review.entity';
import { TimelineItemDto, TimelineType } from './dto/timeline.dto';
import { Member } from './member.entity';

export interface TimelineRow {
  type: TimelineType;
  id: string;
  occurredAt: number;
  record: ObjectLiteral;
}

/** What a page of timeline rows needs besides the rows: names, events, guests, refunded orders. */
interface Context {
  members: Map<string, string>;
  events: Map<string, string>;
  guests: Map<string, EventGuest[]>;
  refundedOrders: Map<string, string>;
}

/** Turns timeline rows into items: each record as its own endpoint shows it, with a one-line summary. */
@Injectable()
export class TimelineItems {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async describe(rows: TimelineRow[]): Promise<TimelineItemDto[]> {
    const context = await this.context(rows);
    return rows.map((row) => ({
      type: row.type,
      id: row.id,
      occurredAt: toIso(row.occurredAt)!,
      ...this.describeOne(row, context),
    }));
  }

  private describeOne(
    row: TimelineRow,
    context: Context,
  ): Pick<TimelineItemDto, 'summary' | 'record'> {
    const baseCurrency = this.settings.money.baseCurrency;
    switch (row.type) {
      case 'purchase': {
        const purchase = row.record as Purchase;
        const refundOf = purchase.refundOfId
          ? (context.refundedOrders.get(purchase.refundOfId) ?? null)
          : null;
        const product = purchase.product ? ` (${purchase.product})` : '';
        return {
          summary: `${purchase.kind === 'refund' ? 'Refund' : 'Order'} ${purchase.externalId}: ${formatAmount(purchase.amountMinor, purchase.currency)} ${purchase.currency}${product}`,
          record: PurchaseResponseDto.from(purchase, baseCurrency, refundOf),
        };
      }
      case 'referral_made':
      case 'referral_received': {
        const referral = row.record as Referral;
        const summary =
          row.type === 'referral_made'
            ? `Referred ${referral.refereeMemberId ? label(context, referral.refereeMemberId) : referral.refereeEmail} (${referral.status})`
            : `Referred by ${label(context, referral.referrerId)} (${referral.status})`;
        return { summary, record: ReferralResponseDto.from(referral, baseCurrency) };
      }
      case 'review': {
        const review = row.record as Review;
        return {
          summary: `Reviewed ${review.product} on ${review.platform}: ${review.rating}/5`,
          record: ReviewResponseDto.from(review),
        };
      }
      case 'mention': {
        const mention = row.record as Mention;
        return {
          summary: `Mentioned on ${mention.platform} by ${mention.handle} (reach ${mention.reach})`,
          record: MentionResponseDto.from(mention),
        };
      }
      case 'attendance': {
        const attendance = row.record as Attendance;
        const event = context.events.get(attendance.eventId) ?? attendance.eventId;
        const verb = {
          registered: 'Registered for',
          attended: 'Attended',
          'no-show': 'No-show at',
        };
        return {
          summary: `${verb[attendance.status]} ${event} as ${attendance.role}`,
          record: AttendanceResponseDto.from(attendance, context.guests.get(attendance.id) ?? []),
        };
      }
      case 'feedback': {
        const feedback = row.record as Feedback;
        const text = feedback.text.length > 80 ? `${feedback.text.slice(0, 79)}…` : feedback.text;
        return {
          summary: `Feedback (${feedback.kind}, ${feedback.status}): ${text}`,
          record: FeedbackResponseDto.from(feedback),
        };
      }
    }
  }

  private async context(rows: TimelineRow[]): Promise<Context> {
    const records = <T>(...types: TimelineType[]) =>
      rows.filter((row) => types.includes(row.type)).map((row) => row.record as T);
    const referrals = records<Referral>('referral_made', 'referral_received');
    const attendance = records<Attendance>('attendance');
    const memberIds = referrals.flatMap((referral) =>
      [referral.referrerId, referral.refereeMemberId].filter((id): id is string => Boolean(id)),
    );
    const refundOfIds = records<Purchase>('purchase')
      .map((purchase) => purchase.refundOfId)
      .filter((id): id is string => Boolean(id));
    const manager = this.dataSource.manager;
    const [members, events, guests, orders] = await Promise.all([
      memberIds.length
        ? manager.findBy(Member, { id: In([...new Set(memberIds)]) })
        : Promise.resolve([]),
      attendance.length
        ? manager.findBy(CommunityEvent, {
            id: In([...new Set(attendance.map((row) => row.eventId))]),
          })
        : Promise.resolve([]),
      attendance.length
        ? manager.find(EventGuest, {
            where: { attendanceId: In(attendance.map((row) => row.id)) },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : Promise.resolve([]),
      refundOfIds.length
        ? manager.find(Purchase, {
            where: { id: In([...new Set(refundOfIds)]) },
            select: { id: true, externalId: true },
          })
        : Promise.resolve([]),
    ]);
    const guestsByAttendance = new Map<string, EventGuest[]>();
    for (const guest of guests) {
      guestsByAttendance.set(guest.attendanceId, [
        ...(guestsByAttendance.get(guest.attendanceId) ?? []),
        guest,
      ]);
    }
    return {
      members: new Map(
        members.map((member) => [
          member.id,
          member.name ?? member.email ?? member.externalId ?? member.id,
        ]),
      ),
      events: new Map(events.map((event) => [event.id, event.name])),
      guests: guestsByAttendance,
      refundedOrders: new Map(orders.map((order) => [order.id, order.externalId])),
    };
  }
}

function label(context: Context, memberId: string): string {
  return context.members.get(memberId) ?? memberId;
}
