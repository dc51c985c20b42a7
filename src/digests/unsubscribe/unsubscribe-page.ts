import { DigestLanguage } from '../digest-subscription.entity';
import { escapeHtml as e } from '../templates/escape-html';
import { UnsubscribeOutcome } from './unsubscribe.service';

const WORDS = {
  en: {
    title: 'Unsubscribe',
    ask: (name: string) => `Stop receiving the digest “${name}” at this address?`,
    button: 'Unsubscribe',
    done: (name: string) => `This address will no longer receive the digest “${name}”.`,
    already: (name: string) => `This address was already removed from the digest “${name}”.`,
    unnamed: 'Halo digest',
  },
  it: {
    title: 'Annulla iscrizione',
    ask: (name: string) => `Non ricevere più il riepilogo “${name}” a questo indirizzo?`,
    button: 'Annulla iscrizione',
    done: (name: string) => `Questo indirizzo non riceverà più il riepilogo “${name}”.`,
    already: (name: string) => `Questo indirizzo era già stato rimosso dal riepilogo “${name}”.`,
    unnamed: 'Riepilogo Halo',
  },
} as const;

function page(language: DigestLanguage, body: string): string {
  return `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(WORDS[language].title)}</title></head><body>${body}</body></html>`;
}

/**
 * The page a link opens: a button that posts the unsubscription, since mail scanners follow
 * links (a GET changes nothing). No script, no style: the API's CSP allows none.
 */
export function confirmPage(language: DigestLanguage, name: string | null): string {
  const words = WORDS[language];
  return page(
    language,
    `<h1>${e(words.title)}</h1><p>${e(words.ask(name ?? words.unnamed))}</p><form method="post"><button type="submit">${e(words.button)}</button></form>`,
  );
}

export function donePage(language: DigestLanguage, outcome: UnsubscribeOutcome): string {
  const words = WORDS[language];
  const name = outcome.subscriptionName ?? words.unnamed;
  return page(
    language,
    `<h1>${e(words.title)}</h1><p>${e(outcome.removed ? words.done(name) : words.already(name))}</p>`,
  );
}
