// The research code (store, event log, banner) is needed only on a device opened for a session: H5
// fetches it as a chunk of its own then, so a citizen's first screen never waits for it.
type ResearchModule = typeof import('./store');
type BannerModule = typeof import('./components/SessionBanner');

export const loadResearch = (): Promise<ResearchModule> =>
  process.env.TARO_ENV === 'h5'
    ? import(/* webpackChunkName: "research" */ './store')
    : Promise.resolve(require('./store') as ResearchModule);

export const loadSessionBanner = (): Promise<BannerModule> =>
  process.env.TARO_ENV === 'h5'
    ? import(/* webpackChunkName: "research" */ './components/SessionBanner')
    : Promise.resolve(require('./components/SessionBanner') as BannerModule);
