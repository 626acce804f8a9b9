// The 共济账户绑定 form: what the user typed survives a failed request, a refusal and going back and
// forth between the form and the consent screen. Only a successful binding clears it.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { FieldError } from '@domain/errors';
import { normalizeForm, validateBindingForm, type BindingForm, type ValidationContext } from '@domain/validate';
import type { BindingView } from '@domain/views';
import { FORM_FIELDS, type FormField } from '@domain/types';
import { asApiError } from '@/shared/api/types';
import { newRequestId } from '@/shared/lib/requestId';
import { resettable } from '@/shared/lib/resets';
import { createBinding } from './api/createBinding';

export type { FormField };

export type SubmitOutcome = 'ok' | 'fix-fields' | 'refused' | 'signed-out' | 'failed' | 'busy';

interface FormState {
  values: BindingForm;
  touched: Partial<Record<FormField, boolean>>;
  /** What the platform said about a field on the last submit, and its code. */
  serverErrors: Partial<Record<FormField, string>>;
  serverCodes: Partial<Record<FormField, string>>;
  consent: boolean;
  /** 河北: the handwritten signature on the 承诺书, as an image data URL. */
  signature: string | null;
  /** 浙江: photos of 结婚证 / 户口簿, as image data URLs. */
  proofs: string[];
  /** Kept across retries of the same content, so a retry or a double tap binds once. */
  requestId: string | null;
  submitting: boolean;
  notice: { kind: 'refused' | 'failed'; message: string } | null;
  result: BindingView | null;
  setField: (field: FormField, value: string) => void;
  touch: (field: FormField) => void;
  /** Leaving a field checks what was typed; an empty field waits for 下一步 before it complains. */
  leave: (field: FormField) => void;
  touchAll: () => void;
  setConsent: (consent: boolean) => void;
  setSignature: (signature: string | null) => void;
  setProofs: (proofs: string[]) => void;
  submit: () => Promise<SubmitOutcome>;
  startNew: (today: string) => void;
  /** The start date is the platform's today until the user picks another. */
  startOnToday: (today: string) => void;
}

const emptyValues = (today = ''): BindingForm => ({
  name: '',
  idType: '居民身份证',
  idNumber: '',
  phone: '',
  relation: '',
  startDate: today,
  endDate: '',
});

const initial = () => ({
  values: emptyValues(),
  touched: {},
  serverErrors: {},
  serverCodes: {},
  consent: false,
  signature: null as string | null,
  proofs: [] as string[],
  requestId: null,
  submitting: false,
  notice: null,
  result: null,
});

const isFormField = (f: string): f is FormField => (FORM_FIELDS as readonly string[]).includes(f);

export const useBindFormStore = create<FormState>()((set, get) => ({
  ...initial(),
  setField(field, value) {
    const serverErrors = { ...get().serverErrors };
    delete serverErrors[field];
    if (field === 'startDate') delete serverErrors.endDate;
    set({ values: { ...get().values, [field]: value }, serverErrors, requestId: null, notice: null });
  },
  touch(field) {
    if (!get().touched[field]) set({ touched: { ...get().touched, [field]: true } });
  },
  leave(field) {
    if (get().values[field].trim()) get().touch(field);
  },
  touchAll() {
    set({ touched: Object.fromEntries(FORM_FIELDS.map((f) => [f, true])) });
  },
  setConsent(consent) {
    set({ consent });
  },
  setSignature(signature) {
    set({ signature, requestId: null, notice: null });
  },
  setProofs(proofs) {
    set({ proofs, requestId: null, notice: null });
  },
  async submit() {
    const s = get();
    if (s.submitting) return 'busy';
    const requestId = s.requestId ?? newRequestId();
    set({ submitting: true, requestId, notice: null });
    try {
      const result = await createBinding({
        ...normalizeForm(s.values),
        consent: s.consent,
        requestId,
        ...(s.signature ? { signature: s.signature } : {}),
        ...(s.proofs.length ? { proofs: s.proofs } : {}),
      });
      set({ ...initial(), values: emptyValues(s.values.startDate), result });
      return 'ok';
    } catch (e) {
      const err = asApiError(e);
      const fieldErrors = err.fieldErrors.filter((fe: FieldError) => isFormField(fe.field));
      if (err.kind === 'refusal' && fieldErrors.length) {
        set({
          submitting: false,
          serverErrors: Object.fromEntries(fieldErrors.map((fe) => [fe.field, fe.message])),
          serverCodes: Object.fromEntries(fieldErrors.map((fe) => [fe.field, fe.code])),
          notice: { kind: 'refused', message: err.message },
        });
        return 'fix-fields';
      }
      set({ submitting: false, notice: { kind: err.kind === 'refusal' ? 'refused' : 'failed', message: err.message } });
      return err.kind === 'auth' ? 'signed-out' : err.kind === 'refusal' ? 'refused' : 'failed';
    }
  },
  startNew(today) {
    set({ ...initial(), values: emptyValues(today) });
  },
  startOnToday(today) {
    if (!get().values.startDate) set({ values: { ...get().values, startDate: today } });
  },
}));

resettable('person', () => useBindFormStore.setState(initial()));

let checked: { values: BindingForm; ctx: ValidationContext; problems: FieldError[] } | null = null;

/**
 * The instant rules' verdict on what is typed: worked out once per change of the form, the day or the
 * profile, however many screens and renders ask for it.
 */
export function formProblems(values: BindingForm, ctx: ValidationContext): FieldError[] {
  if (!checked || checked.values !== values || checked.ctx.today !== ctx.today || checked.ctx.profile !== ctx.profile)
    checked = { values, ctx, problems: validateBindingForm(values, ctx) };
  return checked.problems;
}

/** The code of the problem shown next to a field: the instant rule's, else the platform's. */
export function errorCode(
  state: Pick<FormState, 'values' | 'serverCodes'>,
  field: FormField,
  ctx: ValidationContext,
): string {
  return (
    formProblems(state.values, ctx).find((e) => e.field === field)?.code ?? state.serverCodes[field] ?? 'FIELD_INVALID'
  );
}

/** Problems to show: the instant rules for fields the user has been through, then the platform's word. */
export function visibleErrors(
  state: Pick<FormState, 'values' | 'touched' | 'serverErrors'>,
  ctx: ValidationContext,
): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const e of formProblems(state.values, ctx)) {
    if (isFormField(e.field) && state.touched[e.field] && !out[e.field]) out[e.field] = e.message;
  }
  for (const [f, m] of Object.entries(state.serverErrors)) if (m && !out[f as FormField]) out[f as FormField] = m;
  return out;
}

/** The problems shown on the form now; a new object only when the form, the day or the profile changed. */
export function useVisibleErrors({ today, profile }: ValidationContext): Partial<Record<FormField, string>> {
  const values = useBindFormStore((s) => s.values);
  const touched = useBindFormStore((s) => s.touched);
  const serverErrors = useBindFormStore((s) => s.serverErrors);
  return useMemo(
    () => visibleErrors({ values, touched, serverErrors }, { today, profile }),
    [values, touched, serverErrors, today, profile],
  );
}
