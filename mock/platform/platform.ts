// The mock insurance platform's rules. Plain TypeScript with no Node-only imports: the HTTP server,
// the offline demo inside the app and the tests all run this same code.
import { bindingStatus, isActiveStatus, todayInChina } from '@domain/dates';
import { invalid, ok, refusals, type FieldError, type Result } from '@domain/errors';
import { formatYuan } from '@domain/money';
import type { RuleProfile } from '@domain/profiles';
import type { Repo, Seed } from './repo';
import { buildSeed } from './seed';
import { FORM_FIELDS, type Binding, type Payment } from '@domain/types';
import { normalizeForm, validateBindingForm, type BindingForm } from '@domain/validate';
import { bindingView, meView, paymentView, personaView, type BindingView, type PaymentView } from '@domain/views';

export interface PlatformOptions {
  repo: Repo;
  profile: RuleProfile;
  /** Clock; a fixed one makes demos and tests behave the same every day. */
  now?: () => Date;
  newId?: () => string;
  allowReset?: boolean;
  /** The data a reset returns to; a research session's situation changes it. */
  seed?: (today: string) => Seed;
}

const MAX_DATA_URL = 300_000;

function randomId(): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown): string | undefined =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : undefined;

function readRequestId(body: Record<string, unknown>): string | FieldError {
  const id = body.requestId;
  if (typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id)) return id;
  return { field: 'requestId', code: 'REQUEST_ID_INVALID', message: '请求编号缺失或格式不正确，请刷新后重试' };
}

export type Platform = ReturnType<typeof createPlatform>;

