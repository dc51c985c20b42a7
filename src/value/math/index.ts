export * from './special-functions';
export { hypergeometric2F1 } from './hypergeometric';
export * from './optimizer';
export * from './bg-nbd';
export * from './gamma-gamma';
export * from './discounted-margin';
export * from './repeat-buying-summary';
export { SeededRandom } from './seeded-random';
export * from './bg-nbd-simulation';
