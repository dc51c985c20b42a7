import { Segment } from '../../advocates/dto/list-advocates.query';

export const DIGEST_SECTIONS = [
  'community',
  'topAdvocates',
  'newAmbassadors',
  'rising',
  'hiddenGems',
  'atRisk',
  'notableContent',
] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** The sections that name members, with the ranking's segment each lists (the top: none). */
export const ADVOCATE_SEGMENTS = {
  topAdvocates: undefined,
  newAmbassadors: 'new-ambassadors',
  rising: 'rising',
  hiddenGems: 'hidden-gems',
  atRisk: 'at-risk',
} as const satisfies Partial<Record<DigestSection, Segment | undefined>>;
export type AdvocateSection = keyof typeof ADVOCATE_SEGMENTS;

export function isAdvocateSection(section: DigestSection): section is AdvocateSection {
  return section in ADVOCATE_SEGMENTS;
}
