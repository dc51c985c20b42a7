import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReasonLanguage } from '../common/language/reason-language';
import { HaloSettings } from '../config/halo-settings';
import { projectRoot } from '../config/project-root';
import { SystemCheck, SystemReason } from './system-check';
import { SystemChecks } from './system-checks';
import { SystemReasonCode } from './system-reason-code';

/** A reason with the check that gave it, so that it can be said in words at read time. */
export interface CheckedReason {
  check: SystemCheck;
  reason: SystemReason;
}

export interface SystemSummary {
  status: 'ok' | 'degraded';
  checkedAt: number;
  version: string;
  /** When this process started. */
  startedAt: number;
  /** Each check's details under its name. */
  sections: Record<string, object>;
  reasons: CheckedReason[];
}

/**
 * The operations summary: every registered check run side by side, `degraded` when any gives a
 * reason. A check that throws is itself a reason, so the summary always answers. Summaries
 * are kept for `system.summaryCacheSeconds`, and concurrent requests share one computation,
 * so that /health stays cheap however often it is polled.
 */
@Injectable()
export class SystemSummaryService {
  private readonly logger = new Logger(SystemSummaryService.name);
  private readonly version = readVersion();
  private cached: SystemSummary | null = null;
  private pending: Promise<SystemSummary> | null = null;

  constructor(
    private readonly checks: SystemChecks,
    private readonly settings: HaloSettings,
  ) {}

  /** A summary at most `maxAgeMs` old (0: a new one, which the cache then keeps). */
  async summary(maxAgeMs: number, now = Date.now()): Promise<SystemSummary> {
    if (this.cached && maxAgeMs > 0 && now - this.cached.checkedAt <= maxAgeMs) return this.cached;
    this.pending ??= this.compute(now).finally(() => (this.pending = null));
    const summary = await this.pending;
    this.cached = summary;
    return summary;
  }

  /** The summary /health answers with: cached for system.summaryCacheSeconds. */
  forHealth(): Promise<SystemSummary> {
    return this.summary(this.settings.system.summaryCacheSeconds * 1000);
  }

  private async compute(now: number): Promise<SystemSummary> {
    const checks = this.checks.all();
    const results = await Promise.all(
      checks.map(async (check) => {
        try {
          return await check.run(now);
        } catch (error) {
          this.logger.error({ check: check.name, error: (error as Error).message });
          const reason = { code: SystemReasonCode.CHECK_FAILED, params: { check: check.name } };
          return { details: { error: 'the check could not run' }, reasons: [reason] };
        }
      }),
    );
    const reasons = results.flatMap((result, index) =>
      result.reasons.map((reason) => ({ check: checks[index], reason })),
    );
    return {
      status: reasons.length > 0 ? 'degraded' : 'ok',
      checkedAt: now,
      version: this.version,
      startedAt: Math.round(now - process.uptime() * 1000),
      sections: Object.fromEntries(
        checks.map((check, index) => [check.name, results[index].details]),
      ),
      reasons,
    };
  }
}

/** A reason in words, in the request's language. */
export function describeReason(
  { check, reason }: CheckedReason,
  language: ReasonLanguage,
): { code: string; check: string; text: string } {
  return { code: reason.code, check: check.name, text: check.describe(reason, language) };
}

function readVersion(): string {
  const file = join(projectRoot(), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
