import { DigestContent } from '../content/digest-content';
import { renderDigestHtml, renderEmptyNoteHtml } from './digest.html';
import { renderDigestText, renderEmptyNoteText } from './digest.text';
import { DigestView, RenderOptions, RenderedDigest } from './digest-view';

/** The full digest, or the one-line note when the period had nothing to report. */
export function renderDigest(
  content: DigestContent,
  options: RenderOptions,
  asNote = false,
): RenderedDigest {
  const view = new DigestView(content, options);
  return {
    subject: view.subject(),
    html: asNote ? renderEmptyNoteHtml(view) : renderDigestHtml(view),
    text: asNote ? renderEmptyNoteText(view) : renderDigestText(view),
  };
}
