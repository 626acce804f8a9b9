export const ROUTES = {
  hall: '/pages/index/index',
  login: '/pages/login/index',
  family: '/pages/family/index',
  bind: '/pages/bind/index',
  consent: '/pages/consent/index',
  result: '/pages/result/index',
  records: '/pages/records/index',
  pay: '/pages/pay/index',
  info: '/pages/info/index',
  /** Researchers only: opens a research session (staff subpackage). */
  researchSession: '/packages/staff/session/index',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];
