// Seeded personas and the insurance records the platform checks relatives against. ID numbers are
// built with the real check character so they pass GB 11643; none belongs to a real person.
import { addDays } from '@domain/dates';
import { DEMO_RELATIVE } from '@domain/demo';
import { inProvince, withCheckChar } from '@domain/idcard';
import { PROFILES, type RuleProfile } from '@domain/profiles';
import type { Seed } from './repo';
import type { Authorizer, Binding, Person } from '@domain/types';

const OTHER_PROVINCE = { prefix: '22', name: '吉林省长春市' };

/** Place names per province prefix, so a profile's seed lives in that province. */
const HOME: Record<string, string> = {
  '23': '哈尔滨市',
  '13': '石家庄市',
  '14': '太原市',
  '33': '金华市',
  '41': '郑州市',
  '35': '福州市',
};

type PersonSpec = Omit<Person, 'regionCode' | 'regionName' | 'idType'> & { away?: boolean };

function place(profile: Pick<RuleProfile, 'provincePrefix'>, away = false) {
  if (away) {
    return { regionCode: `${OTHER_PROVINCE.prefix}0100`, regionName: OTHER_PROVINCE.name };
  }
  return { regionCode: `${profile.provincePrefix}0100`, regionName: HOME[profile.provincePrefix] ?? '省会城市' };
}

/** The 黑龙江 (default profile) numbers; other profiles get the same people, see seedIds. */
export const SEED_IDS = {
  zhangJianguo: withCheckChar('23010219680315201'),
  liXiuying: withCheckChar('23010319720812302'),
  wangZhiqiang: withCheckChar('23010419650120101'),
  zhaoDeming: withCheckChar('23010519700606213'),
  zhangXiaoming: DEMO_RELATIVE.idNumber,
  liuGuilan: withCheckChar('23010219460211402'),
  zhangJianhua: withCheckChar('23010219710905233'),
  zhangLi: withCheckChar('23010219750422124'),
  sunYumei: withCheckChar('23010219700101226'),
  zhangXiaohong: withCheckChar('23010219980717148'),
  ayiguli: withCheckChar('65010219990301242'),
  notRegistered: withCheckChar('23010220100101003'),
  wangFamily: [
    withCheckChar('23010419660303164'),
    withCheckChar('23010419400109111'),
    withCheckChar('23010419690514126'),
    withCheckChar('23010419930808133'),
  ] as const,
  zhaoFamily: [
    withCheckChar('23010519720101224'),
    withCheckChar('23010519950202113'),
    withCheckChar('23010519970303124'),
    withCheckChar('23010519450404135'),
    withCheckChar('23010519480505146'),
  ] as const,
};

export type SeedIds = Omit<typeof SEED_IDS, 'wangFamily' | 'zhaoFamily'> & {
  wangFamily: readonly string[];
  zhaoFamily: readonly string[];
};
type SeedProfile = Pick<RuleProfile, 'provincePrefix'> & Partial<Pick<RuleProfile, 'id' | 'memberLimit'>>;

/** 赵德明 is always at his profile's member limit: children beyond the first five, where it is higher. */
const ZHAO_MORE = ['赵小军', '赵小丽', '赵小兵', '赵小燕', '赵小龙', '赵小凤', '赵小虎', '赵小梅', '赵小东', '赵小雪'];
// The province's own limit, not a deployment's MOCK_MEMBER_LIMIT: raising the setting lets him bind more.
const zhaoLimit = (profile: SeedProfile) =>
  Math.max(
    1,
    Math.min(
      (profile.id ? PROFILES[profile.id].memberLimit : profile.memberLimit) ?? SEED_IDS.zhaoFamily.length,
      SEED_IDS.zhaoFamily.length + ZHAO_MORE.length,
    ),
  );

/**
 * A profile's test people: the same names and situations in every province, with ID numbers of that
 * province (region prefix swapped, check character recomputed). 阿依古丽 keeps her 新疆 birthplace.
 */
export function seedIds(profile: SeedProfile): SeedIds {
  const local = (idn: string) => (idn.startsWith('23') ? inProvince(idn, profile.provincePrefix) : idn);
  const zhao: string[] = [...SEED_IDS.zhaoFamily];
  for (let k = zhao.length; k < zhaoLimit(profile); k++) {
    zhao.push(withCheckChar(`23010520000${k < 9 ? '1' : '2'}${String((k % 9) + 10)}${String(110 + k)}`));
  }
  const { wangFamily, zhaoFamily: _zhao, ...singles } = SEED_IDS;
  return {
    ...(Object.fromEntries(Object.entries(singles).map(([k, v]) => [k, local(v)])) as typeof singles),
    wangFamily: wangFamily.map(local),
    zhaoFamily: zhao.slice(0, zhaoLimit(profile)).map(local),
  };
}

const authorizerSpecs = (ids: SeedIds): Omit<Authorizer, 'regionCode' | 'regionName' | 'idType'>[] => [
  {
    id: 'zhang',
    name: '张建国',
    idNumber: ids.zhangJianguo,
    phone: '13804510001',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '余额充足',
    balanceFen: 326850,
  },
  {
    id: 'li',
    name: '李秀英',
    idNumber: ids.liXiuying,
    phone: '13904510002',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '个人账户余额不足',
    balanceFen: 12640,
  },
  {
    id: 'wang',
    name: '王志强',
    idNumber: ids.wangZhiqiang,
    phone: '13704510003',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '已有生效中、已到期、已解绑等记录',
    balanceFen: 880000,
  },
  {
    id: 'zhao',
    name: '赵德明',
    idNumber: ids.zhaoDeming,
    phone: '13604510004',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '绑定人数已到上限的演示账户',
    balanceFen: 560000,
  },
];

