// Seeded personas and the insurance records the platform checks relatives against. ID numbers are
// built with the real check character so they pass GB 11643; none belongs to a real person.
import { addDays } from '@domain/dates';
import type { RuleProfile } from '@domain/profiles';
import type { Seed } from './repo';
import type { Authorizer, Binding, Person } from '@domain/types';
import { SEED_IDS } from './seedIds';

export { SEED_IDS };

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

const authorizerSpecs: Omit<Authorizer, 'regionCode' | 'regionName' | 'idType'>[] = [
  {
    id: 'zhang',
    name: '张建国',
    idNumber: SEED_IDS.zhangJianguo,
    phone: '13804510001',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '余额充足，尚未绑定亲属',
    balanceFen: 326850,
  },
  {
    id: 'li',
    name: '李秀英',
    idNumber: SEED_IDS.liXiuying,
    phone: '13904510002',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '个人账户余额不足',
    balanceFen: 12640,
  },
  {
    id: 'wang',
    name: '王志强',
    idNumber: SEED_IDS.wangZhiqiang,
    phone: '13704510003',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '已有生效中、已到期、已解绑等记录',
    balanceFen: 880000,
  },
  {
    id: 'zhao',
    name: '赵德明',
    idNumber: SEED_IDS.zhaoDeming,
    phone: '13604510004',
    insuranceType: '职工医保',
    status: '正常参保',
    label: '已绑定 5 位亲属（达到上限）',
    balanceFen: 560000,
  },
];

const peopleSpecs: PersonSpec[] = [
  {
    name: '张小明',
    idNumber: SEED_IDS.zhangXiaoming,
    phone: '13804510011',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  {
    name: '刘桂兰',
    idNumber: SEED_IDS.liuGuilan,
    phone: '13804510012',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  {
    name: '张建华',
    idNumber: SEED_IDS.zhangJianhua,
    phone: '13804510013',
    insuranceType: '职工医保',
    status: '正常参保',
  },
  { name: '张丽', idNumber: SEED_IDS.zhangLi, phone: '13804510014', insuranceType: '城乡居民医保', status: '暂停参保' },
  {
    name: '孙玉梅',
    idNumber: SEED_IDS.sunYumei,
    phone: '13804510015',
    insuranceType: '城乡居民医保',
    status: '未参保',
  },
  {
    name: '张小红',
    idNumber: SEED_IDS.zhangXiaohong,
    phone: '13804510016',
    insuranceType: '城乡居民医保',
    status: '正常参保',
    away: true,
  },
  {
    name: '阿依古丽·买买提',
    idNumber: SEED_IDS.ayiguli,
    phone: '13804510017',
    insuranceType: '城乡居民医保',
    status: '正常参保',
  },
  ...['周桂芝', '王大山', '王秀兰', '王小宇'].map((name, i) => ({
    name,
    idNumber: SEED_IDS.wangFamily[i],
    phone: `1370451002${i}`,
    insuranceType: '城乡居民医保' as const,
    status: '正常参保' as const,
  })),
  ...['钱淑芬', '赵小刚', '赵小芳', '赵老汉', '孙老太'].map((name, i) => ({
    name,
    idNumber: SEED_IDS.zhaoFamily[i],
    phone: `1360451003${i}`,
    insuranceType: '城乡居民医保' as const,
    status: '正常参保' as const,
  })),
];

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
export function buildSeed(profile: Pick<RuleProfile, 'provincePrefix'>, today: string): Seed {
  const authorizers: Authorizer[] = authorizerSpecs.map((a) => ({ ...a, idType: '居民身份证', ...place(profile) }));
  const people: Person[] = peopleSpecs.map(({ away, ...p }) => ({
    ...p,
    idType: '居民身份证',
    ...place(profile, away),
  }));
  const byId = (idn: string) => peopleSpecs.find((p) => p.idNumber === idn)!;
  const [wife, father, sister, son] = SEED_IDS.wangFamily.map(byId);
  const zhaoRelations: Binding['relation'][] = ['配偶', '子女', '子女', '父母', '父母'];
  const bindings: Binding[] = [
    binding('seed-wang-1', 'wang', wife, '配偶', addDays(today, -200), null),
    binding('seed-wang-2', 'wang', father, '父母', addDays(today, -400), addDays(today, -30)),
    binding(
      'seed-wang-3',
      'wang',
      sister,
      '兄弟姐妹',
      addDays(today, -300),
      null,
      `${addDays(today, -60)}T10:00:00.000Z`,
    ),
    binding('seed-wang-4', 'wang', son, '子女', addDays(today, 10), addDays(today, 375)),
    ...SEED_IDS.zhaoFamily.map((idn, i) =>
      binding(`seed-zhao-${i + 1}`, 'zhao', byId(idn), zhaoRelations[i], addDays(today, -100), null),
    ),
  ];
  return { authorizers, people, bindings, payments: [] };
}
