import { toIso } from '../dates/iso-date';

/** An entity's instants (epoch ms) as the API writes them: ISO strings, null staying null. */
export type IsoInstants<Entity, Instant extends keyof Entity> = {
  [Key in Instant]: null extends Entity[Key] ? string | null : string;
};

/**
 * What most responses are made of: the named fields of an entity as they are, then its named
 * instants as ISO strings. A response's `from` says which fields it shows and which are dates.
 */
export function responseFields<Entity, Field extends keyof Entity, Instant extends keyof Entity>(
  entity: Entity,
  fields: readonly Field[],
  instants: readonly Instant[] = [],
): Pick<Entity, Field> & IsoInstants<Entity, Instant> {
  const response: Partial<Record<keyof Entity, unknown>> = {};
  for (const field of fields) response[field] = entity[field];
  for (const instant of instants) response[instant] = toIso(entity[instant] as number | null);
  return response as Pick<Entity, Field> & IsoInstants<Entity, Instant>;
}
