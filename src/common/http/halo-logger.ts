import { ConsoleLogger, LogLevel } from '@nestjs/common';

/** The levels the server.logLevel setting accepts, quietest first; each includes those before it. */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelSetting = (typeof LOG_LEVELS)[number];

/** JSON lines when stdout is not a terminal (containers, CI, files); readable text on a terminal. */
export function createLogger(level: LogLevelSetting = 'log'): ConsoleLogger {
  const levels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
  levels.push('fatal');
  const json = !process.stdout.isTTY;
  return new ConsoleLogger({ json, colors: !json, logLevels: levels });
}
