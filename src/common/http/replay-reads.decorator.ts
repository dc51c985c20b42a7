import { SetMetadata } from '@nestjs/common';

export const REPLAY_READER = 'halo:replayReader';

/**
 * Names the controller method `(resourceId, request) → answer` with which an Idempotency-Key
 * replay reads the resource the first request answered, so that the replay shows it as it is
 * now. The id is the first answer's `id` (null when it had none); the request gives the route's
 * other parameters (the member of an identity, the event of an attendance, the pair of a merge).
 */
export const ReplayReads = (method: string): MethodDecorator => SetMetadata(REPLAY_READER, method);
