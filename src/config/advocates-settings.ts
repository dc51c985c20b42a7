import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { defineValidator } from '../common/validation/define-validator';
import { ACTIVITY_TYPES, ActivityType, currentWeightNames, isActivityType } from './activity-types';

const DECIMAL = /^\d+(\.\d+)?$/;
const DECIMAL_MESSAGE = 'must be a decimal amount such as "500.00"';

/** Maps activity types to non-negative weights; a type left out weighs 0. */
function IsActivityWeights(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isActivityWeights',
    `must map activity types (${ACTIVITY_TYPES.join(', ')}) to numbers ≥ 0`,
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.entries(value).every(
        ([type, weight]) =>
          isActivityType(type) &&
          typeof weight === 'number' &&
          Number.isFinite(weight) &&
          weight >= 0,
      ),
    options,
  );
}

function HasUniqueNames(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'hasUniqueNames',
    'must have unique names',
    (value) =>
      Array.isArray(value) &&
      new Set(value.map((entry: { name?: unknown }) => entry?.name)).size === value.length,
    options,
  );
}

export class EngagementSettings {
  /** Days after which an activity counts half. */
  @IsNumber()
  @Min(1)
  @Max(3650)
  halfLifeDays!: number;

  /** Old names are read as their current ones (`referral_invited` weighs the sign-up). */
  @Transform(({ value }) => currentWeightNames(value))
  @IsActivityWeights()
  weights!: Partial<Record<ActivityType, number>>;
}

/** A tier holds when every threshold it sets holds; thresholds left out always hold. */
export class TierSettings {
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9 _-]{0,63}$/, {
    message: 'must be a name of letters, digits, spaces, _ or - (at most 64)',
  })
  name!: string;

  /** Advocacy value (referral + influence + knowledge) at least this: the main threshold. */
  @IsOptional()
  @IsString()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  minAdvocacyValue?: string;

  @IsOptional()
  @IsString()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  minExtendedValue?: string;

  @IsOptional()
  @IsString()
  @Matches(DECIMAL, { message: DECIMAL_MESSAGE })
  minInfluence?: string;

  @IsOptional()
  @IsNumber()
  @Min(0)
  minEngagement?: number;

  /** Days since the last activity, at most. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxRecencyDays?: number;
}

/** Ranking, engagement, tiers and segments (docs/value-model.md, Tiers and segments). */
export class AdvocatesSettings {
  @ValidateNested()
  @Type(() => EngagementSettings)
  engagement!: EngagementSettings;

  /** In order, top tier first: a member's tier is the first whose thresholds all hold. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @HasUniqueNames()
  @ValidateNested({ each: true })
  @Type(() => TierSettings)
  tiers!: TierSettings[];

  /** Advocates whose P(alive) falls below this are at risk. */
  @IsNumber()
  @Min(0)
  @Max(1)
  atRiskPAlive!: number;

  /** Hidden gems come from this top share of members with influence (0.1: the top decile). */
  @IsNumber()
  @Min(0.01)
  @Max(1)
  hiddenGemsDecile!: number;
}
