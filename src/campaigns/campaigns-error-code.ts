/** The campaigns module's error codes. Clients rely on these strings: never rename one. */
export enum CampaignsErrorCode {
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  UNKNOWN_CAMPAIGN = 'UNKNOWN_CAMPAIGN',
  CAMPAIGN_EXISTS = 'CAMPAIGN_EXISTS',
}
