// 共济 in use: a 定点医药机构 settles a relative's bill (the split is src/domain/settlement.ts), refunds it,
// and the people see it: the authorizer's 共济使用明细 and the relative's 授权我的.
import { invalid, ok, refusals, type Result } from '@domain/errors';
import {
  asFieldErrors,
  noBindingNote,
  payingBindings,
  readSettlementRequest,
  splitBill,
  type SettlementRequest,
} from '@domain/settlement';
import type { AccountEntry, Person, Settlement } from '@domain/types';
import {
  authorizedMeView,
  settlementView,
  usageView,
  type AuthorizedMeView,
  type SettlementView,
  type UsageView,
} from '@domain/usageViews';
import { ownAccountFen } from '@domain/views';
import { isObject, type Context } from './context';
import { buildSeed } from './seed';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A seeded person's 医保电子凭证 as the 收银台's picker offers it (trainers' test cards, full number). */
export interface CardView {
  name: string;
  idNumber: string;
  insuranceType: string;
  status: string;
  regionName: string;
  /** Authorizations 生效中 today. */
  activeGrants: number;
}

export function settlementOperations(ctx: Context) {
  const { repo, profile, now, newId, today, signedIn, signedInPerson } = ctx;
  const rules = profile.settlement;

  /** The relative's own account: an authorizer's is their balance, anyone else's is on their record. */
  function ownAccount(p: Person): { fen: number | null; set: (fen: number) => void } {
    const asAuthorizer = repo.listAuthorizers().find((a) => a.idNumber === p.idNumber);
    if (asAuthorizer && p.insuranceType === '职工医保')
      return { fen: asAuthorizer.balanceFen, set: (fen) => repo.setBalance(asAuthorizer.id, fen) };
    return { fen: ownAccountFen(p), set: (fen) => repo.setPersonAccount(p.idNumber, fen) };
  }

  const nameOf = (authorizerId: string) => repo.getAuthorizer(authorizerId)?.name ?? '';
  const view = (s: Settlement) => settlementView(s, nameOf);

  function entry(s: Settlement, share: Settlement['mutualAid'][number], kind: AccountEntry['kind'], at: string) {
    const a = repo.getAuthorizer(share.authorizerId);
    if (!a) return;
    const balanceAfterFen = kind === '退费' ? a.balanceFen + share.amountFen : a.balanceFen - share.amountFen;
    repo.setBalance(a.id, balanceAfterFen);
    repo.insertEntry({
      id: newId(),
      authorizerId: a.id,
      bindingId: share.bindingId,
      relativeIdNumber: s.relativeIdNumber,
      settlementId: s.id,
      kind,
      institutionName: s.institution.name,
      amountFen: share.amountFen,
      balanceAfterFen,
      at,
    });
  }

  function settleNow(req: SettlementRequest): Result<SettlementView> {
    const person = repo.findPerson(req.relative.idNumber);
    if (!person || person.status === '未参保') return refusals.settleNotInsured();
    // 人卡一致: the card's holder is the person on the records.
    if (person.name !== req.relative.name) return refusals.credentialMismatch();
    if (person.status === '暂停参保') return refusals.settlePaused();
    const t = today();
    const bindings = repo.bindingsOfRelative(person.idNumber);
    const payers = payingBindings(bindings, t, rules).flatMap((b) => {
      const a = repo.getAuthorizer(b.authorizerId);
      return a ? [{ authorizerId: a.id, bindingId: b.id, balanceFen: a.balanceFen }] : [];
    });
    const own = ownAccount(person);
    const split = splitBill({
      rules,
      provincePrefix: profile.provincePrefix,
      institution: req.institution,
      lines: req.lines,
      fundFen: req.fundFen,
      relative: { regionCode: person.regionCode, ownAccountFen: own.fen },
      payers,
      noPayerNote: noBindingNote(bindings, t),
    });
    const at = now().toISOString();
    const settlement: Settlement = {
      id: req.settlementId,
      relativeIdNumber: person.idNumber,
      relativeName: person.name,
      institution: req.institution,
      lines: req.lines,
      totalFen: req.totalFen,
      fundFen: split.fundFen,
      ownAccountFen: split.ownAccountFen,
      mutualAid: split.mutualAid,
      cashFen: split.cashFen,
      notes: split.notes,
      settledAt: at,
      refundedAt: null,
    };
    if (split.ownAccountFen > 0 && own.fen !== null) own.set(own.fen - split.ownAccountFen);
    for (const share of split.mutualAid) entry(settlement, share, '共济结算', at);
    repo.insertSettlement(settlement);
    return ok(view(settlement), 201);
  }

  return {
    /**
     * Settles once per settlement id: the same id with the same content answers as the settlement stands
     * now (退费 included); with other content it is refused. A refused request leaves nothing behind.
     */
    settle(raw: unknown): Result<SettlementView> {
      if (!isObject(raw)) return refusals.malformed();
      const read = readSettlementRequest(raw);
      if (Array.isArray(read)) {
        const [first, ...rest] = asFieldErrors(read);
        return first ? invalid([first, ...rest]) : refusals.malformed();
      }
      const fingerprint = JSON.stringify(read);
      return repo.transaction(() => {
        const key = `settlement:${read.settlementId}`;
        const stored = repo.getStored(key);
        if (stored) {
          if (stored.fingerprint !== fingerprint) return refusals.settlementIdReused();
          const s = repo.getSettlement(read.settlementId);
          return ok(s ? view(s) : (stored.body as SettlementView), stored.status);
        }
        const result = settleNow(read);
        if (result.ok) repo.putStored({ key, fingerprint, status: result.status, body: result.data });
        return result;
      });
    },

    getSettlement(id: string): Result<SettlementView> {
      const s = repo.getSettlement(id);
      return s ? ok(view(s)) : refusals.settlementNotFound();
    },

    /** 退费: every part goes back to the account it came from, once. Cash is the institution's to hand back. */
    refund(id: string): Result<SettlementView> {
      return repo.transaction(() => {
        const s = repo.getSettlement(id);
        if (!s) return refusals.settlementNotFound();
        if (s.refundedAt) return refusals.alreadyRefunded();
        const at = now().toISOString();
        const person = repo.findPerson(s.relativeIdNumber);
        if (person && s.ownAccountFen > 0) {
          const own = ownAccount(person);
          own.set((own.fen ?? 0) + s.ownAccountFen);
        }
        for (const share of s.mutualAid) entry(s, share, '退费', at);
        repo.markRefunded(s.id, at);
        return ok(view({ ...s, refundedAt: at }));
      });
    },

    /** The seeded relatives' cards, for the 收银台's picker (behind the researcher key). */
    cards(): Result<CardView[]> {
      const t = today();
      const seeded = buildSeed(profile, t).people;
      const authorizerIds = new Set(repo.listAuthorizers().map((a) => a.idNumber));
      return ok(
        seeded
          .filter((p) => !authorizerIds.has(p.idNumber))
          .flatMap((p) => {
            const person = repo.findPerson(p.idNumber);
            if (!person) return [];
            const grants = payingBindings(repo.bindingsOfRelative(p.idNumber), t, rules).length;
            return [
              {
                name: person.name,
                idNumber: person.idNumber,
                insuranceType: person.insuranceType,
                status: person.status,
                regionName: person.regionName,
                activeGrants: grants,
              },
            ];
          }),
      );
    },

    /** 共济使用明细: the authorizer's account movements for relatives (settlements, refunds, 代缴). */
    mutualAidUsage(token: string | undefined, query: Record<string, string>): Result<UsageView> {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      const a = who.authorizer;
      const month = query.month || null;
      if (month !== null && !MONTH.test(month)) return refusals.filterInvalid('month', '月份应为 YYYY-MM，如 2026-11');
      const bindings = repo.bindingsOfAuthorizer(a.id);
      const relative = query.relative || null;
      const chosen = relative === null ? undefined : bindings.find((b) => b.id === relative);
      // Someone else's binding is answered like a missing one.
      if (relative !== null && !chosen) return refusals.filterInvalid('relative', '没有这位共济使用人，请从列表中选择');
      return ok(
        usageView([...repo.entriesOfAuthorizer(a.id), ...repo.paymentsOfAuthorizer(a.id)], bindings, {
          relativeIdNumber: chosen?.relativeIdNumber ?? null,
          relative,
          month,
        }),
      );
    },

    /** 授权我的: who authorizes the logged-in person (a relative, or an authorizer who is also one). */
    authorizedMe(token: string | undefined): Result<AuthorizedMeView> {
      const who = signedInPerson(token);
      if (!who.ok) return who.refusal;
      const p = who.person;
      const bindings = repo.bindingsOfRelative(p.idNumber);
      const entries = [...repo.entriesOfRelative(p.idNumber), ...repo.paymentsOfRelative(p.idNumber)];
      return ok(
        authorizedMeView(
          p,
          bindings,
          entries,
          (id) => {
            const a = repo.getAuthorizer(id);
            return a ? { name: a.name, idNumber: a.idNumber } : undefined;
          },
          today(),
        ),
      );
    },
  };
}
