import { SetMetadata } from '@nestjs/common';

export const REPLAY_READER = 'halo:replayReader';

/**
 * Names the controller method (resource id → answer) with which an Idempotency-Key replay reads
 * the resource the first request answered, so that the replay shows it as it is now.
 */
export const ReplayReads = (method: string): MethodDecorator => SetMetadata(REPLAY_READER, method);
