import { Module, OnModuleInit } from '@nestjs/common';
import { ImportRegistry } from '../imports/import-registry';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Feedback } from './feedback.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Feedback])],
  controllers: [FeedbackController],
  providers: [FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule implements OnModuleInit {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly feedback: FeedbackService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      type: 'feedback',
      dto: CreateFeedbackDto,
      write: async (manager, row) => (await this.feedback.record(row, manager)).outcome,
    });
  }
}
