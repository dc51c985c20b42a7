import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsCronExpression, IsFractionRecord, IsConversionRates } from './settings-validators';

const DECIMAL = /^\d+(\.\d+)?$/;

export class ReferralValueSettings {
  /** Share of referees who would have joined anyway (Kumar's CRV). */
  @IsNumber()
  @Min(0)
  @Max(1)
  joinAnyway!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  secondDegreeWeight!: number;

  /** Acquisition cost saved when no paid campaign gives a CAC, in the base currency. */
  @IsString()
  @Matches(DECIMAL, { message: 'must be a decimal amount such as "25.00"' })
  defaultCac!: string;

  @IsInt()
  @Min(1)
  @Max(60)
  cacLookbackMonths!: number;
}

export class InfluenceValueSettings {
  @IsInt()
  @Min(1)
  @Max(365)
  attributionWindowDays!: number;

  @IsIn(['last', 'first', 'linear'])
  attributionModel!: 'last' | 'first' | 'linear';

  @IsInt()
  @Min(1)
  minCalibrationOrders!: number;

  /**
   * Orders per unit of reach by platform (mentions and reviews alike), `event` for events,
   * before calibration; `default` for the rest.
   */
  @IsConversionRates()
  conversionPerReach!: Record<string, number>;
}

export class KnowledgeValueSettings {
  @IsString()
  @Matches(DECIMAL, { message: 'must be a decimal amount such as "20.00"' })
  accepted!: string;

  @IsString()
  @Matches(DECIMAL, { message: 'must be a decimal amount such as "80.00"' })
  shipped!: string;
}

export class SimpleFormulaSettings {
  /** k in (x + k·f̄) / (T + k): days of a member's history worth as much as the brand's rate. */
  @IsInt()
  @Min(1)
  @Max(3650)
  credibilityDays!: number;
}

/** The value model's coefficients (docs/value-model.md). */
export class ValueSettings {
  @IsNumber()
  @Min(0)
  @Max(1)
  margin!: number;

  @IsFractionRecord()
  marginByCategory!: Record<string, number>;

  @IsInt()
  @Min(1)
  @Max(240)
  horizonMonths!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  annualDiscountRate!: number;

  @IsInt()
  @Min(1)
  minRepeatBuyers!: number;

  @IsNumber()
  @Min(0)
  @Max(50)
  remainingLifespanYears!: number;

  @ValidateNested()
  @Type(() => SimpleFormulaSettings)
  simple!: SimpleFormulaSettings;

  /** Days without a purchase after which a customer counts as lapsed (measured lifespan). */
  @IsInt()
  @Min(1)
  @Max(3650)
  lapseDays!: number;

  @ValidateNested()
  @Type(() => ReferralValueSettings)
  referral!: ReferralValueSettings;

  @ValidateNested()
  @Type(() => InfluenceValueSettings)
  influence!: InfluenceValueSettings;

  @ValidateNested()
  @Type(() => KnowledgeValueSettings)
  knowledge!: KnowledgeValueSettings;

  @IsCronExpression()
  recomputeCron!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  driversPerMember!: number;

  /** Model validation without dates: the holdout is this many days up to now. */
  @IsInt()
  @Min(1)
  @Max(3650)
  validationHoldoutDays!: number;

  /**
   * The repeat-buying model: `auto` chooses BG/NBD or the modified BG/NBD by their error on the
   * last validationHoldoutDays held out (weekly); the others pin one, `simple` the seeds' formula.
   */
  @IsIn(['auto', 'bgnbd', 'mbgnbd', 'simple'])
  spendModel!: 'auto' | 'bgnbd' | 'mbgnbd' | 'simple';

  /** Run recomputes in a worker thread with its own connection (off only to debug). */
  @IsBoolean()
  recomputeInWorker!: boolean;

  /**
   * Members valued per chunk of a recompute (key order): the memory a run needs grows with this,
   * not with the community; each chunk is leased by one instance (src/value/chunks).
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  recomputeChunkSize!: number;

  /** A chunk whose holder stops renewing its lease (killed, frozen) is valued again after this. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  recomputeChunkLeaseMs!: number;

  /** Value chunks of a recompute another instance started (several instances on one database). */
  @IsBoolean()
  recomputeHelp!: boolean;

  /**
   * Threads of the instance that runs a recompute valuing its chunks, each on its own connection
   * (1: the recompute's worker alone).
   */
  @IsInt()
  @Min(1)
  @Max(16)
  recomputeThreads!: number;

  /** The LTV/CAC a channel should reach: its maximum affordable CAC is LTV over this ratio. */
  @IsNumber()
  @Min(1)
  @Max(100)
  targetLtvCacRatio!: number;
}
