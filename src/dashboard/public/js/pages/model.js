// @ts-check
import { ApiError, get } from '../api.js';
import { h } from '../dom.js';
import { count } from '../format.js';
import { emptyState, errorState, loading, pageHeader } from '../ui.js';
import { fitsCard } from './model-fits.js';
import { calibrationChart, fittedName, holdoutTotals } from './model-holdout.js';
import { dailyChart } from './model-holdout-daily.js';
import { moneyCheck } from './model-holdout-money.js';
import { conversionCard, simpleFormulaCard } from './model-simple.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    checking:
      'Checking the model against the last {days} days: it is refitted on the data before them, which can take a few seconds…',
    checkingShort: 'Checking the model',
    checkUses:
      'The check uses the model Halo would have chosen with only the history before the holdout: {name}.',
    checkUsesReason:
      'The check uses the model Halo would have chosen with only the history before the holdout: {name} ({reason}).',
    theCheck: 'the holdout check',
    title: 'Model',
    subtitle: 'How Halo predicts what customers will buy, and how well it predicted the past.',
    noModel: 'No model yet: values have not been computed.',
    fittedAt:
      'The model is fitted at each recompute of values (scheduled, or POST /api/v1/value/recompute). Once one has finished, this page shows the fits, how well they predicted the past and the simple formula beside them.',
    howWell: 'How well it predicted the past',
    heldOut:
      'The last {days} days are held out: the model is fitted on the history before them, and what it expected is set against what customers did.',
  },
  it: {
    checking:
      'Verifica del modello sugli ultimi {days} giorni: viene stimato di nuovo sui dati precedenti, il che può richiedere qualche secondo…',
    checkingShort: 'Verifica del modello',
    checkUses:
      'La verifica usa il modello che Halo avrebbe scelto con il solo storico precedente al periodo di verifica: {name}.',
    checkUsesReason:
      'La verifica usa il modello che Halo avrebbe scelto con il solo storico precedente al periodo di verifica: {name} ({reason}).',
    theCheck: 'la verifica sul periodo tenuto da parte',
    title: 'Modello',
    subtitle:
      'Come Halo prevede cosa acquisteranno i clienti, e quanto bene ha previsto il passato.',
    noModel: 'Ancora nessun modello: i valori non sono stati calcolati.',
    fittedAt:
      'Il modello viene stimato a ogni ricalcolo dei valori (programmato, oppure POST /api/v1/value/recompute). Al termine del primo, questa pagina mostra le stime, quanto bene hanno previsto il passato e la formula semplice accanto.',
    howWell: 'Quanto bene ha previsto il passato',
    heldOut:
      'Gli ultimi {days} giorni sono tenuti da parte: il modello è stimato sullo storico precedente e le sue attese sono confrontate con ciò che i clienti hanno fatto.',
  },
});

/**
 * @typedef {import('./model-fits.js').Model} Model
 * @typedef {import('./model-holdout.js').Validation} Validation
 */

/**
 * The backtest, filled in when it arrives: it refits the model and can take seconds.
 * @param {HTMLElement} slot
 * @param {number} days
 * @param {string} currency
 * @param {() => boolean} isCurrent
 * @param {string} inUse the model that values members now
 */
async function loadValidation(slot, days, currency, isCurrent, inUse) {
  slot.setAttribute('aria-busy', 'true');
  slot.replaceChildren(
    h('p', { class: 'loading-note', role: 'status' }, t('checking', { days: count(days) })),
    loading(t('checkingShort')),
  );
  try {
    /** @type {Validation} */
    const validation = await get('/api/v1/model/validation');
    if (!isCurrent()) return;
    const fittedThen = validation.fitted.method;
    slot.replaceChildren(
      ...[
        fittedThen !== inUse && inUse !== 'simple'
          ? h(
              'p',
              { class: 'chart-note', id: 'holdout-model-note' },
              validation.fitted.reason
                ? t('checkUsesReason', {
                    name: fittedName(validation.fitted),
                    reason: validation.fitted.reason,
                  })
                : t('checkUses', { name: fittedName(validation.fitted) }),
            )
          : null,
        holdoutTotals(validation),
        calibrationChart(validation),
        dailyChart(validation),
        moneyCheck(validation, currency),
      ].filter((child) => child !== null),
    );
  } catch (error) {
    if (isCurrent()) slot.replaceChildren(errorState(error, t('theCheck')));
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { session, isCurrent }) {
  const currency = session.baseCurrency ?? 'EUR';
  container.append(
    pageHeader(t('title'), {
      subtitle: t('subtitle'),
    }),
  );
  /** @type {Model} */
  let model;
  try {
    model = await get('/api/v1/model');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
      container.append(
        h('div', { class: 'card', id: 'model-empty' }, emptyState(t('noModel'), t('fittedAt'))),
      );
      return;
    }
    throw error;
  }
  if (!isCurrent()) return;
  const holdout = h('section', {
    class: 'stack',
    id: 'model-holdout',
    'aria-labelledby': 'model-holdout-title',
  });
  const days = model.spendModel.holdout?.days ?? 180;
  container.append(
    h(
      'div',
      { class: 'stack' },
      fitsCard(model, currency),
      h(
        'div',
        { class: 'section-heading' },
        h('h2', { id: 'model-holdout-title' }, t('howWell')),
        h('p', { class: 'card-description' }, t('heldOut', { days: count(days) })),
      ),
      holdout,
      simpleFormulaCard(model.simpleFormula, currency, model.method === 'simple'),
      conversionCard(model.calibration),
    ),
  );
  await loadValidation(holdout, days, currency, isCurrent, model.spendModel.chosen);
}
