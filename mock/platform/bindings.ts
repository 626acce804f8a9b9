// 共济账户绑定 and 解除绑定: field rules first (the same code the app runs), then the records.
import { bindingStatus, isActiveStatus } from '@domain/dates';
import { invalid, ok, refusals, type FieldError, type Result } from '@domain/errors';
import { formatYuan } from '@domain/money';
import { FORM_FIELDS, type Authorizer, type Binding } from '@domain/types';
import { normalizeForm, validateNormalizedForm, type BindingForm } from '@domain/validate';
import { bindingView, type BindingView } from '@domain/views';
import type { Context } from './context';
import { isImageDataUrl } from './images';

/** The form's text fields, or undefined when one is not text (absent and null read as empty). */
function readForm(body: Record<string, unknown>): BindingForm | undefined {
  const raw: Record<string, string> = {};
  for (const f of FORM_FIELDS) {
    const v = body[f];
    if (v === undefined || v === null) raw[f] = '';
    else if (typeof v === 'string') raw[f] = v;
    else return undefined;
  }
  return normalizeForm(raw as unknown as BindingForm);
}

export function bindingOperations(ctx: Context) {
  const { repo, profile, now, newId, today, signedIn, submission, once } = ctx;

  function meetsBalance(balanceFen: number): boolean {
    const t = profile.balanceThreshold;
    return t.inclusive ? balanceFen >= t.fen : balanceFen > t.fen;
  }

  /** The records' rules, in the order the real systems report them. */
  function recordProblem(a: Authorizer, form: BindingForm, t: string): Result<never> | null {
    if (form.idNumber === a.idNumber) return refusals.selfBinding();
    const person = repo.findPerson(form.idNumber);
    if (!person || person.status === '未参保') return refusals.notInsured();
    if (person.name !== form.name) return refusals.nameMismatch();
    if (person.status === '暂停参保') return refusals.paused();
    if (!person.regionCode.startsWith(profile.provincePrefix)) return refusals.otherRegion(profile.province);
    const mine = repo.bindingsOfAuthorizer(a.id).filter((b) => isActiveStatus(bindingStatus(b, t)));
    if (mine.some((b) => b.relativeIdNumber === form.idNumber)) return refusals.alreadyBound();
    // One lawful spouse: a second active 配偶 is a false promise, whatever the province.
    if (form.relation === '配偶' && mine.some((b) => b.relation === '配偶')) return refusals.spouseAlreadyBound();
    if (profile.oneAuthorizerPerRelative) {
      const others = repo
        .bindingsOfRelative(form.idNumber)
        .filter((b) => b.authorizerId !== a.id && isActiveStatus(bindingStatus(b, t)));
      if (others.length) return refusals.relativeHasAuthorizer();
    }
    if (mine.length >= profile.memberLimit) return refusals.memberLimit(profile.memberLimit);
    if (!meetsBalance(a.balanceFen))
      return refusals.balanceTooLow(formatYuan(profile.balanceThreshold.fen), profile.balanceThreshold.inclusive);
    return null;
  }

  /** A stored answer as the record stands now (a replay after 解绑 must say 已解绑). */
  const currentView = (stored: BindingView): BindingView => {
    const b = repo.getBinding(stored.id);
    return b ? bindingView(b, today()) : stored;
  };

  return {
    listBindings(token: string | undefined): Result<BindingView[]> {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      const t = today();
      const list = repo
        .bindingsOfAuthorizer(who.authorizer.id)
        .sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0))
        .map((b) => bindingView(b, t));
      return ok(list);
    },

    getBinding(token: string | undefined, id: string | undefined): Result<BindingView> {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      const b = id ? repo.getBinding(id) : undefined;
      // Someone else's binding is answered exactly like a missing one: no hint that it exists.
      if (!b || b.authorizerId !== who.authorizer.id) return refusals.notFound();
      return ok(bindingView(b, today()));
    },

    createBinding(token: string | undefined, raw: unknown): Result<BindingView> {
      const opened = submission(token, raw);
      if (!opened.ok) return opened.refusal;
      const { authorizer: a, body, requestId } = opened;
      const form = readForm(body);
      if (!form) return refusals.malformed();
      const t = today();
      const errors: FieldError[] = validateNormalizedForm(form, { today: t, profile });
      if (body.consent !== true)
        errors.push({ field: 'consent', code: 'CONSENT_REQUIRED', message: `请先阅读并同意${profile.consent.title}` });
      const signature = typeof body.signature === 'string' ? body.signature : '';
      if (profile.signatureRequired && !isImageDataUrl(signature))
        errors.push({
          field: 'signature',
          code: 'SIGNATURE_REQUIRED',
          message: signature ? '签名图片无法识别，请重新签名' : '请在承诺书上手写签名',
        });
      const proofs = Array.isArray(body.proofs) ? body.proofs.filter((p): p is string => typeof p === 'string') : [];
      if (profile.proofKinds.length > 0 && !(proofs.length > 0 && proofs.length <= 6 && proofs.every(isImageDataUrl)))
        errors.push({
          field: 'proofs',
          code: 'PROOF_REQUIRED',
          message: `请上传${profile.proofKinds.join('或')}照片（PNG 或 JPEG，每张不超过 200 KB）`,
        });
      const [first, ...rest] = errors;
      if (first) return invalid([first, ...rest]);

      const fingerprint = JSON.stringify([form, signature.length, proofs.length]);
      const create = (): Result<BindingView> => {
        const problem = recordProblem(a, form, t);
        if (problem) return problem;
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
          signature: profile.signatureRequired ? signature : null,
          proofs: profile.proofKinds.length > 0 ? proofs : [],
        };
        repo.insertBinding(binding);
        return ok(bindingView(binding, t), 201);
      };
      return once(a.id, requestId, fingerprint, create, currentView);
    },

    unbind(token: string | undefined, id: string | undefined): Result<BindingView> {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      return repo.transaction(() => {
        const b = id ? repo.getBinding(id) : undefined;
        if (!b || b.authorizerId !== who.authorizer.id) return refusals.notFound();
        const status = bindingStatus(b, today());
        if (status === '已解绑') return refusals.alreadyUnbound();
        if (status === '已到期') return refusals.bindingExpired();
        const at = now().toISOString();
        repo.markUnbound(b.id, at);
        return ok(bindingView({ ...b, unboundAt: at }, today()));
      });
    },
  };
}
