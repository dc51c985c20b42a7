import { servedCoefficients, StoredModel } from './served-model';
import { TierReasonDto } from '../../advocates/dto/advocate.dto';
import type { ValueExplanation } from '../value-query.service';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { toIso } from '../../common/dates/iso-date';
import { formatAmount } from '../../common/money/money';
import { Driver } from '../engine/value-types';
import { ValueRun } from '../value-run.entity';
import { ValueSnapshot } from '../value-snapshot.entity';
import { MemberSimpleFormulaDto } from './simple-formula.dto';

/** The spend component is margin (revenue × margin rate), not revenue: revenue stands beside it. */
export class SpendComponentDto {
  @ApiProperty({
    example: '317.42',
    description: 'Spend value: margin realized + predicted (not revenue).',
  })
  value!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '160.30',
    description:
      'What the member spent so far (net of refunds, base currency): the revenue the realized margin is taken from. Null for snapshots stored before it was kept.',
  })
  revenue!: string | null;
  @ApiProperty({
    example: '45.00',
    description: 'Measured: margin of orders net of refunds to asOf.',
  })
  realized!: string;
  @ApiProperty({
    example: '272.42',
    description: 'Modeled: discounted expected margin over the horizon.',
  })
  predicted!: string;
  @ApiProperty({ enum: ['bgnbd', 'mbgnbd', 'simple', 'none'] }) method!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.82 }) pAlive!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 2.4,
    description: 'Expected purchases over the horizon.',
  })
  expectedPurchases!: number | null;
}

export class ChannelValueDto {
  @ApiProperty({ example: '12.00' }) measured!: string;
  @ApiProperty({ example: '3.40' }) modeled!: string;
}

/** byChannel is a map, which `type:` cannot express, so the channel schema is registered here. */
@ApiExtraModels(ChannelValueDto)
export class InfluenceComponentDto {
  @ApiProperty({ example: '15.40' }) value!: string;
  @ApiProperty({ example: '12.00', description: 'Margin of attributed purchases by others.' })
  measured!: string;
  @ApiProperty({
    example: '3.40',
    description: 'reach × conversion per reach × average order margin.',
  })
  modeled!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ChannelValueDto) },
    example: { instagram: { measured: '12.00', modeled: '3.40' } },
  })
  byChannel!: Record<string, ChannelValueDto>;
}

export class AmountComponentDto {
  @ApiProperty({ example: '40.00' }) value!: string;
}

export class ValueComponentsDto {
  @ApiProperty({ type: SpendComponentDto }) spend!: SpendComponentDto;
  @ApiProperty({ type: AmountComponentDto }) referral!: AmountComponentDto;
  @ApiProperty({ type: InfluenceComponentDto }) influence!: InfluenceComponentDto;
  @ApiProperty({ type: AmountComponentDto }) knowledge!: AmountComponentDto;
}

export class DriverDto {
  @ApiProperty({ enum: ['spend', 'referral', 'influence', 'knowledge'] }) component!: string;
  @ApiProperty({ example: 'review' }) kind!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The record behind it.' }) id!:
    string | null;
  @ApiProperty({
    example: '2 reviews on Trustpilot brought 3 orders; €90.00 credited',
    description: 'In words, with current names (never ids), in the language asked for.',
  })
  label!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'What the label is written from: referee, event, platform, reach, orders.',
  })
  params?: Record<string, string | number>;
  @ApiProperty({ example: '90.00' }) amount!: string;
  @ApiProperty({ enum: ['measured', 'modeled'] }) basis!: string;
}

