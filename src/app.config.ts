// Window keys differ by platform: Alipay has its own names for some (Taro maps the title and bar colour)
// and none for the rest, so the WeChat-only keys stay out of its build.
const wechatWindow =
  process.env.TARO_ENV === 'alipay'
    ? {}
    : {
        backgroundTextStyle: 'light' as const,
        navigationBarTextStyle: 'white' as const,
        // H5 draws its own title bar with a back button only when this is set.
        navigationStyle: 'default' as const,
      };

// Mini-programs: the main package a citizen downloads before the first screen holds 服务大厅, the
// log-in and 家庭共济; the rest of the flow is a subpackage fetched in the background while the hall
// is shown (preloadRule). H5 keeps every page at pages/… so its links stay as they are. The
// subpackage pages only re-export src/pages/* (src/packages/family); routes follow in ROUTES.
const MINI = process.env.TARO_ENV !== 'h5';
const FLOW = ['bind', 'consent', 'result', 'records', 'pay', 'info', 'usage', 'granted'];

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/family/index',
    ...(MINI ? [] : FLOW.map((p) => `pages/${p}/index`)),
  ],
  subPackages: [
    ...(MINI ? [{ root: 'packages/family', pages: FLOW.map((p) => `${p}/index`) }] : []),
    // Researchers' screens and code: downloaded only by a device opened for a research session. On
    // mini-programs also a study's brief, SEQ and SUS (H5 draws them over the app from its research chunk).
    { root: 'packages/staff', pages: ['session/index', ...(MINI ? ['brief/index', 'seq/index', 'sus/index'] : [])] },
  ],
  ...(MINI ? { preloadRule: { 'pages/index/index': { network: 'all', packages: ['packages/family'] } } } : {}),
  window: {
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '龙江医保',
    backgroundColor: '#f2f5f9',
    ...wechatWindow,
  },
  // WeChat: inject only the components a page uses (its code-quality check asks for it), and say which
  // pages its search may index (sitemap.json, copied by config/index.ts).
  ...(process.env.TARO_ENV === 'weapp'
    ? { lazyCodeLoading: 'requiredComponents' as const, sitemapLocation: 'sitemap.json' }
    : {}),
});
