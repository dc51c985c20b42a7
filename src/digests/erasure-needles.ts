import { ErasedPerson } from '../privacy/erasure-participants';
import { escapeHtml } from './templates/escape-html';

/**
 * The person's names and emails, as written and HTML-escaped, lower-cased; for files, their
 * member ids too (a digest links each advocate's page), since a file is deleted, not rewritten.
 */
export function needlesOf(person: ErasedPerson, withIds: boolean): string[] {
  const words = [...person.names, ...person.emails].filter((word) => word.trim().length >= 2);
  const all = words.flatMap((word) => [word, escapeHtml(word)]);
  if (withIds) all.push(...person.memberIds);
  return [...new Set(all.map((word) => word.toLowerCase()))];
}

/**
 * A needle as a whole word (not inside a longer word or an HTML tag name: "Tab" must not touch
 * "<table>"), ignoring case.
 */
function wordPattern(needle: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(needle)}(?![\\p{L}\\p{N}_])`, 'giu');
}

export function containsAny(value: string, needles: string[]): boolean {
  return needles.some((needle) => wordPattern(needle).test(value));
}

export function replaceAll(value: string, needles: string[], replacement: string): string {
  // Longest first, so that an escaped name is replaced whole before its raw prefix could be.
  let result = value;
  for (const needle of [...needles].sort((a, b) => b.length - a.length))
    result = result.replace(wordPattern(needle), replacement);
  return result;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
