import { StoredDriver as Driver } from './stored-driver';
import { ReasonFormat } from '../../common/language/reason-language';
import { ReasonNames } from './reason-names';

/** Reasons drawn from a member's largest drivers: at most this many. */
export const MAX_REASONS = 3;

/** Drivers of one kind (and platform or event) that make one sentence together. */
interface DriverGroup {
  key: string;
  kind: string;
  drivers: Driver[];
  amountMinor: number;
}

const ADVOCACY = new Set<Driver['component']>(['referral', 'influence', 'knowledge']);

/**
 * Up to three sentences from the member's largest advocacy drivers (referrals, content,
 * events, feedback), with names and amounts, never ids; a member with no advocacy gets one
 * sentence about their own purchases instead.
 */
export function advocateReasons(
  drivers: readonly Driver[],
  names: ReasonNames,
  format: ReasonFormat,
): string[] {
  const groups = groupDrivers(drivers.filter((driver) => ADVOCACY.has(driver.component)))
    .filter((group) => group.amountMinor > 0)
    .sort((a, b) => b.amountMinor - a.amountMinor)
    .slice(0, MAX_REASONS);
  if (groups.length) return groups.map((group) => groupSentence(group, names, format));
  const purchases = drivers.find((driver) => driver.kind === 'purchases');
  return purchases ? [purchasesSentence(purchases, format)] : [];
}

/** One driver in words with current names, as the value explanation lists it. */
export function driverText(driver: Driver, names: ReasonNames, format: ReasonFormat): string {
  if (driver.kind === 'prediction') {
    const method = String(driver.params?.method ?? '');
    const model =
      method === 'simple'
        ? format.language === 'it'
          ? 'formula semplice'
          : 'simple formula'
        : method === 'mbgnbd'
          ? format.language === 'it'
            ? 'BG/NBD modificato + Gamma-Gamma'
            : 'modified BG/NBD + Gamma-Gamma'
          : 'BG/NBD + Gamma-Gamma';
    return format.language === 'it'
      ? `Margine futuro atteso (${model})`
      : `Expected future margin (${model})`;
  }
  if (driver.kind === 'purchases') return purchasesSentence(driver, format);
  return groupSentence(
    { key: driver.kind, kind: driver.kind, drivers: [driver], amountMinor: driver.amountMinor },
    names,
    format,
  );
}

