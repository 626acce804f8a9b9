// What the platform sends out: identity data is always masked, statuses are derived from dates.
import { bindingStatus, isActiveStatus } from './dates';
import { maskIdNumber, maskName, maskPhone } from './mask';
import { formatYuan } from './money';
import type { Authorizer, Binding, BindingStatus, Payment, Person } from './types';

/** An authorizer manages bindings and 代缴; a relative (共济使用人) only sees 授权我的. */
export type PersonaRole = 'authorizer' | 'relative';

export interface MeView {
  id: string;
  role: PersonaRole;
  name: string;
  idType: string;
  idNumber: string;
  phone: string;
  regionName: string;
  insuranceType: string;
  balanceFen: number;
  balanceYuan: string;
}

export interface PersonaView {
  id: string;
  role: PersonaRole;
  name: string;
  label: string;
  balanceYuan: string;
  /**
   * Bindings 未生效 or 生效中 now: the log-in screen says it live, never from the seed's label. For a
   * relative: the authorizations they hold.
   */
  activeBindings: number;
}

export interface BindingView {
  id: string;
  relativeName: string;
  relativeIdType: string;
  relativeIdNumber: string;
  relativePhone: string;
  relation: string;
  startDate: string;
  endDate: string | null;
  status: BindingStatus;
  createdAt: string;
  unboundAt: string | null;
  canUnbind: boolean;
  canPay: boolean;
}

export interface PaymentView {
  id: string;
  bindingId: string;
  relativeName: string;
  year: number;
  amountFen: number;
  amountYuan: string;
  paidAt: string;
  balanceAfterYuan: string;
}

export const meView = (a: Authorizer): MeView => ({
  id: a.id,
  role: 'authorizer',
  name: maskName(a.name),
  idType: a.idType,
  idNumber: maskIdNumber(a.idNumber),
  phone: maskPhone(a.phone),
  regionName: a.regionName,
  insuranceType: a.insuranceType,
  balanceFen: a.balanceFen,
  balanceYuan: formatYuan(a.balanceFen),
});

export const personaView = (a: Authorizer, bindings: Binding[], today: string): PersonaView => ({
  id: a.id,
  role: 'authorizer',
  name: maskName(a.name),
  label: a.label,
  balanceYuan: formatYuan(a.balanceFen),
  activeBindings: bindings.filter((b) => isActiveStatus(bindingStatus(b, today))).length,
});

export function bindingView(b: Binding, today: string): BindingView {
  const status = bindingStatus(b, today);
  return {
    id: b.id,
    relativeName: maskName(b.relativeName),
    relativeIdType: b.relativeIdType,
    relativeIdNumber: maskIdNumber(b.relativeIdNumber),
    relativePhone: maskPhone(b.relativePhone),
    relation: b.relation,
    startDate: b.startDate,
    endDate: b.endDate,
    status,
    createdAt: b.createdAt,
    unboundAt: b.unboundAt,
    canUnbind: status === '未生效' || status === '生效中',
    canPay: status === '生效中',
  };
}

export const paymentView = (p: Payment, relativeName: string): PaymentView => ({
  id: p.id,
  bindingId: p.bindingId,
  relativeName: maskName(relativeName),
  year: p.year,
  amountFen: p.amountFen,
  amountYuan: formatYuan(p.amountFen),
  paidAt: p.paidAt,
  balanceAfterYuan: formatYuan(p.balanceAfterFen),
});

/** A relative's own account: 职工医保 has one (empty if never funded), 城乡居民医保 none. */
export const ownAccountFen = (p: Person): number | null =>
  p.insuranceType === '职工医保' ? (p.accountFen ?? 0) : null;

/** A relative logged in: their own account's balance (0 when they have none, see insuranceType). */
export const relativeMeView = (personaId: string, p: Person): MeView => ({
  id: personaId,
  role: 'relative',
  name: maskName(p.name),
  idType: p.idType,
  idNumber: maskIdNumber(p.idNumber),
  phone: maskPhone(p.phone),
  regionName: p.regionName,
  insuranceType: p.insuranceType,
  balanceFen: ownAccountFen(p) ?? 0,
  balanceYuan: formatYuan(ownAccountFen(p) ?? 0),
});

export const relativePersonaView = (
  personaId: string,
  label: string,
  p: Person,
  bindings: Binding[],
  today: string,
): PersonaView => ({
  id: personaId,
  role: 'relative',
  name: maskName(p.name),
  label,
  balanceYuan: formatYuan(ownAccountFen(p) ?? 0),
  activeBindings: bindings.filter((b) => isActiveStatus(bindingStatus(b, today))).length,
});
