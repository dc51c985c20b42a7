import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Member } from './member.entity';

/** The merge response's counts: the API names every type of record, whichever module moves it. */
export interface MergeCounts {
  moved: Record<
    | 'identities'
    | 'tags'
    | 'purchases'
    | 'reviews'
    | 'mentions'
    | 'feedback'
    | 'attendance'
    | 'eventGuests'
    | 'referralsMade'
    | 'referralsReceived',
    number
  >;
  dropped: Record<
    'tags' | 'feedback' | 'attendance' | 'eventGuests' | 'referralsReceived' | 'valueSnapshots',
    number
  >;
}

/** What one mover did, under the response's keys; a key it leaves out counts 0. */
export interface MergeMoveCounts {
  moved?: Partial<MergeCounts['moved']>;
  dropped?: Partial<MergeCounts['dropped']>;
}

/**
 * Moves one feature's records of the merged member onto the survivor (or drops the duplicates),
 * inside the merge's transaction; a DomainError it throws refuses the merge and undoes every move.
 */
export interface MergeMover {
  /** The records it moves, for readers of a stack trace. */
  name: string;
  move(
    manager: EntityManager,
    survivor: Member,
    other: Member,
    now: number,
  ): Promise<MergeMoveCounts>;
}

/**
 * The movers of the features whose records name a member, registered by their own modules in
 * onModuleInit (as importers are), so that members imports none of those features.
 */
@Injectable()
export class MergeMovers {
  private readonly movers: MergeMover[] = [];

  register(mover: MergeMover): void {
    this.movers.push(mover);
  }

  all(): readonly MergeMover[] {
    return this.movers;
  }
}
