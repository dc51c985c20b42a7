import { StringDecoder } from 'node:string_decoder';

/**
 * Decodes a byte stream as UTF-8 text chunk by chunk (a character split across chunks is kept
 * whole) and drops a leading byte order mark, which spreadsheet programs like to write.
 */
export async function* utf8Text(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield first && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest;
}
