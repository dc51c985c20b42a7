import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { LOG_LEVELS, LogLevelSetting } from '../../config/halo-settings';

/** JSON lines when stdout is not a terminal (containers, CI, files); readable text on a terminal. */
export function createLogger(level: LogLevelSetting = 'log'): ConsoleLogger {
  const levels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
  levels.push('fatal');
  const json = !process.stdout.isTTY;
  return new ConsoleLogger({ json, colors: !json, logLevels: levels });
}
