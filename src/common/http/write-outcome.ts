import { HttpStatus } from '@nestjs/common';

/** What a natural-key write did: the API answers 201 for a new record, 200 otherwise. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** A record with what its write did. */
export interface Written<Entity> {
  record: Entity;
  outcome: WriteOutcome;
}

/** The one place the 201/200 answer to a write is decided. */
export function writeStatus(outcome: WriteOutcome): HttpStatus.CREATED | HttpStatus.OK {
  return outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK;
}
