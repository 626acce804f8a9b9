// H5 fetches the research code (store, event log, API) as a chunk of its own, only on a device
// opened for a session. Mini-programs load it from the staff subpackage's session page instead.
import type * as ResearchModule from './store';

export const loadResearch = (): Promise<typeof ResearchModule> =>
  process.env.TARO_ENV === 'h5'
    ? import(/* webpackChunkName: "research" */ './store')
    : Promise.reject(new Error('mini-programs open a research session on its own page'));
