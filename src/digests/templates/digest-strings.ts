import { Cadence } from '../schedule/digest-schedule';
import { DigestSection } from '../content/digest-sections';
import { DigestLanguage } from '../digest-subscription.entity';

export interface SectionStrings {
  title: string;
  /** What the section helps decide. */
  lead: string;
  none: string;
}

export interface DigestStrings {
  locale: string;
  digest: Record<Cadence, string>;
  sections: Record<DigestSection, SectionStrings>;
  groups: Record<'reach' | 'acquisition' | 'activity' | 'purchases', string>;
  measures: Record<string, string>;
  columns: {
    measure: string;
    thisPeriod: string;
    previousPeriod: string;
    change: string;
    member: string;
    extended: string;
    advocacy: string;
    influence: string;
    spend: string;
    pAlive: string;
    why: string;
  };
  reasons: { inactive: string; pAlive: string };
  period: string;
  valuesAsOf: string;
  noValues: string;
  filteredBy: string;
  nothingToReport: string;
  unnamed: string;
  review: string;
  mention: string;
  reach: string;
  views: string;
  openDashboard: string;
  newValue: string;
  footer: string;
}

const EN: DigestStrings = {
  locale: 'en-GB',
  digest: {
    daily: 'Daily digest',
    weekly: 'Weekly digest',
    monthly: 'Monthly digest',
    cron: 'Digest',
  },
  sections: {
    community: {
      title: 'Community',
      lead: 'How the community did, against the previous period.',
      none: 'No community figures.',
    },
    topAdvocates: {
      title: 'Top advocates',
      lead: 'Who to thank: the highest extended lifetime value.',
      none: 'No values computed yet.',
    },
    newAmbassadors: {
      title: 'New ambassadors',
      lead: 'Who to welcome: crossed into the top tier.',
      none: 'Nobody new in the top tier.',
    },
    rising: {
      title: 'Rising',
      lead: 'Who to invite: the largest growth of influence.',
      none: 'No growth of influence to report.',
    },
    hiddenGems: {
      title: 'Hidden gems',
      lead: 'Who a spend-only view misses: high influence, modest spend.',
      none: 'No hidden gems.',
    },
    atRisk: {
      title: 'At risk',
      lead: 'Who is slipping away: activity stopped or likely to stop buying.',
      none: 'Nobody at risk.',
    },
    notableContent: {
      title: 'Notable reviews and mentions',
      lead: 'What people said in the period.',
      none: 'No new reviews or mentions.',
    },
  },
  groups: {
    reach: 'Reach and awareness',
    acquisition: 'New customers through the community',
    activity: 'Activity',
    purchases: 'Purchase behaviour',
  },
  measures: {
    mentions: 'Mentions',
    reach: 'Total reach',
    people: 'People mentioning',
    positiveShare: 'Positive sentiment',
    newCustomers: 'New customers',
    communityCustomers: 'of which through the community',
    referralCustomers: 'brought by a referral',
    guestCustomers: 'brought to an event as a guest',
    contentCustomers: 'through a review, mention or event',
    activeMembers: 'Active members',
    reviews: 'Reviews',
    eventAttendances: 'Event attendances',
    feedback: 'Feedback items',
    referralInvitations: 'Referral invitations',
    orders: 'Orders',
    buyers: 'Buyers',
    ordersPerBuyer: 'Orders per buyer',
    repeatRate: 'Repeat purchase rate',
  },
  columns: {
    measure: 'Measure',
    thisPeriod: 'This period',
    previousPeriod: 'Previous',
    change: 'Change',
    member: 'Member',
    extended: 'Extended value',
    advocacy: 'Advocacy value',
    influence: 'Influence',
    spend: 'Purchase margin',
    pAlive: 'P(alive)',
    why: 'Why',
  },
  reasons: {
    inactive: 'active before, silent this period',
    pAlive: 'likely to stop buying',
  },
  period: 'Period',
  valuesAsOf: 'Values as of',
  noValues: 'no value snapshot at or before the period end',
  filteredBy: 'Only',
  nothingToReport: 'Nothing to report for this period.',
  unnamed: 'A member',
  review: 'Review',
  mention: 'Mention',
  reach: 'reach',
  views: 'views',
  openDashboard: 'Open the dashboard',
  newValue: 'new',
  footer: 'You receive this digest because an administrator of Halo subscribed this address.',
};

