// A built weapp app (dist/weapp) run in Node with WeChat's own component framework: miniprogram-simulate,
// j-component and miniprogram-exparser render the real Taro pages from templates compiled by wcc.
// The simulator knows only Component(), so App(), Page(), getCurrentPages() and the few wx APIs the app
// uses are supplied here. wx.request goes to the platform over HTTP, to loopback addresses only.
const http = require('http');
const fs = require('fs');
const path = require('path');
const { tools } = require('./tools');

const LOOPBACK = /^127(\.\d{1,3}){3}$/;

function installDom() {
  const { JSDOM } = tools('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://127.0.0.1/',
    pretendToBeVisual: true,
  });
  const { window } = dom;
  global.window = window;
  for (const key of [
    'document',
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'TouchEvent',
    'MouseEvent',
    'KeyboardEvent',
    'DocumentFragment',
    'Text',
    'Comment',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]) {
    if (window[key] !== undefined && global[key] === undefined) global[key] = window[key];
  }
}

/** The wx APIs the app calls, recorded so the flow can follow navigations and dialogs. */
function createWx(state) {
  const ok = (o, res) => {
    const r = { errMsg: 'ok', ...res };
    setTimeout(() => {
      o.success?.(r);
      o.complete?.(r);
    }, 0);
  };
  const fail = (o, errMsg) => {
    setTimeout(() => {
      o.fail?.({ errMsg });
      o.complete?.({ errMsg });
    }, 0);
  };
  const storage = state.storage;
  const navigate = (kind) => (o) => {
    state.navigations.push({ kind, url: o.url, delta: o.delta });
    ok(o, { errMsg: `${kind}:ok` });
  };
  return {
    request(o) {
      const url = new URL(o.url);
      state.requests.push(`${o.method || 'GET'} ${url.pathname}`);
      state.origins.add(url.origin);
      if (url.protocol !== 'http:' || !LOOPBACK.test(url.hostname)) {
        state.violations.push(`request to ${o.url} (only loopback is allowed here)`);
        fail(o, 'request:fail not loopback');
        return { abort() {} };
      }
      const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data);
      const req = http.request(
        url,
        {
          method: o.method || 'GET',
          headers: { ...(o.header || {}), ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let data = text;
            if (o.dataType !== 'text') {
              try {
                data = JSON.parse(text);
              } catch {
                /* not JSON: hand it over as text, as WeChat does */
              }
            }
            const r = { errMsg: 'request:ok', data, statusCode: res.statusCode, header: res.headers };
            o.success?.(r);
            o.complete?.(r);
          });
        },
      );
      req.on('error', (e) => {
        o.fail?.({ errMsg: `request:fail ${e.message}` });
        o.complete?.({ errMsg: `request:fail ${e.message}` });
      });
      if (body) req.write(body);
      req.end();
      return { abort: () => req.destroy() };
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    showModal(o) {
      state.modals.push({ title: o.title, content: o.content });
      const confirm = state.modalAnswers.length ? state.modalAnswers.shift() : true;
      ok(o, { confirm, cancel: !confirm });
    },
    showToast(o) {
      state.toasts.push(o.title);
      ok(o);
    },
    hideToast: (o = {}) => ok(o),
    showLoading: (o = {}) => ok(o),
    hideLoading: (o = {}) => ok(o),
    setNavigationBarTitle: (o = {}) => {
      state.onTitle(String(o.title ?? ''));
      ok(o);
    },
    pageScrollTo: (o = {}) => ok(o),
    // No layout here: a query finds no boxes (null, as WeChat answers for a node not on the page).
    createSelectorQuery() {
      const results = [];
      const query = {
        select: () => ({ boundingClientRect: () => (results.push(null), query) }),
        selectViewport: () => ({ scrollOffset: () => (results.push(null), query) }),
        exec: (cb) => setTimeout(() => cb?.(results), 0),
      };
      return query;
    },
    vibrateShort: (o = {}) => ok(o),
    // A page opened by reLaunch gets WeChat's home button; the study's pages put it away.
    hideHomeButton(o = {}) {
      state.homeButtonHidden.push(state.currentRoute());
      ok(o);
    },
    onAppHide: (cb) => void state.appHide.add(cb),
    offAppHide: (cb) => void state.appHide.delete(cb),
    makePhoneCall(o) {
      state.calls.push(o.phoneNumber);
      ok(o);
    },
    getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k, v) => void storage.set(k, v),
    removeStorageSync: (k) => void storage.delete(k),
    clearStorageSync: () => storage.clear(),
    getStorage(o) {
      if (storage.has(o.key)) ok(o, { data: storage.get(o.key) });
      else fail(o, 'getStorage:fail data not found');
    },
    setStorage(o) {
      storage.set(o.key, o.data);
      ok(o);
    },
    removeStorage(o) {
      storage.delete(o.key);
      ok(o);
    },
    getSystemInfoSync: () => ({
      platform: 'ios',
      system: 'iOS 12.0',
      version: '8.0.5',
      SDKVersion: '2.20.0',
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 667,
      pixelRatio: 2,
      fontSizeSetting: 16,
      statusBarHeight: 20,
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2 }),
  };
}

