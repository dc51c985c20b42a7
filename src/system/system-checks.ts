import { Injectable } from '@nestjs/common';
import { SystemCheck } from './system-check';

/**
 * The checks the operations summary runs, registered by the modules that own what they look
 * at (in `onModuleInit`), so that the system module imports no module to hear of it.
 */
@Injectable()
export class SystemChecks {
  private readonly checks = new Map<string, SystemCheck>();

  register(check: SystemCheck): void {
    if (this.checks.has(check.name))
      throw new Error(`system check ${check.name} is registered twice`);
    this.checks.set(check.name, check);
  }

  /** In the order they were registered. */
  all(): SystemCheck[] {
    return [...this.checks.values()];
  }
}
