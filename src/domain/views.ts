// What the platform sends out: identity data is always masked, statuses are derived from dates.
import { bindingStatus, isActiveStatus } from './dates';
import { maskIdNumber, maskName, maskPhone } from './mask';
import { formatYuan } from './money';
import type { Authorizer, Binding, BindingStatus, Payment } from './types';

export interface MeView {
  id: string;
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
  name: string;
  label: string;
  balanceYuan: string;
  /** Bindings 未生效 or 生效中 now: the log-in screen says it live, never from the seed's label. */
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