/** How long a person looks at a page that has just appeared before tapping it. */
const READ_MS = 700;

/** j-component prefixes each class with its component's tag name (main--, comp--). */
const hasClass = (el, cls) => [...el.classList].some((c) => c === cls || c.endsWith(`--${cls}`));
const textOf = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

/**
 * Opens the built app at `root`. Pages are rendered on demand; navigations the app asks for are recorded
 * and followed with follow().
 */
function openMiniApp(root, { launchQuery = {} } = {}) {
  /** @type {{ storage: Map<string, unknown>, navigations: { kind: string, url: string, delta?: number }[], requests: string[], origins: Set<string>, violations: string[], modals: unknown[], modalAnswers: boolean[], toasts: unknown[], calls: unknown[], errors: string[], onTitle: (title: string) => void, appHide: Set<() => void>, homeButtonHidden: string[], currentRoute: () => string }} */
  const state = {
    storage: new Map(),
    navigations: [],
    requests: [],
    origins: new Set(),
    violations: [],
    modals: [],
    modalAnswers: [],
    toasts: [],
    calls: [],
    errors: [],
    onTitle: () => {},
    appHide: new Set(),
    homeButtonHidden: [],
    currentRoute: () => '',
  };
  installDom();
  global.wx = createWx(state);
  const simulate = tools('miniprogram-simulate');
  const exparser = tools('miniprogram-exparser');

  /** @type {{ onLaunch?: (o: unknown) => void, onShow?: (o: unknown) => void } | null} */
  let appConfig = null;
  global.App = (cfg) => {
    appConfig = cfg;
  };
  global.getApp = () => appConfig;
  const stack = [];
  global.getCurrentPages = () => stack.map((p) => p.instance);
  // Taro's pages call Page(); the simulator only builds components. A page's hooks become methods,
  // called by open() in the order WeChat calls them.
  global.Page = (cfg) => {
    const methods = {};
    const data = {};
    for (const [k, v] of Object.entries(cfg)) {
      if (typeof v === 'function') methods[k] = v;
      else if (k === 'data') Object.assign(data, v);
    }
    global.Component({ data, methods, options: cfg.options || {} });
  };

  process.on('unhandledRejection', (e) =>
    state.errors.push(`unhandled rejection: ${(e instanceof Error && e.stack) || e}`),
  );

  require(path.join(root, 'app.js'));
  if (!appConfig) throw new Error('app.js did not call App()');
  const launch = { path: 'pages/index/index', query: launchQuery, scene: 1001 };
  // Set by the App() call inside app.js, which TypeScript cannot follow.
  const started = /** @type {{ onLaunch?: (o: unknown) => void, onShow?: (o: unknown) => void }} */ (
    /** @type {unknown} */ (appConfig)
  );
  started.onLaunch?.(launch);
  started.onShow?.(launch);

  // The pages app.json declares, in the main package or a subpackage (WeChat opens nothing else).
  const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  const declared = [
    ...(appJson.pages || []),
    ...(appJson.subPackages || appJson.subpackages || []).flatMap(
      (/** @type {{ root: string, pages: string[] }} */ sub) =>
        sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`),
    ),
  ];
  /** Where the app declares the page named `name` (bind → pages/bind/index or packages/family/bind/index). */
  const routeOf = (name) => {
    const hits = declared.filter((r) => r.endsWith(`/${name}/index`));
    if (hits.length !== 1) throw new Error(`app.json declares ${hits.length} pages named ${name}: ${declared}`);
    return hits[0];
  };

  const ids = new Map();
  const componentIdOf = (route) => {
    if (!declared.includes(route)) throw new Error(`${route} is not a page app.json declares: ${declared}`);
    if (!ids.has(route))
      ids.set(route, simulate.load(path.join(root, route), { rootPath: root, compiler: 'official' }));
    return ids.get(route);
  };

  const current = () => stack[stack.length - 1];
  state.currentRoute = () => (current() ? current().route : '');
  // The title bar: the page's own navigationBarTitleText (else the app's), until the page sets another.
  state.onTitle = (title) => {
    const top = current();
    if (top) top.title = title;
  };
  const titleOf = (route) => {
    const json = path.join(root, `${route}.json`);
    const own = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')).navigationBarTitleText : undefined;
    return String(own ?? appJson.window?.navigationBarTitleText ?? '');
  };

  function open(url) {
    const [route, qs] = url.replace(/^\//, '').split('?');
    const query = Object.fromEntries(new URLSearchParams(qs || ''));
    const comp = simulate.render(componentIdOf(route));
    const doc = /** @type {any} */ (global).document;
    const parent = doc.createElement('div');
    doc.body.appendChild(parent);
    comp.attach(parent);
    const inst = comp.instance;
    inst.route = route;
    inst.__route__ = route;
    inst.options = query;
    const prev = current();
    if (prev && prev.instance.onHide) prev.instance.onHide();
    const page = { route, comp, instance: inst, parent, title: titleOf(route), shownAt: Date.now() };
    stack.push(page);
    inst.onLoad?.(query);
    page.shownAt = Date.now();
    inst.onShow?.();
    inst.onReady?.();
    return page;
  }

  function close(page) {
    page.instance.onUnload?.();
    page.comp.detach();
    page.parent.remove();
  }

  /** Carries out the navigations the app asked for since the last call; returns the route now shown. */
  function follow() {
    while (state.navigations.length) {
      const nav = state.navigations.shift();
      if (!nav) break;
      if (nav.kind === 'navigateTo') open(nav.url);
      else if (nav.kind === 'redirectTo') {
        const old = stack.pop();
        if (old) close(old);
        open(nav.url);
      } else if (nav.kind === 'reLaunch' || nav.kind === 'switchTab') {
        while (stack.length) close(stack.pop());
        open(nav.url);
      } else if (nav.kind === 'navigateBack') {
        for (let i = 0; i < (nav.delta || 1) && stack.length > 1; i++) close(stack.pop());
        const top = current();
        top.shownAt = Date.now();
        top.instance.onShow?.();
      }
    }
    return current() && current().route;
  }

  /** Every element of the page shown, including those inside Taro's nested `comp` components. */
  const pageDom = () => current().comp.dom;

  function find(predicate, what) {
    const all = [...pageDom().querySelectorAll('*')];
    // The innermost match: the element itself, not the page around it.
    const hits = all.filter(predicate).filter((el) => ![...el.querySelectorAll('*')].some(predicate));
    if (!hits.length)
      throw new Error(`${current().route}: no ${what}. The page shows: …${textOf(pageDom()).slice(-400)}`);
    return hits[0];
  }

  const byText = (text) => (el) => textOf(el) === text || el.getAttribute?.('aria-label') === text;

  function exparserEvent(el, name, detail) {
    let node = el;
    while (node && !node.__wxElement) node = node.parentNode;
    if (!node) throw new Error(`no component behind <${el.tagName}>`);
    exparser.Event.dispatchEvent(
      node.__wxElement,
      exparser.Event.create(name, detail, {
        bubbles: true,
        composed: true,
        capturePhase: true,
        extraFields: { touches: [], changedTouches: [] },
      }),
    );
  }

  const settle = async (ms = 30) => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms / 5));
  };

  return {
    state,
    open,
    follow,
    current: () => current().route,
    routeOf,
    /** What the title bar of the page shown says. */
    title: () => current().title,
    text: () => textOf(pageDom()),
    has: (text) => textOf(pageDom()).includes(text),
    dom: pageDom,
    settle,
    /** Waits until the page shows `text` (or `predicate` holds), following navigations meanwhile. */
    async waitFor(textOrFn, ms = 5000) {
      const until = Date.now() + ms;
      const test = typeof textOrFn === 'function' ? textOrFn : () => textOf(pageDom()).includes(textOrFn);
      for (;;) {
        follow();
        if (test()) return;
        if (Date.now() > until)
          throw new Error(
            `${current().route}: waited for ${textOrFn} in vain. The page shows: …${textOf(pageDom()).slice(-400)}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** Waits until `route` is the page shown (navigations are asynchronous, as on a phone). */
    async waitForPage(route, ms = 5000) {
      const until = Date.now() + ms;
      for (;;) {
        follow();
        if (current().route === route) return;
        if (Date.now() > until)
          throw new Error(`expected ${route}, still on ${current().route}: …${textOf(pageDom()).slice(-300)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** A tap on the innermost element showing exactly `text` (else containing it), through Taro's event
     * handler; the tap bubbles to the control around it as on a phone. */
    async tap(text) {
      // A person looks at a page before tapping it; the app ignores taps in the first moments after a
      // page appears (a double tap's second half, src/shared/ui/tapGuard.ts), as WeChat's own pages do.
      const wait = current().shownAt + READ_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const all = [...pageDom().querySelectorAll('*')];
      const exact = all.some(byText(text));
      const el = find(exact ? byText(text) : (e) => textOf(e).includes(text), `element showing 「${text}」`);
      exparserEvent(el, 'tap', { x: 0, y: 0 });
      await settle();
      follow();
    },
    /**
     * A tap on `text` inside the `index`-th element of class `cls` (one of several alike: a
     * questionnaire's items; the task bar's 完成 beside a page's own). `twice`: two taps at once, as a
     * trembling finger gives them.
     */
    async tapIn(cls, index, text, { twice = false } = {}) {
      const wait = current().shownAt + READ_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const groups = [...pageDom().querySelectorAll('*')].filter((e) => hasClass(e, cls));
      const group = groups[index];
      if (!group) throw new Error(`${current().route}: ${groups.length} elements of class .${cls}, none at ${index}`);
      const hits = [group, ...group.querySelectorAll('*')].filter(byText(text));
      if (!hits.length) throw new Error(`${current().route}: no 「${text}」 in .${cls} #${index}`);
      exparserEvent(hits[hits.length - 1], 'tap', { x: 0, y: 0 });
      if (twice) exparserEvent(hits[hits.length - 1], 'tap', { x: 0, y: 0 });
      await settle();
      follow();
    },
    /** Whether an element of the page shown has class `cls`. */
    hasClass: (cls) => [...pageDom().querySelectorAll('*')].some((e) => hasClass(e, cls)),
    /** The app goes to the background (closed, switched away): WeChat calls its onAppHide listeners. */
    hideApp() {
      for (const cb of [...state.appHide]) cb();
    },
    /** Types into the input of class `cls`, then leaves it (blur), as a person would. (The simulator's
     * built-in tags keep no properties, so a placeholder cannot be matched.) */
    async type(cls, value) {
      const el = find((e) => e.tagName === 'WX-INPUT' && hasClass(e, cls), `input .${cls}`);
      exparserEvent(el, 'focus', { value: '' });
      exparserEvent(el, 'input', { value, cursor: value.length, keyCode: 0 });
      await settle();
      exparserEvent(el, 'blur', { value });
      await settle();
    },
    /** Chooses in the picker around the element of class `cls`: `value` is the index (selector) or the date. */
    async pick(cls, value) {
      const shown = find((e) => hasClass(e, cls), `picker .${cls}`);
      let el = shown;
      while (el && el.tagName !== 'WX-PICKER') el = el.parentNode;
      if (!el) throw new Error(`.${cls} is not inside a picker`);
      exparserEvent(el, 'change', { value });
      await settle();
    },
    /** The phone's back button. */
    back() {
      if (stack.length < 2) throw new Error('back pressed on the first page');
      close(stack.pop());
      const top = current();
      top.shownAt = Date.now();
      top.instance.onShow?.();
    },
    close() {
      while (stack.length) close(stack.pop());
    },
  };
}

module.exports = { openMiniApp };
