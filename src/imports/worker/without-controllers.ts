import 'reflect-metadata';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';

type ModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

const copies = new WeakMap<Type, Type>();

/**
 * The module with its providers, exports and lifecycle hooks (its listeners and importers are
 * registered in onModuleInit) but no controllers, and likewise every module it imports: what
 * an application context without HTTP wants of a feature module. One copy per module, so that
 * modules imported from several places stay one instance.
 */
export function withoutControllers(module: Type): Type {
  const known = copies.get(module);
  if (known) return known;
  const copy = class extends module {};
  Object.defineProperty(copy, 'name', { value: module.name });
  copies.set(module, copy);
  const imports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? []) as ModuleImport[];
  const exports = (Reflect.getMetadata(MODULE_METADATA.EXPORTS, module) ?? []) as unknown[];
  Reflect.defineMetadata(MODULE_METADATA.IMPORTS, imports.map(strippedImport), copy);
  Reflect.defineMetadata(
    MODULE_METADATA.EXPORTS,
    exports.map((entry) =>
      imports.includes(entry as ModuleImport) ? strippedImport(entry as ModuleImport) : entry,
    ),
    copy,
  );
  Reflect.defineMetadata(MODULE_METADATA.CONTROLLERS, [], copy);
  return copy;
}

function strippedImport(entry: ModuleImport): ModuleImport {
  if (typeof entry === 'function') return withoutControllers(entry);
  if (entry instanceof Promise) return entry.then((dynamic) => strippedDynamic(dynamic));
  if ('forwardRef' in entry) return { forwardRef: () => strippedImport(entry.forwardRef()) };
  return strippedDynamic(entry);
}

function strippedDynamic(dynamic: DynamicModule): DynamicModule {
  return {
    ...dynamic,
    module: withoutControllers(dynamic.module),
    imports: dynamic.imports?.map((entry) => strippedImport(entry as ModuleImport)),
    controllers: [],
  };
}
