// Mini-programs fetch the 家庭共济 flow after its first screen as a subpackage (app.config.ts).
const FLOW = process.env.TARO_ENV === 'h5' ? '/pages' : '/packages/family';

export const ROUTES = {
  hall: '/pages/index/index',
  login: '/pages/login/index',
  family: '/pages/family/index',
  bind: `${FLOW}/bind/index`,
  consent: `${FLOW}/consent/index`,
  result: `${FLOW}/result/index`,
  records: `${FLOW}/records/index`,
  pay: `${FLOW}/pay/index`,
  info: `${FLOW}/info/index`,
  /** 共济使用明细, for the authorizer. */
  usage: `${FLOW}/usage/index`,
  /** 授权我的, for a relative who logs in. */
  granted: `${FLOW}/granted/index`,
  /** Researchers only: opens a research session (staff subpackage). */
  researchSession: '/packages/staff/session/index',
  /** Mini-programs: a study's brief (and its end), the SEQ and the SUS (H5 shows them over the app). */
  studyBrief: '/packages/staff/brief/index',
  studySeq: '/packages/staff/seq/index',
  studySus: '/packages/staff/sus/index',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];