function groupDrivers(drivers: readonly Driver[]): DriverGroup[] {
  const groups = new Map<string, DriverGroup>();
  for (const driver of drivers) {
    const params = driver.params ?? {};
    const key =
      driver.kind === 'review' || driver.kind === 'mention'
        ? `${driver.kind}:${String(params.platform ?? '')}`
        : driver.kind === 'guest'
          ? `guest:${String(params.eventId ?? '')}`
          : driver.kind;
    const group = groups.get(key) ?? { key, kind: driver.kind, drivers: [], amountMinor: 0 };
    group.drivers.push(driver);
    group.amountMinor += driver.amountMinor;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const sum = (drivers: Driver[], param: string) =>
  drivers.reduce((total, driver) => total + Number(driver.params?.[param] ?? 0), 0);

function personList(ids: string[], names: ReasonNames, format: ReasonFormat): string | null {
  const named = ids.map((id) => names.member(id));
  if (ids.length > 2 || named.some((name) => name === null)) return null;
  return format.list(named as string[]);
}

function groupSentence(group: DriverGroup, names: ReasonNames, format: ReasonFormat): string {
  const it = format.language === 'it';
  const credited = format.money(group.amountMinor);
  const { drivers } = group;
  switch (group.kind) {
    case 'referral': {
      const referees = [...new Set(drivers.map((driver) => String(driver.params?.refereeId)))];
      const revenue = format.money(referees.reduce((total, id) => total + names.revenue(id), 0));
      const who = personList(referees, names, format);
      const count = referees.length;
      // Most of a new referee's credit can be the acquisition cost their referral saved: say so.
      const saved = sum(drivers, 'cacSavedMinor');
      const note =
        saved >= group.amountMinor / 2
          ? it
            ? ` (di cui ${format.money(saved)} di costo di acquisizione risparmiato)`
            : ` (incl. ${format.money(saved)} of acquisition cost saved)`
          : '';
      if (it)
        return who
          ? `Ha portato ${who}, che finora ${count === 1 ? 'ha' : 'hanno'} speso ${revenue}; ${credited} attribuiti${note}`
          : `Ha portato ${count} ${count === 1 ? 'cliente che finora ha' : 'clienti che finora hanno'} speso ${revenue}; ${credited} attribuiti${note}`;
      return who
        ? `Referred ${who}, who ${count === 1 ? 'has' : 'have'} spent ${revenue} so far; ${credited} credited${note}`
        : `Referred ${count} ${count === 1 ? 'customer who has' : 'customers who have'} spent ${revenue} so far; ${credited} credited${note}`;
    }
    case 'second-degree-referral': {
      const count = new Set(drivers.map((driver) => String(driver.params?.refereeId))).size;
      return it
        ? `${count} ${count === 1 ? 'persona invitata' : 'persone invitate'} dai suoi invitati; ${credited} attribuiti`
        : `${count} ${count === 1 ? 'person' : 'people'} referred by their referees; ${credited} credited`;
    }
    case 'review':
    case 'mention':
      return contentSentence(group, format, credited);
    case 'event': {
      const events = drivers.map((driver) => (driver.id ? names.event(driver.id) : null));
      const titled = events.length <= 2 && events.every((name) => name !== null);
      const what = titled
        ? format.list(events as string[])
        : it
          ? `${drivers.length} eventi`
          : `${drivers.length} events`;
      const orders = sum(drivers, 'orders');
      const reach = sum(drivers, 'reach');
      if (it)
        return orders
          ? `Ha organizzato ${what}; ne sono seguiti ${format.number(orders)} ordini, ${credited} attribuiti`
          : `Ha organizzato ${what} con ${format.number(reach)} partecipanti; ${credited} attribuiti (stimati)`;
      return orders
        ? `Hosted ${what}; ${format.number(orders)} ${orders === 1 ? 'order' : 'orders'} followed, ${credited} credited`
        : `Hosted ${what} with ${format.number(reach)} attendees; ${credited} credited (estimated)`;
    }
    case 'guest': {
      const eventId = String(drivers[0].params?.eventId ?? '');
      const event = names.event(eventId) ?? (it ? 'un evento' : 'an event');
      const guests = drivers.length;
      return it
        ? `Ha portato ${guests} ${guests === 1 ? 'ospite' : 'ospiti'} a ${event} che poi ${guests === 1 ? 'ha' : 'hanno'} comprato; ${credited} attribuiti`
        : `Brought ${guests} ${guests === 1 ? 'guest' : 'guests'} to ${event} who then bought; ${credited} credited`;
    }
    case 'feedback': {
      const accepted = sum(drivers, 'accepted');
      const shipped = sum(drivers, 'shipped');
      return it
        ? `${accepted} ${accepted === 1 ? 'suggerimento accettato' : 'suggerimenti accettati'}, ${shipped} ${shipped === 1 ? 'realizzato' : 'realizzati'}; ${credited} attribuiti`
        : `${accepted} feedback ${accepted === 1 ? 'item' : 'items'} accepted, ${shipped} shipped; ${credited} credited`;
    }
    default:
      return it ? `${credited} attribuiti` : `${credited} credited`;
  }
}

function contentSentence(group: DriverGroup, format: ReasonFormat, credited: string): string {
  const it = format.language === 'it';
  const review = group.kind === 'review';
  const count = new Set(group.drivers.map((driver) => driver.id)).size;
  const platform = format.platform(String(group.drivers[0].params?.platform ?? ''));
  const reach = sum(group.drivers, 'reach');
  const orders = sum(group.drivers, 'orders');
  const noun = it
    ? review
      ? count === 1
        ? 'recensione'
        : 'recensioni'
      : count === 1
        ? 'menzione'
        : 'menzioni'
    : review
      ? count === 1
        ? 'review'
        : 'reviews'
      : count === 1
        ? 'mention'
        : 'mentions';
  const parts: string[] = [];
  if (reach)
    parts.push(
      it
        ? `${review ? (count === 1 ? 'letta' : 'lette') : count === 1 ? 'vista' : 'viste'} ${format.number(reach)} volte`
        : `${review ? 'read' : 'seen'} ${format.number(reach)} times`,
    );
  if (orders)
    parts.push(
      it
        ? `${count === 1 ? 'ha' : 'hanno'} portato ${format.number(orders)} ${orders === 1 ? 'ordine' : 'ordini'}`
        : `brought ${format.number(orders)} ${orders === 1 ? 'order' : 'orders'}`,
    );
  const what = `${count} ${noun} ${it ? 'su' : 'on'} ${platform}`;
  const done = parts.length ? ` ${parts.join(it ? ' e ' : ' and ')}` : '';
  // Modeled influence is reach × conversion × margin, not traced orders: say it is an estimate.
  const estimated = group.drivers.every((driver) => driver.basis === 'modeled')
    ? it
      ? ' (stima dalla portata)'
      : ' (estimated from reach)'
    : '';
  return it
    ? `${what}${done}; ${credited} attribuiti${estimated}`
    : `${what}${done}; ${credited} credited${estimated}`;
}

function purchasesSentence(driver: Driver, format: ReasonFormat): string {
  const days = Number(driver.params?.purchaseDays ?? 0);
  const revenue = format.money(Number(driver.params?.revenueMinor ?? 0));
  const margin = format.money(driver.amountMinor);
  return format.language === 'it'
    ? `Ha speso ${revenue} in ${days} ${days === 1 ? 'giorno' : 'giorni'} di acquisto; margine ${margin}`
    : `Spent ${revenue} on ${days} purchase ${days === 1 ? 'day' : 'days'}; margin ${margin}`;
}
