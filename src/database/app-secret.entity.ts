import { Entity, PrimaryColumn } from 'typeorm';
import { VarcharColumn } from './columns';

/** Secrets the service generates once and shares across instances (e.g. the key-hashing pepper). */
@Entity('app_secrets')
export class AppSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @VarcharColumn(200)
  value!: string;
}
