import { plainToInstance } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

/** class-transformer's storage: the maps of @Type, @Transform, @Expose and @Exclude by class. */
interface TransformerMaps {
  _typeMetadatas: Map<unknown, unknown>;
  _transformMetadatas: Map<unknown, unknown>;
  _exposeMetadatas: Map<unknown, unknown>;
  _excludeMetadatas: Map<unknown, unknown>;
}

const plainClasses = new WeakMap<object, boolean>();

/**
 * `plainToInstance(dto, value)` for an import row: when the class and its ancestors carry no
 * class-transformer metadata and no accessor or method, and every value of the row is a JSON
 * scalar, class-transformer's answer is a new instance with the row's keys copied as they are
 * (no implicit conversion is on), so that is what this makes, without its per-key metadata
 * searches (a fifth of an import's JavaScript). Any other row goes through plainToInstance.
 */
export function plainInstance<T extends object>(dto: new () => T, value: object): T {
  if (!isPlainClass(dto)) return plainToInstance(dto, value);
  const instance = new dto() as Record<string, unknown>;
  for (const [key, field] of Object.entries(value)) {
    // class-transformer leaves a key naming a method (`toString`) alone; `__proto__` is not copied.
    if (!isScalar(field) || key === '__proto__' || typeof instance[key] === 'function')
      return plainToInstance(dto, value);
  }
  return Object.assign(instance, value) as T;
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function isPlainClass(dto: new () => object): boolean {
  let plain = plainClasses.get(dto);
  if (plain === undefined) {
    const maps = defaultMetadataStorage as unknown as TransformerMaps;
    plain = true;
    for (
      let target: unknown = dto;
      typeof target === 'function' && target !== Function.prototype;
      target = Object.getPrototypeOf(target)
    ) {
      const prototype = (target as { prototype?: object }).prototype;
      if (
        maps._typeMetadatas.has(target) ||
        maps._transformMetadatas.has(target) ||
        maps._exposeMetadatas.has(target) ||
        maps._excludeMetadatas.has(target) ||
        (prototype && Object.getOwnPropertyNames(prototype).some((name) => name !== 'constructor'))
      )
        plain = false;
    }
    plainClasses.set(dto, plain);
  }
  return plain;
}
