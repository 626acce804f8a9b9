// Mini-programs: the banner as it is (the H5 build loads it on demand, SessionBannerSlot.h5.tsx).
export { SessionBanner as SessionBannerSlot } from './SessionBanner';
