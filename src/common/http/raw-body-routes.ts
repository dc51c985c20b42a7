/** Routes that read their own request stream (bulk imports): no JSON parsing, their own limit. */
export const RAW_BODY_PREFIX = '/api/v1/import';
