// 代缴城乡居民医保费: paid from the authorizer's personal account for a relative with a 生效中 binding.
import { bindingStatus } from '@domain/dates';
import { invalid, ok, refusals, type Result } from '@domain/errors';
import { formatYuan } from '@domain/money';
import type { Payment } from '@domain/types';
import { paymentView, type PaymentView } from '@domain/views';
import type { Context } from './context';

export function paymentOperations(ctx: Context) {
  const { repo, profile, now, newId, today, signedIn, submission, once } = ctx;
  return {
    listPayments(token: string | undefined): Result<PaymentView[]> {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      return ok(
        repo
          .paymentsOfAuthorizer(who.authorizer.id)
          .reverse()
          .map((p) => paymentView(p, repo.getBinding(p.bindingId)?.relativeName ?? '')),
      );
    },

    pay(token: string | undefined, raw: unknown): Result<PaymentView> {
      const opened = submission(token, raw);
      if (!opened.ok) return opened.refusal;
      const { authorizer: a, body, requestId } = opened;
      if (typeof body.bindingId !== 'string') return refusals.malformed();
      const year = Number(today().slice(0, 4));
      const years = [year, year + 1];
      if (typeof body.year !== 'number' || !years.includes(body.year))
        return invalid([
          { field: 'year', code: 'YEAR_NOT_OPEN', message: `只能缴纳 ${years.join(' 或 ')} 年度的居民医保费` },
        ]);
      const payYear = body.year;
      const bindingId = body.bindingId;
      return once(a.id, requestId, JSON.stringify([bindingId, payYear]), () => {
        const b = repo.getBinding(bindingId);
        if (!b || b.authorizerId !== a.id) return refusals.notFound();
        if (bindingStatus(b, today()) !== '生效中') return refusals.bindingNotActive();
        const person = repo.findPerson(b.relativeIdNumber);
        if (!person || person.insuranceType !== '城乡居民医保') return refusals.notResident();
        if (repo.findPayment(b.relativeIdNumber, payYear)) return refusals.alreadyPaid(payYear);
        const fresh = repo.getAuthorizer(a.id);
        if (!fresh) return refusals.unauthenticated();
        if (fresh.balanceFen < profile.premiumFen) return refusals.balanceTooLow(formatYuan(profile.premiumFen), true);
        const payment: Payment = {
          id: newId(),
          authorizerId: a.id,
          bindingId: b.id,
          relativeIdNumber: b.relativeIdNumber,
          year: payYear,
          amountFen: profile.premiumFen,
          paidAt: now().toISOString(),
          balanceAfterFen: fresh.balanceFen - profile.premiumFen,
        };
        repo.setBalance(a.id, payment.balanceAfterFen);
        repo.insertPayment(payment);
        return ok(paymentView(payment, b.relativeName), 201);
      });
    },
  };
}
