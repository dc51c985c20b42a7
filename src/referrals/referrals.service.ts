import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, notFound } from '../common/errors/domain-error';
import { CurrencyConverter } from '../config/currency-converter.service';
import { Page } from '../common/pagination/cursor';
import { isUniqueViolation } from '../database/sql';
import { ImportRegistry } from '../imports/import-registry';
import { RowOutcome } from '../imports/record-importer';
import { Member } from '../members/member.entity';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { ReferralMutableFieldsDto } from './dto/referral-fields';
import { UpdateReferralDto } from './dto/update-referral.dto';
import { assertRewardComplete, referralChanges, rule, transition } from './referral-changes';
import { Referee, ReferralChecks } from './referral-checks';
import { ReferralConversionService } from './referral-conversion.service';
import { resolveReferee, resolveReferrer } from './referral-parties';
import { formatFlags } from './referral-state';
import { Referral } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsErrorCode } from './referrals-error-code';

@Injectable()
export class ReferralsService implements OnModuleInit {
  constructor(
    private readonly converter: CurrencyConverter,
    private readonly checks: ReferralChecks,
    private readonly conversion: ReferralConversionService,
    private readonly referrals: ReferralsRepository,
    private readonly imports: ImportRegistry,
  ) {}

  get baseCurrency(): string {
    return this.converter.baseCurrency;
  }

  onModuleInit(): void {
    this.imports.register({
      type: 'referrals',
      dto: CreateReferralDto,
      write: async (manager, row) => (await this.create(row, manager)).outcome,
    });
  }

