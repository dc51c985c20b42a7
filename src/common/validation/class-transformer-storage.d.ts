/** class-transformer's metadata storage, which its package ships without a declaration. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
