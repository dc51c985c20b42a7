// @ts-check
import { ApiError, get, request } from './api.js';
import { disconnectCharts } from './charts.js';
import { announce, h } from './dom.js';
import { setTimeZone } from './format.js';
import { errorState, setTierOrder } from './ui.js';
import { languageSwitch, roleName, t, translateShell } from './shell.js';
import * as acquisition from './pages/acquisition.js';
import * as ambassadors from './pages/ambassadors.js';
import * as audit from './pages/audit.js';
import * as importPage from './pages/import.js';
import * as eventAttendance from './pages/event-attendance.js';
import * as log from './pages/log.js';
import * as logMember from './pages/log-member.js';
import * as member from './pages/member.js';
import * as model from './pages/model.js';
import * as overview from './pages/overview.js';
import * as reviews from './pages/reviews.js';
import { renderSignIn } from './pages/sign-in.js';
import * as system from './pages/system.js';

/**
 * The signed-in key, as GET /api/v1/session answers.
 * @typedef {{
 *   role: string,
 *   name: string,
 *   prefix: string,
 *   canWrite?: boolean,
 *   baseCurrency?: string,
 *   timezone?: string,
 * }} Session
 * @typedef {{
 *   params: URLSearchParams,
 *   match: RegExpMatchArray | null,
 *   session: Session,
 *   isCurrent: () => boolean,
 * }} PageContext
 * @typedef {{ render: (container: HTMLElement, context: PageContext) => Promise<void> | void }} Page
 */

/**
 * An element of index.html, which is always there.
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/** @type {{ pattern: RegExp, page: Page, nav: string }[]} */
const ROUTES = [
  { pattern: /^\/overview$/, page: overview, nav: 'overview' },
  { pattern: /^\/ambassadors$/, page: ambassadors, nav: 'ambassadors' },
  { pattern: /^\/members\/([^/]+)$/, page: member, nav: 'ambassadors' },
  { pattern: /^\/members\/([^/]+)\/edit$/, page: logMember, nav: 'ambassadors' },
  { pattern: /^\/log(?:\/([a-z]+))?$/, page: log, nav: 'log' },
  { pattern: /^\/events\/([^/]+)$/, page: eventAttendance, nav: 'log' },
  { pattern: /^\/acquisition$/, page: acquisition, nav: 'acquisition' },
  { pattern: /^\/reviews$/, page: reviews, nav: 'reviews' },
  { pattern: /^\/model$/, page: model, nav: 'model' },
  { pattern: /^\/system$/, page: system, nav: 'system' },
  { pattern: /^\/audit$/, page: audit, nav: 'audit' },
  { pattern: /^\/import$/, page: importPage, nav: 'import' },
];

/** @type {{ session: Session | null, renders: number, firstRender: boolean }} */
const state = { session: null, renders: 0, firstRender: true };
const main = byId('main');

function currentRoute() {
  const raw = window.location.hash.replace(/^#/, '');
  const [path, search = ''] = raw.split('?');
  return { path: path || '/overview', params: new URLSearchParams(search) };
}

/** @param {boolean} visible */
function showChrome(visible) {
  byId('topbar').hidden = !visible;
  byId('footer').hidden = !visible;
  if (visible && state.session) {
    const role = byId('session-role');
    role.textContent = roleName(state.session.role);
    role.title = t('signedInWith', { name: state.session.name, prefix: state.session.prefix });
  }
  // Links for one role (the System page) show only to it; the pages check the role too.
  const sessionRole = state.session?.role;
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll('.main-nav [data-role]')
  ))
    item.hidden = !visible || item.dataset.role !== sessionRole;
  // Links to pages that write (Log, Import) show to keys that may write.
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll('.main-nav [data-can-write]')
  ))
    item.hidden = !visible || !state.session?.canWrite;
}

/** @param {string | null | undefined} nav */
function markNavigation(nav) {
  const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (
    document.querySelectorAll('.main-nav a')
  );
  for (const link of links) {
    if (link.dataset.route === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function render() {
  if (!state.session) return;
  const { path, params } = currentRoute();
  if (!path.startsWith('/')) return;
  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  disconnectCharts();
  const render = ++state.renders;
  const container = h('div', { class: 'page' });
  main.replaceChildren(container);
  main.setAttribute('aria-busy', 'true');
  markNavigation(route?.nav);
  try {
    if (!route) {
      document.title = `${t('notFoundTitle')} · Halo`;
      container.append(
        h('h1', { tabindex: '-1' }, t('notFound')),
        h('p', {}, h('a', { href: '#/overview' }, t('goOverview'))),
      );
    } else {
      const match = path.match(route.pattern);
      await route.page.render(container, {
        params,
        match,
        session: state.session,
        isCurrent: () => render === state.renders,
      });
    }
  } catch (error) {
    if (render === state.renders) container.append(errorState(error, t('thisPage')));
  } finally {
    if (render === state.renders) main.removeAttribute('aria-busy');
  }
  if (!state.firstRender && render === state.renders) container.querySelector('h1')?.focus();
  state.firstRender = false;
}

/** @param {Session} session */
async function signedIn(session) {
  state.session = session;
  setTimeZone(session.timezone);
  showChrome(true);
  const tiers = await get('/api/v1/advocates/tiers').catch(() => null);
  setTierOrder((tiers?.items ?? []).map((/** @type {{ name: string }} */ tier) => tier.name));
  if (!window.location.hash.startsWith('#/')) window.history.replaceState(null, '', '#/overview');
  await render();
}

/** @param {'signedOutMessage' | 'sessionEnded'} [message] */
function signedOut(message) {
  state.session = null;
  state.firstRender = true;
  disconnectCharts();
  showChrome(false);
  markNavigation(null);
  // The notice is worded when drawn, so that switching the language rewords it.
  renderSignIn(main, { message: message && (() => t(message)), onSignedIn: signedIn });
}

async function boot() {
  translateShell();
  // The language switch: the shell is translated at once, the current page drawn again.
  byId('session').prepend(
    languageSwitch(() => {
      if (state.session) {
        showChrome(true);
        state.firstRender = true;
        void render();
      } else signedOut(undefined);
      announce(t('switched'));
    }),
  );
  byId('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  byId('sign-out').addEventListener('click', async () => {
    await request('DELETE', '/api/v1/session', { quiet401: true }).catch(() => undefined);
    signedOut('signedOutMessage');
    announce(t('signedOutAnnounce'));
  });
  window.addEventListener('hashchange', () => void render());
  window.addEventListener('halo:signed-out', () => {
    if (state.session) signedOut('sessionEnded');
  });
  try {
    await signedIn(await request('GET', '/api/v1/session', { quiet401: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signedOut();
    else main.replaceChildren(errorState(error, t('halo')));
  }
}

void boot();