  /**
   * Records a referral, idempotent on externalId or else on (referrer, referee): the same
   * content again is unchanged, a later status or another reward is updated, anything else 409.
   */
  async create(
    input: CreateReferralDto,
    manager?: EntityManager,
  ): Promise<{ referral: Referral; outcome: RowOutcome }> {
    if (!manager)
      return this.referrals.transaction((transaction) => this.create(input, transaction));
    assertRewardComplete(input);
    const referrer = await resolveReferrer(manager, input);
    const referee = await resolveReferee(manager, input);
    const existing = input.externalId
      ? await this.referrals.findByExternalId(input.externalId, manager)
      : await this.checks.referralOf(manager, referee);
    if (existing && (input.externalId || existing.referrerId === referrer.id))
      return this.resend(manager, existing, input, referrer, referee);
    const invitedAt = input.invitedAt ? parseIsoInstant(input.invitedAt)! : Date.now();
    await this.checks.assertAllowed(manager, referrer, referee, invitedAt);
    const referral = await this.build(manager, input, referrer, referee, invitedAt);
    try {
      // A savepoint, so that a lost race leaves the transaction usable on PostgreSQL.
      await this.referrals.transaction(
        (savepoint) => this.referrals.insert(referral, savepoint),
        manager,
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = input.externalId
        ? await this.referrals.findByExternalId(input.externalId, manager)
        : null;
      if (raced) return this.create(input, manager);
      throw conflict(
        ReferralsErrorCode.REFEREE_ALREADY_REFERRED,
        'this person already has a referrer',
        referee.field,
      );
    }
    await this.conversion.convertIfBought(manager, referral);
    return { referral, outcome: 'created' };
  }

  get(id: string): Promise<Referral> {
    return this.find(id);
  }

  list(query: ListReferralsQuery): Promise<Page<Referral>> {
    return this.referrals.findPage(query);
  }

  update(id: string, input: UpdateReferralDto): Promise<Referral> {
    return this.referrals.transaction(async (manager) => {
      assertRewardComplete(input);
      const referral = await this.find(id, manager);
      return this.apply(
        manager,
        referral,
        referralChanges(referral, input, this.reward(input), Date.now(), 'patch'),
      );
    });
  }

  /** A manager accepts a flagged referral: it counts as value from now on. */
  approve(id: string): Promise<Referral> {
    return this.referrals.transaction(async (manager) => {
      const referral = await this.find(id, manager);
      if (referral.status === 'rejected')
        throw conflict(
          ReferralsErrorCode.REFERRAL_REJECTED,
          'a rejected referral cannot be approved',
          'status',
        );
      if (referral.approvedAt !== null) return referral;
      return this.apply(manager, referral, { approvedAt: Date.now() });
    });
  }

  /** A manager refuses a referral: it never counts as value. */
  reject(id: string): Promise<Referral> {
    return this.referrals.transaction(async (manager) => {
      const referral = await this.find(id, manager);
      const now = Date.now();
      return this.apply(manager, referral, transition(referral, 'rejected', now, now));
    });
  }

  async remove(id: string): Promise<void> {
    if (!(await this.referrals.delete(id)))
      throw notFound(ReferralsErrorCode.REFERRAL_NOT_FOUND, 'id', id);
  }

  private async find(id: string, manager?: EntityManager): Promise<Referral> {
    const referral = await this.referrals.findById(id, manager);
    if (!referral) throw notFound(ReferralsErrorCode.REFERRAL_NOT_FOUND, 'id', id);
    return referral;
  }

  private async resend(
    manager: EntityManager,
    existing: Referral,
    input: CreateReferralDto,
    referrer: Member,
    referee: Referee,
  ): Promise<{ referral: Referral; outcome: RowOutcome }> {
    const key = input.externalId ? 'externalId' : referee.field;
    const differs = (field: string) =>
      conflict(
        ReferralsErrorCode.REFERRAL_EXISTS,
        `this referral exists with another ${field}`,
        key,
      );
    if (existing.referrerId !== referrer.id) throw differs('referrer');
    const sameReferee = existing.refereeMemberId
      ? existing.refereeMemberId === referee.member?.id
      : existing.refereeEmailNormalized === referee.emailNormalized;
    if (!sameReferee) throw differs('referee');
    if (input.code !== undefined && input.code.trim().toUpperCase() !== existing.code)
      throw differs('code');
    if (input.invitedAt !== undefined && parseIsoInstant(input.invitedAt) !== existing.invitedAt)
      throw differs('invitedAt');
    const changes = referralChanges(existing, input, this.reward(input), Date.now(), 'resend');
    if (Object.keys(changes).length === 0) return { referral: existing, outcome: 'unchanged' };
    return { referral: await this.apply(manager, existing, changes), outcome: 'updated' };
  }

  private async build(
    manager: EntityManager,
    input: CreateReferralDto,
    referrer: Member,
    referee: Referee,
    invitedAt: number,
  ): Promise<Referral> {
    const signedUpAt = input.signedUpAt ? parseIsoInstant(input.signedUpAt)! : undefined;
    const status = input.status ?? (referee.member || signedUpAt ? 'signed_up' : 'invited');
    if (status !== 'invited' && status !== 'signed_up')
      throw rule(
        'status',
        "a new referral is invited or signed_up; the referee's first order converts it",
        'invalidInitialStatus',
      );
    if (status === 'signed_up' && !referee.member)
      throw rule(
        'status',
        'signed_up needs a referee who is a member (no member has the referee email)',
        'invalidTransition',
      );
    if (signedUpAt !== undefined && signedUpAt < invitedAt)
      throw rule('signedUpAt', 'must not be before invitedAt', 'beforeInvitation');
    const now = Date.now();
    const reward =
      this.reward(input) ?? this.converter.read('0', this.converter.baseCurrency, 'rewardCost');
    const flags = await this.checks.flagsFor(manager, referrer, referee.email, invitedAt);
    return Object.assign(new Referral(), {
      id: newRecordId(),
      externalId: input.externalId ?? null,
      referrerId: referrer.id,
      refereeMemberId: referee.member?.id ?? null,
      refereeEmail: referee.email,
      refereeEmailNormalized: referee.emailNormalized,
      code: input.code?.trim().toUpperCase() ?? referrer.referralCode,
      channel: input.channel ?? null,
      status,
      statusReason: null,
      rewardMinor: reward.amountMinor,
      rewardCurrency: reward.currency,
      baseRewardMinor: reward.baseAmountMinor,
      rewardRate: reward.rate,
      invitedAt,
      signedUpAt: status === 'signed_up' ? (signedUpAt ?? invitedAt) : null,
      convertedAt: null,
      convertingPurchaseId: null,
      voidedAt: null,
      approvedAt: null,
      rejectedAt: null,
      flags: formatFlags(flags),
      createdAt: now,
      updatedAt: now,
    });
  }

  private reward(input: ReferralMutableFieldsDto) {
    if (input.rewardCost === undefined) return undefined;
    return this.converter.read(
      input.rewardCost,
      input.rewardCurrency ?? this.converter.baseCurrency,
      'rewardCost',
    );
  }

  private async apply(
    manager: EntityManager,
    referral: Referral,
    changes: Partial<Referral>,
  ): Promise<Referral> {
    if (Object.keys(changes).length === 0) return referral;
    Object.assign(changes, { updatedAt: Date.now() });
    await this.referrals.update(referral.id, changes, manager);
    return Object.assign(referral, changes);
  }
}
