import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) throw invalidField(metadata.data ?? 'id', 'must be a UUID', 'isUuid');
    return value.toLowerCase();
  }
}
