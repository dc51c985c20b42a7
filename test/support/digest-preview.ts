import { TestApp } from './test-app';

export type AdvocateSection =
  'topAdvocates' | 'newAmbassadors' | 'rising' | 'hiddenGems' | 'atRisk';

/** Each advocate section's title in the digest's languages, and the ranking segment it shows. */
export const ADVOCATE_SECTIONS: Record<
  AdvocateSection,
  { en: string; it: string; segment: string | undefined }
> = {
  topAdvocates: { en: 'Top advocates', it: 'Migliori sostenitori', segment: undefined },
  newAmbassadors: { en: 'New ambassadors', it: 'Nuovi ambasciatori', segment: 'new-ambassadors' },
  rising: { en: 'Rising', it: 'In crescita', segment: 'rising' },
  hiddenGems: { en: 'Hidden gems', it: 'Gemme nascoste', segment: 'hidden-gems' },
  atRisk: { en: 'At risk', it: 'A rischio', segment: 'at-risk' },
};

/** Creates a digest subscription (to team@example.com unless told) and returns its id. */
export async function subscribeDigest(
  test: TestApp,
  body: Record<string, unknown>,
): Promise<string> {
  const response = await test
    .http()
    .post('/api/v1/digests/subscriptions')
    .set('Authorization', test.keys.admin)
    .send({ recipients: ['team@example.com'], ...body });
  if (response.status !== 201)
    throw new Error(`subscription not created: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** The digest of the period last completed at `at`, as the preview endpoint renders it. */
export async function previewDigest(
  test: TestApp,
  subscriptionId: string,
  at: string,
  format: 'text' | 'html' = 'text',
): Promise<string> {
  const response = await test
    .http()
    .get(`/api/v1/digests/subscriptions/${subscriptionId}/preview`)
    .query({ at, format })
    .set('Authorization', test.keys.admin);
  if (response.status !== 200) throw new Error(`preview: ${response.status} ${response.text}`);
  return response.text;
}

/** The rows of one section of the plain-text part: from its underlined title to the next one. */
export function textSection(text: string, title: string): string {
  const lines = text.split('\n');
  const underlined = (index: number) => /^-{3,}$/.test(lines[index + 1] ?? '');
  const start = lines.findIndex((line, index) => line === title && underlined(index));
  if (start === -1) throw new Error(`no section ${title}`);
  const end = lines.findIndex((_, index) => index > start + 1 && underlined(index));
  return lines.slice(start + 2, end === -1 ? undefined : end).join('\n');
}

/** One section of the HTML part: from its heading to the next one. */
export function htmlSection(html: string, title: string): string {
  const heading = new RegExp(`^[^>]*>${title}[ <]`);
  const section = html.split('<h2').find((part) => heading.test(part));
  if (section === undefined) throw new Error(`no section ${title}`);
  return section;
}

/** The members a section (text or HTML) lists, by their dashboard links, in order. */
export function sectionMembers(section: string): string[] {
  return [...section.matchAll(/#\/members\/([0-9a-f-]{36})/g)].map((match) => match[1]);
}

/** The members GET /api/v1/advocates lists for the query, in order. */
export async function rankedMembers(
  test: TestApp,
  query: Record<string, unknown>,
): Promise<string[]> {
  const response = await test
    .http()
    .get('/api/v1/advocates')
    .query(query)
    .set('Authorization', test.keys.viewer);
  if (response.status !== 200) throw new Error(`ranking: ${JSON.stringify(response.body)}`);
  return response.body.items.map((row: { member: { id: string } }) => row.member.id);
}