export function createPlatform(opts: PlatformOptions) {
  const { repo, profile } = opts;
  const now = opts.now ?? (() => new Date());
  const newId = opts.newId ?? randomId;
  const today = () => todayInChina(now());

  function authorizerOf(token: string | undefined) {
    const session = token ? repo.getSession(token) : undefined;
    return session ? repo.getAuthorizer(session.authorizerId) : undefined;
  }

  /** Runs `fn` once per (authorizer, requestId): a repeat with the same body gets the first answer. */
  function once<T>(authorizerId: string, requestId: string, fingerprint: string, fn: () => Result<T>): Result<T> {
    return repo.transaction(() => {
      const key = `${authorizerId}:${requestId}`;
      const stored = repo.getStored(key);
      if (stored) {
        return stored.fingerprint === fingerprint ? ok(stored.body as T, stored.status) : refusals.requestReused();
      }
      const result = fn();
      if (result.ok) repo.putStored({ key, fingerprint, status: result.status, body: result.data });
      return result;
    });
  }

  function meetsBalance(balanceFen: number): boolean {
    const t = profile.balanceThreshold;
    return t.inclusive ? balanceFen >= t.fen : balanceFen > t.fen;
  }

  return {
    profile: () => ok({ ...profile, today: today() }),

    personas: () => ok(repo.listAuthorizers().map((a) => personaView(a, repo.bindingsOfAuthorizer(a.id), today()))),

    login(body: unknown) {
      if (!isObject(body) || typeof body.personaId !== 'string') return refusals.malformed();
      const a = repo.getAuthorizer(body.personaId);
      if (!a) return refusals.personaNotFound();
      const token = newId() + newId();
      repo.putSession({ token, authorizerId: a.id, createdAt: now().toISOString() });
      return ok({ token, me: meView(a) }, 201);
    },

    logout(token: string | undefined) {
      if (!authorizerOf(token)) return refusals.unauthenticated();
      repo.deleteSession(token!);
      return ok({ loggedOut: true });
    },

    me(token: string | undefined) {
      const a = authorizerOf(token);
      return a ? ok(meView(a)) : refusals.unauthenticated();
    },

    listBindings(token: string | undefined): Result<BindingView[]> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      const t = today();
      const list = repo
        .bindingsOfAuthorizer(a.id)
        .sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))
        .map((b) => bindingView(b, t));
      return ok(list);
    },

    getBinding(token: string | undefined, id: string): Result<BindingView> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      const b = repo.getBinding(id);
      // Someone else's binding is answered exactly like a missing one: no hint that it exists.
      if (!b || b.authorizerId !== a.id) return refusals.notFound();
      return ok(bindingView(b, today()));
    },

    createBinding(token: string | undefined, body: unknown): Result<BindingView> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      if (!isObject(body)) return refusals.malformed();
      const requestId = readRequestId(body);
      if (typeof requestId !== 'string') return invalid([requestId]);
      const raw: Record<string, string> = {};
      for (const f of FORM_FIELDS) {
        const v = optString(body[f]);
        if (v === undefined) return refusals.malformed();
        raw[f] = v;
      }
      const form = normalizeForm(raw as unknown as BindingForm);
      const t = today();
      const errors = validateBindingForm(form, { today: t, profile });
      if (body.consent !== true)
        errors.push({ field: 'consent', code: 'CONSENT_REQUIRED', message: `请先阅读并同意${profile.consent.title}` });
      const signature = typeof body.signature === 'string' ? body.signature : '';
      if (profile.signatureRequired && (!signature.startsWith('data:image/') || signature.length > MAX_DATA_URL))
        errors.push({ field: 'signature', code: 'SIGNATURE_REQUIRED', message: '请在承诺书上手写签名' });
      const proofs = Array.isArray(body.proofs) ? body.proofs.filter((p): p is string => typeof p === 'string') : [];
      const proofsOk =
        proofs.length > 0 && proofs.every((p) => p.startsWith('data:image/') && p.length <= MAX_DATA_URL);
      if (profile.proofKinds.length > 0 && !proofsOk)
        errors.push({ field: 'proofs', code: 'PROOF_REQUIRED', message: `请上传${profile.proofKinds.join('或')}照片` });
      if (errors.length) return invalid(errors);

      const fingerprint = JSON.stringify([form, signature.length, proofs.length]);
      return once(a.id, requestId, fingerprint, () => {
        if (form.idNumber === a.idNumber) return refusals.selfBinding();
        const person = repo.findPerson(form.idNumber);
        if (!person || person.status === '未参保') return refusals.notInsured();
        if (person.name !== form.name) return refusals.nameMismatch();
        if (person.status === '暂停参保') return refusals.paused();
        if (!person.regionCode.startsWith(profile.provincePrefix)) return refusals.otherRegion(profile.province);
        const mine = repo.bindingsOfAuthorizer(a.id).filter((b) => isActiveStatus(bindingStatus(b, t)));
        if (mine.some((b) => b.relativeIdNumber === form.idNumber)) return refusals.alreadyBound();
        if (profile.oneAuthorizerPerRelative) {
          const others = repo
            .bindingsOfRelative(form.idNumber)
            .filter((b) => b.authorizerId !== a.id && isActiveStatus(bindingStatus(b, t)));
          if (others.length) return refusals.relativeHasAuthorizer();
        }
        if (mine.length >= profile.memberLimit) return refusals.memberLimit(profile.memberLimit);
        if (!meetsBalance(a.balanceFen))
          return refusals.balanceTooLow(formatYuan(profile.balanceThreshold.fen), profile.balanceThreshold.inclusive);
        const binding: Binding = {
          id: newId(),
          authorizerId: a.id,
          relativeName: form.name,
          relativeIdType: form.idType,
          relativeIdNumber: form.idNumber,
          relativePhone: form.phone,
          relation: form.relation as Binding['relation'],
          startDate: form.startDate,
          endDate: form.endDate || null,
          createdAt: now().toISOString(),
          unboundAt: null,
          signature: signature || null,
          proofs,
        };
        repo.insertBinding(binding);
        return ok(bindingView(binding, t), 201);
      });
    },

    unbind(token: string | undefined, id: string): Result<BindingView> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      return repo.transaction(() => {
        const b = repo.getBinding(id);
        if (!b || b.authorizerId !== a.id) return refusals.notFound();
        const status = bindingStatus(b, today());
        if (status === '已解绑') return refusals.alreadyUnbound();
        if (status === '已到期') return refusals.bindingExpired();
        const at = now().toISOString();
        repo.markUnbound(id, at);
        return ok(bindingView({ ...b, unboundAt: at }, today()));
      });
    },

    listPayments(token: string | undefined): Result<PaymentView[]> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      return ok(
        repo
          .paymentsOfAuthorizer(a.id)
          .reverse()
          .map((p) => paymentView(p, repo.getBinding(p.bindingId)?.relativeName ?? '')),
      );
    },

    /** 代缴城乡居民医保费 for a bound relative, from the authorizer's personal account. */
    pay(token: string | undefined, body: unknown): Result<PaymentView> {
      const a = authorizerOf(token);
      if (!a) return refusals.unauthenticated();
      if (!isObject(body)) return refusals.malformed();
      const requestId = readRequestId(body);
      if (typeof requestId !== 'string') return invalid([requestId]);
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
        const fresh = repo.getAuthorizer(a.id)!;
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

    /** Back to the seed state (research sessions, trainer demos, tests). */
    reset() {
      if (!opts.allowReset) return refusals.resetDisabled();
      repo.reset(opts.seed ? opts.seed(today()) : buildSeed(profile, today()));
      return ok({ reset: true, today: today() });
    },
  };
}
