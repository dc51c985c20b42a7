import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Who is being erased, as other modules may find them named in what they keep. */
export interface ErasedPerson {
  /** The member and every member merged into it. */
  memberIds: string[];
  /** Their emails (as given and normalised). */
  emails: string[];
  /** Their names. */
  names: string[];
  /** Their handles (without platform). */
  handles: string[];
}

/**
 * A module that keeps something naming a person (digest mails, webhook deliveries, ...) erases
 * it here: it registers a participant in `onModuleInit`, and each erasure calls it inside its
 * transaction (before the member's fields are removed) and reports its count under its name.
 */
export interface ErasureParticipant {
  /** The count's name in the erasure report, e.g. `digestOutboxFiles`. */
  readonly name: string;
  erase(person: ErasedPerson, manager: EntityManager): Promise<number>;
}

/** The registry of erasure participants: privacy owns it, features register (never the reverse). */
@Injectable()
export class ErasureParticipants {
  private readonly participants: ErasureParticipant[] = [];

  register(participant: ErasureParticipant): void {
    if (this.participants.some((known) => known.name === participant.name))
      throw new Error(`erasure participant ${participant.name} is registered twice`);
    this.participants.push(participant);
  }

  all(): readonly ErasureParticipant[] {
    return this.participants;
  }
}
