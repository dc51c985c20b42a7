import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LeaseService } from '../lease.service';
import { LeasedJobsService } from './leased-jobs.service';

/**
 * Cron jobs that fire once across instances, and the lease service behind them (one lease
 * holder per application). Only modules with scheduled work import it: worker threads do not.
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [LeaseService, LeasedJobsService],
  exports: [LeaseService, LeasedJobsService],
})
export class LeasedJobsModule {}
