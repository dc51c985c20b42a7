import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HaloSettings } from '../config/halo-settings';
import { AppSecret } from './app-secret.entity';
import { dataSourceOptions } from './data-source-options';
import { Lease } from './lease.entity';

/**
 * Opens the database and brings its schema up to date before the app serves anything. Each
 * feature module registers its entities (`TypeOrmModule.forFeature`), loaded here automatically.
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
})
export class DatabaseModule {}
