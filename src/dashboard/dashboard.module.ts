import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SessionController } from './session.controller';
import { SessionService } from './session.service';

/** The browser dashboard's sign-in; its static files are served by serveDashboard (configure-app). */
@Module({
  imports: [AuthModule],
  controllers: [SessionController],
  providers: [SessionService],
})
export class DashboardModule {}
