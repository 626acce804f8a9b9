// Logs field errors for research sessions by the counting rule in @domain/fieldMistakes: at a commit
// point (leaving a field, 下一步), once per mistake until the field has been seen valid. Errors shown
// while typing and the platform's word on a field (a refusal) are never logged as field errors.
import { createMistakeCounter } from '@domain/fieldMistakes';
import type { ValidationContext } from '@domain/validate';
import { FORM_FIELDS, type FormField } from '@domain/types';
import { resettable } from '@/shared/lib/resets';
import { track } from '@/shared/telemetry/track';
import { formProblems, useBindFormStore } from './formStore';

const counter = createMistakeCounter();

/** The instant rule's error shown next to the field now, if any. */
function shownCode(field: FormField, ctx: ValidationContext): string | undefined {
  const s = useBindFormStore.getState();
  if (!s.touched[field]) return undefined;
  return formProblems(s.values, ctx).find((e) => e.field === field)?.code;
}

/** After any change of the form: fields whose value passes the rules are seen valid. */
export function noteValidFields(ctx: ValidationContext): void {
  const problems = formProblems(useBindFormStore.getState().values, ctx);
  for (const f of FORM_FIELDS) if (!problems.some((e) => e.field === f)) counter.valid(f);
}

function commit(field: FormField, ctx: ValidationContext) {
  const code = shownCode(field, ctx);
  if (counter.commit(field, code)) track({ type: 'validation_error', screen: 'bind', field, code });
}

/** The participant left the field (after the form has checked it). */
export const commitField = (field: FormField, ctx: ValidationContext) => {
  noteValidFields(ctx);
  commit(field, ctx);
};

/** 下一步 was pressed (after every field has been checked). */
export function commitAll(ctx: ValidationContext): void {
  noteValidFields(ctx);
  for (const f of FORM_FIELDS) commit(f, ctx);
}

resettable('person', () => counter.reset());
