import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Secrets the service generates once and shares across instances (e.g. the key-hashing pepper). */
@Entity('app_secrets')
export class AppSecret {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  value!: string;
}