const peopleSpecs = (ids: SeedIds): PersonSpec[] => [
  {
    name: '张小明',
    idNumber: ids.zhangXiaoming,
    phone: '13804510011',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  {
    name: '刘桂兰',
    idNumber: ids.liuGuilan,
    phone: '13804510012',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  {
    name: '张建华',
    idNumber: ids.zhangJianhua,
    phone: '13804510013',
    insuranceType: '职工医保',
    status: '正常参保',
    accountFen: 15000,
  },
  { name: '张丽', idNumber: ids.zhangLi, phone: '13804510014', insuranceType: '城乡居民医保', status: '暂停参保' },
  {
    name: '孙玉梅',
    idNumber: ids.sunYumei,
    phone: '13804510015',
    insuranceType: '城乡居民医保',
    status: '未参保',
  },
  {
    name: '张小红',
    idNumber: ids.zhangXiaohong,
    phone: '13804510016',
    insuranceType: '城乡居民医保',
    status: '正常参保',
    away: true,
  },
  {
    name: '阿依古丽·买买提',
    idNumber: ids.ayiguli,
    phone: '13804510017',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  ...['周桂芝', '王大山', '王秀兰', '王小宇'].map((name, i) => ({
    name,
    idNumber: nth(ids.wangFamily, i),
    phone: `1370451002${i}`,
    insuranceType: '城乡居民医保' as const,
    status: '正常参保' as const,
  })),
  ...['钱淑芬', '赵小刚', '赵小芳', '赵老汉', '孙老太', ...ZHAO_MORE]
    .slice(0, ids.zhaoFamily.length)
    .map((name, i) => ({
      name,
      idNumber: nth(ids.zhaoFamily, i),
      phone: `136045100${30 + i}`,
      insuranceType: '城乡居民医保' as const,
      status: '正常参保' as const,
    })),
];

/**
 * Relatives who can log in (共济使用人): they see 授权我的 and nothing they could change. Their persona
 * ids name them; the person is found by the profile's own ID number for them.
 */
export const RELATIVE_PERSONAS = [
  { id: 'liuguilan', seedKey: 'liuGuilan', label: '共济使用人，可查看“授权我的”' },
  { id: 'zhangxiaoming', seedKey: 'zhangXiaoming', label: '共济使用人，可查看“授权我的”' },
] as const;

export function relativePersonaIdNumber(profile: SeedProfile, personaId: string): string | undefined {
  const persona = RELATIVE_PERSONAS.find((p) => p.id === personaId);
  return persona ? seedIds(profile)[persona.seedKey] : undefined;
}

/** The i-th item of a seed list, which the seed's own lists always have. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`seed: no item ${i}`);
  return item;
}

function binding(
  id: string,
  authorizerId: string,
  p: PersonSpec,
  relation: Binding['relation'],
  startDate: string,
  endDate: string | null,
  unboundAt: string | null = null,
): Binding {
  return {
    id,
    authorizerId,
    relativeName: p.name,
    relativeIdType: '居民身份证',
    relativeIdNumber: p.idNumber,
    relativePhone: p.phone,
    relation,
    startDate,
    endDate,
    createdAt: `${startDate}T09:00:00.000Z`,
    unboundAt,
    signature: null,
    proofs: [],
  };
}

/** The seed for a profile, with dates relative to `today` so statuses come out the same every day. */
export function buildSeed(profile: SeedProfile, today: string): Seed {
  const ids = seedIds(profile);
  const specs = peopleSpecs(ids);
  const authorizers: Authorizer[] = authorizerSpecs(ids).map((a) => ({
    ...a,
    idType: '居民身份证',
    ...place(profile),
  }));
  const people: Person[] = specs.map(({ away, ...p }) => ({
    ...p,
    idType: '居民身份证',
    ...place(profile, away),
  }));
  const byId = (idn: string) => {
    const person = specs.find((p) => p.idNumber === idn);
    if (!person) throw new Error(`seed: no person with ID ${idn}`);
    return person;
  };
  const wang = (i: number) => byId(nth(ids.wangFamily, i));
  const zhaoRelations = (i: number): Binding['relation'] =>
    (['配偶', '子女', '子女', '父母', '父母'] as const)[i] ?? '子女';
  const bindings: Binding[] = [
    binding('seed-wang-1', 'wang', wang(0), '配偶', addDays(today, -200), null),
    binding('seed-wang-2', 'wang', wang(1), '父母', addDays(today, -400), addDays(today, -30)),
    binding(
      'seed-wang-3',
      'wang',
      wang(2),
      '兄弟姐妹',
      addDays(today, -300),
      null,
      `${addDays(today, -60)}T10:00:00.000Z`,
    ),
    binding('seed-wang-4', 'wang', wang(3), '子女', addDays(today, 10), addDays(today, 375)),
    ...ids.zhaoFamily.map((idn, i) =>
      binding(`seed-zhao-${i + 1}`, 'zhao', byId(idn), zhaoRelations(i), addDays(today, -100), null),
    ),
  ];
  return { authorizers, people, bindings, payments: [] };
}
