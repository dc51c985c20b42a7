import { Injectable } from '@nestjs/common';
import { ReasonLanguage } from '../../common/language/reason-language';
import { HttpImportService } from '../../imports/http-import.service';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { systemReasonText } from '../system-reason-text';

export interface ImportsDetails {
  /** HTTP imports running now on the instance that answered (CLI imports are not seen). */
  running: number;
  maxConcurrent: number;
}

/** Imports going on: known to the instance that runs them, so this one's only. */
@Injectable()
export class ImportsCheck implements SystemCheck {
  readonly name = 'imports';

  constructor(private readonly imports: HttpImportService) {}

  run(): Promise<SystemCheckResult> {
    const details: ImportsDetails = this.imports.running();
    return Promise.resolve({ details, reasons: [] });
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }
}
