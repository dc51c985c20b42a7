import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HaloSettings } from '../config/halo-settings';
import { dataSourceOptions } from './data-source-options';

/** Opens the database and brings its schema up to date before the app serves anything. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [HaloSettings],
      useFactory: (settings: HaloSettings) => ({
        ...dataSourceOptions(settings),
        migrationsRun: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
