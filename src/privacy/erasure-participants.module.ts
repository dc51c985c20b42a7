import { Module } from '@nestjs/common';
import { ErasureParticipants } from './erasure-participants';

/** The registry alone, so that a feature can register without importing the privacy module. */
@Module({ providers: [ErasureParticipants], exports: [ErasureParticipants] })
export class ErasureParticipantsModule {}
