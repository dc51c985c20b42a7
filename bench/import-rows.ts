/** The rows the import benches generate (mentions, members, purchases), as NDJSON or CSV files. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export function mention(index: number, prefix = ''): object {
  return {
    platform: ['instagram', 'tiktok', 'x', 'youtube'][index % 4],
    handle: `creator${index % 50_000}`,
    url: `https://social.example.com/p/${prefix}${index}?utm_source=bench`,
    postedAt: new Date(Date.UTC(2025, 0, 1) + (index % 300) * 86_400_000).toISOString(),
    reach: (index * 37) % 100_000,
    likes: index % 500,
    shares: index % 40,
    comments: index % 90,
    sentiment: ((index % 21) - 10) / 10,
  };
}

export function member(index: number, prefix = ''): object {
  return {
    externalId: `bench-${prefix}${index}`,
    email: `bench-${prefix}${index}@example.com`,
    name: `Bench Member ${index}`,
  };
}

/** An order of one of `buyers` members (externalIds `bench-<buyerPrefix><n>`). */
export function purchase(index: number, prefix = '', buyers = 1_000, buyerPrefix = ''): object {
  return {
    externalId: `order-${prefix}${index}`,
    memberExternalId: `bench-${buyerPrefix}${(index * 7919) % buyers}`,
    amount: `${10 + (index % 90)}.${String(index % 100).padStart(2, '0')}`,
    currency: 'EUR',
    occurredAt: new Date(Date.UTC(2025, 0, 1) + (index % 300) * 86_400_000).toISOString(),
  };
}

/** Writes `rows` rows of NDJSON to `file`, streamed so that a million rows take no memory. */
export async function writeNdjson(
  file: string,
  rows: number,
  row: (index: number) => object,
): Promise<void> {
  await writeLines(file, rows, (index) => JSON.stringify(row(index)));
}

/** The same rows as CSV with a header line (every value quoted where it must be). */
export async function writeCsv(
  file: string,
  rows: number,
  row: (index: number) => object,
): Promise<void> {
  const columns = Object.keys(row(0));
  const cell = (value: unknown) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  await writeLines(file, rows + 1, (index) =>
    index === 0
      ? columns.join(',')
      : columns
          .map((column) => cell((row(index - 1) as Record<string, unknown>)[column]))
          .join(','),
  );
}

async function writeLines(file: string, lines: number, line: (index: number) => string) {
  const out = createWriteStream(file);
  for (let index = 0; index < lines; index += 1) {
    if (!out.write(`${line(index)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
