/** The rows the import benches generate: mentions (the default) or members, as NDJSON files. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export function mention(index: number): object {
  return {
    platform: ['instagram', 'tiktok', 'x', 'youtube'][index % 4],
    handle: `creator${index % 50_000}`,
    url: `https://social.example.com/p/${index}?utm_source=bench`,
    postedAt: new Date(Date.UTC(2025, 0, 1) + (index % 300) * 86_400_000).toISOString(),
    reach: (index * 37) % 100_000,
    likes: index % 500,
    shares: index % 40,
    comments: index % 90,
    sentiment: ((index % 21) - 10) / 10,
  };
}

export function member(index: number): object {
  return {
    externalId: `bench-${index}`,
    email: `bench-${index}@example.com`,
    name: `Bench Member ${index}`,
    tags: ['bench'],
  };
}

/** Writes `rows` rows of NDJSON to `file`, streamed so that a million rows take no memory. */
export async function writeNdjson(
  file: string,
  rows: number,
  row: (index: number) => object,
): Promise<void> {
  const out = createWriteStream(file);
  for (let index = 0; index < rows; index += 1) {
    if (!out.write(`${JSON.stringify(row(index))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
