import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppSecretsService } from '../database/app-secrets.service';
import { ApiKey } from './api-key.entity';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { DashboardSession } from './dashboard-session.entity';
import { DashboardSessionsService } from './dashboard-sessions.service';
import { FailedAuthentications } from './failed-authentications';
import { RequestAuthenticator } from './request-authenticator';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKey, DashboardSession])],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    AppSecretsService,
    DashboardSessionsService,
    FailedAuthentications,
    RequestAuthenticator,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeysService, DashboardSessionsService, FailedAuthentications, RequestAuthenticator],
})
export class AuthModule {}