export class MemberValueDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ example: '2026-11-23T02:00:00.000Z' }) asOf!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({
    example: '412.82',
    description: 'spend + referral + influence + knowledge, each rounded once.',
  })
  extendedValue!: string;
  @ApiProperty({
    example: '95.40',
    description: 'referral + influence + knowledge: what the member is worth through others.',
  })
  advocacyValue!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Advocate' }) tier!: string | null;
  @ApiProperty({
    type: TierReasonDto,
    nullable: true,
    description: 'Why the member has their tier; null for snapshots stored before reasons were.',
  })
  tierReason!: TierReasonDto | null;
  @ApiProperty({ type: ValueComponentsDto }) components!: ValueComponentsDto;
  @ApiProperty({
    type: MemberSimpleFormulaDto,
    nullable: true,
    description:
      'The seeds’ simple formula (average order × orders a year × years left) beside the fitted prediction in components.spend.predicted; null for a member without a purchase, and for snapshots stored before it was kept.',
  })
  simpleFormula!: MemberSimpleFormulaDto | null;
  @ApiProperty({ type: [DriverDto], description: 'The records that contributed most.' })
  drivers!: DriverDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The coefficients the run used: amounts in major units of the base currency (e.g. defaultCac "25.00"), the conversion per reach actually used per platform with its basis (conversionPerReachBasis).',
  })
  coefficients!: Record<string, unknown>;
  @ApiProperty({ format: 'uuid' }) runId!: string;

  static from(
    snapshot: ValueSnapshot,
    run: ValueRun | null,
    explanation: ValueExplanation = { labels: [], tierReason: null },
  ): MemberValueDto {
    const { labels } = explanation;
    const money = (minor: number) => formatAmount(minor, snapshot.currency);
    const breakdown = JSON.parse(snapshot.breakdown) as {
      byChannel: Record<string, { measuredMinor: number; modeledMinor: number }>;
      drivers: Driver[];
    };
    const model = run?.model ? (JSON.parse(run.model) as StoredModel) : {};
    const purchases = breakdown.drivers.find((driver) => driver.kind === 'purchases');
    const revenueMinor = purchases?.params?.revenueMinor;
    return {
      memberId: snapshot.memberId,
      asOf: toIso(snapshot.asOf)!,
      currency: snapshot.currency,
      extendedValue: money(snapshot.extendedMinor),
      advocacyValue: money(snapshot.advocacyMinor),
      tier: snapshot.tier,
      tierReason: explanation.tierReason,
      components: {
        spend: {
          value: money(snapshot.spendMinor),
          revenue: typeof revenueMinor === 'number' ? money(revenueMinor) : null,
          realized: money(snapshot.spendRealizedMinor),
          predicted: money(snapshot.spendPredictedMinor),
          method: snapshot.method,
          pAlive: snapshot.pAlive,
          expectedPurchases: snapshot.expectedPurchases,
        },
        referral: { value: money(snapshot.referralMinor) },
        influence: {
          value: money(snapshot.influenceMinor),
          measured: money(snapshot.influenceMeasuredMinor),
          modeled: money(snapshot.influenceModeledMinor),
          byChannel: Object.fromEntries(
            Object.entries(breakdown.byChannel).map(([name, channel]) => [
              name,
              { measured: money(channel.measuredMinor), modeled: money(channel.modeledMinor) },
            ]),
          ),
        },
        knowledge: { value: money(snapshot.knowledgeMinor) },
      },
      simpleFormula: MemberSimpleFormulaDto.from(snapshot.simpleFormula, snapshot.currency),
      drivers: breakdown.drivers.map((driver, index) => ({
        ...driver,
        label: labels[index] ?? driver.label,
        amountMinor: undefined,
        amount: money(driver.amountMinor),
      })),
      coefficients: servedCoefficients(model, snapshot.currency),
      runId: snapshot.runId,
    };
  }
}

export class ValueHistoryPointDto {
  @ApiProperty({ example: '2026-11-01' }) asOfDate!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ example: '400.00' }) extendedValue!: string;
  @ApiProperty({ example: '300.00' }) spend!: string;
  @ApiProperty({ example: '50.00' }) referral!: string;
  @ApiProperty({ example: '40.00' }) influence!: string;
  @ApiProperty({ example: '10.00' }) knowledge!: string;

  static from(snapshot: ValueSnapshot): ValueHistoryPointDto {
    const money = (minor: number) => formatAmount(minor, snapshot.currency);
    return {
      asOfDate: snapshot.asOfDate,
      asOf: toIso(snapshot.asOf)!,
      extendedValue: money(snapshot.extendedMinor),
      spend: money(snapshot.spendMinor),
      referral: money(snapshot.referralMinor),
      influence: money(snapshot.influenceMinor),
      knowledge: money(snapshot.knowledgeMinor),
    };
  }
}

export class ValueHistoryDto {
  @ApiProperty({ type: [ValueHistoryPointDto] }) items!: ValueHistoryPointDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty() total!: number;
}
