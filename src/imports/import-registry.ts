import { Injectable } from '@nestjs/common';
import { RecordImporter } from './record-importer';

/** Record types that can be imported, registered by their own modules. */
@Injectable()
export class ImportRegistry {
  private readonly importers = new Map<string, RecordImporter>();

  register<Dto extends object>(importer: RecordImporter<Dto>): void {
    this.importers.set(importer.type, importer as unknown as RecordImporter);
  }

  get(type: string): RecordImporter | undefined {
    return this.importers.get(type);
  }

  types(): string[] {
    return [...this.importers.keys()].sort();
  }
}
