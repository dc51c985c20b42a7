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
