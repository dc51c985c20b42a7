import { join } from 'node:path';

/**
 * Every entity file of the source tree, for the connections opened outside the Nest app
 * (worker threads, the CLI's migrate, benches, in-memory specs). The app itself registers each
 * feature's entities through the feature's module (`TypeOrmModule.forFeature`), so the database
 * folder names no feature. The glob is relative to this file, so it finds the `.entity.js`
 * files under dist/src when compiled and the `.entity.ts` files under src with ts-node or
 * ts-jest, which a list of classes in a root file could not give a worker without the worker's
 * feature folder importing the composition root.
 */
export const ENTITY_FILES = join(__dirname, '..', '**', '*.entity.{js,ts}');
