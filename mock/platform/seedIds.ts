// The seeded ID numbers on their own, so an app screen can name a seeded person (the trainer's
// 填入示例) without shipping the whole seed.
import { withCheckChar } from '@domain/idcard';

export const SEED_IDS = {
  zhangJianguo: withCheckChar('23010219680315201'),
  liXiuying: withCheckChar('23010319720812302'),
  wangZhiqiang: withCheckChar('23010419650120101'),
  zhaoDeming: withCheckChar('23010519700606213'),
  zhangXiaoming: withCheckChar('23010220030608101'),
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
  ],
  zhaoFamily: [
    withCheckChar('23010519720101224'),
    withCheckChar('23010519950202113'),
    withCheckChar('23010519970303124'),
    withCheckChar('23010519450404135'),
    withCheckChar('23010519480505146'),
  ],
};