const IT: DigestStrings = {
  locale: 'it-IT',
  digest: {
    daily: 'Riepilogo giornaliero',
    weekly: 'Riepilogo settimanale',
    monthly: 'Riepilogo mensile',
    cron: 'Riepilogo',
  },
  sections: {
    community: {
      title: 'Community',
      lead: 'Come è andata la community rispetto al periodo precedente.',
      none: 'Nessun dato sulla community.',
    },
    topAdvocates: {
      title: 'Migliori sostenitori',
      lead: 'Chi ringraziare: il valore esteso più alto.',
      none: 'Nessun valore ancora calcolato.',
    },
    newAmbassadors: {
      title: 'Nuovi ambasciatori',
      lead: 'Chi accogliere: entrati nel livello più alto.',
      none: 'Nessun nuovo ingresso nel livello più alto.',
    },
    rising: {
      title: 'In crescita',
      lead: 'Chi invitare: la maggiore crescita di influenza.',
      none: 'Nessuna crescita di influenza da segnalare.',
    },
    hiddenGems: {
      title: 'Gemme nascoste',
      lead: 'Chi sfugge a chi guarda solo la spesa: molta influenza, spesa modesta.',
      none: 'Nessuna gemma nascosta.',
    },
    atRisk: {
      title: 'A rischio',
      lead: 'Chi si sta allontanando: attività ferma o acquisti a rischio.',
      none: 'Nessuno a rischio.',
    },
    notableContent: {
      title: 'Recensioni e menzioni di rilievo',
      lead: 'Cosa si è detto nel periodo.',
      none: 'Nessuna nuova recensione o menzione.',
    },
  },
  groups: {
    reach: 'Portata e notorietà',
    acquisition: 'Nuovi clienti dalla community',
    activity: 'Attività',
    purchases: 'Comportamento di acquisto',
  },
  measures: {
    mentions: 'Menzioni',
    reach: 'Portata totale',
    people: 'Persone che citano il marchio',
    positiveShare: 'Sentiment positivo',
    newCustomers: 'Nuovi clienti',
    communityCustomers: 'di cui dalla community',
    referralCustomers: 'portati da una segnalazione',
    guestCustomers: 'ospiti a un evento',
    contentCustomers: 'da una recensione, menzione o evento',
    activeMembers: 'Membri attivi',
    reviews: 'Recensioni',
    eventAttendances: 'Partecipazioni a eventi',
    feedback: 'Suggerimenti',
    referralInvitations: 'Inviti inviati',
    orders: 'Ordini',
    buyers: 'Acquirenti',
    ordersPerBuyer: 'Ordini per acquirente',
    repeatRate: 'Tasso di riacquisto',
  },
  columns: {
    measure: 'Misura',
    thisPeriod: 'Questo periodo',
    previousPeriod: 'Precedente',
    change: 'Variazione',
    member: 'Membro',
    extended: 'Valore esteso',
    advocacy: 'Valore di advocacy',
    influence: 'Influenza',
    spend: 'Margine sugli acquisti',
    pAlive: 'P(attivo)',
    why: 'Motivo',
  },
  reasons: {
    inactive: 'attivo prima, silenzioso in questo periodo',
    pAlive: 'probabile che smetta di acquistare',
  },
  period: 'Periodo',
  valuesAsOf: 'Valori al',
  noValues: 'nessuna istantanea dei valori entro la fine del periodo',
  filteredBy: 'Solo',
  nothingToReport: 'Niente da segnalare per questo periodo.',
  unnamed: 'Un membro',
  review: 'Recensione',
  mention: 'Menzione',
  reach: 'portata',
  views: 'visualizzazioni',
  openDashboard: 'Apri la dashboard',
  newValue: 'nuovo',
  footer: 'Ricevi questo riepilogo perché un amministratore di Halo ha iscritto questo indirizzo.',
};

export function digestStrings(language: DigestLanguage): DigestStrings {
  return language === 'it' ? IT : EN;
}
