// The relative 填入示例 types in the trainer's tour. The simulator seeds the same person (insured,
// 城乡居民医保) in every profile, so the demo binds every time; the app reads it from here, never
// from the simulator's seed.
import { inProvince, withCheckChar } from './idcard';
import type { RuleProfile } from './profiles';
import type { Relation } from './types';

export const DEMO_RELATIVE = {
  name: '张小明',
  /** 黑龙江's number; other profiles use the same one with their own region prefix. */
  idNumber: withCheckChar('23010220030608101'),
  phone: '13804510011',
  relation: '子女' as Relation,
};

/** The authorizer the tour logs in as: balance enough, nobody bound yet. */
export const DEMO_AUTHORIZER_ID = 'zhang';

export const demoRelative = (profile: Pick<RuleProfile, 'provincePrefix'>) => ({
  ...DEMO_RELATIVE,
  idNumber: inProvince(DEMO_RELATIVE.idNumber, profile.provincePrefix),
});
