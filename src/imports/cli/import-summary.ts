import { ImportResult } from '../import-result';

/** What the CLI prints when an import ends: the counts, then the first refused rows. */
export function importSummary(result: ImportResult, file: string, shown = 10): string {
  const seconds = result.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(result.rows / seconds) : result.rows;
  const lines = [
    `${result.type} from ${file} (${result.format}): ${result.rows} rows in ${seconds.toFixed(1)} s (${rate} rows/s)`,
    `  created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, refused ${result.refused}`,
  ];
  if (result.refused > 0) {
    const listed = result.errors.slice(0, shown);
    lines.push(`refused rows (first ${listed.length} of ${result.refused}):`);
    for (const error of listed) {
      const reasons = error.details
        .map((detail) => `${detail.field} ${detail.reason} [${detail.code}]`)
        .join('; ');
      const id = error.externalId === undefined ? '' : ` (${error.externalId})`;
      lines.push(`  line ${error.line}${id}: ${reasons}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
