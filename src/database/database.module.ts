import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ERROR_TRANSLATORS } from '../common/errors/error-translator';
import { HaloSettings } from '../config/halo-settings';
import { AppSecret } from './app-secret.entity';
import { dataSourceOptions } from './data-source-options';
import { Lease } from './lease.entity';
import { SqliteOptimizeOnStart } from './sqlite-optimize';
import { translateUniqueViolation } from './unique-violation.translator';

/**
 * Opens the database and brings its schema up to date before the app serves anything. Each
 * feature module registers its entities (`TypeOrmModule.forFeature`), loaded here automatically.
 * It gives the exception filter the database's errors that clients should hear of.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [HaloSettings],
      useFactory: (settings: HaloSettings) => ({
        ...dataSourceOptions(settings),
        entities: [],
        autoLoadEntities: true,
        migrationsRun: true,
      }),
    }),
    TypeOrmModule.forFeature([AppSecret, Lease]),
  ],
  providers: [
    { provide: ERROR_TRANSLATORS, useValue: [translateUniqueViolation] },
    SqliteOptimizeOnStart,
  ],
  exports: [ERROR_TRANSLATORS],
})
export class DatabaseModule {}
