// How a researcher counts field errors: once per distinct mistake, not once per keystroke.
//
// The rule: an error counts when it is shown at a commit point (the participant leaves the field, or
// presses 下一步), and that field is not counted again until its value has been seen valid. While the
// participant corrects (a backspace after ID_CHECK_DIGIT briefly gives ID_LENGTH; the first digit
// after PHONE_REQUIRED gives PHONE_INVALID) nothing more is counted. A platform refusal shown next to
// a field (NOT_INSURED) is never a field error: it is counted among refusals, by code.

export interface MistakeCounter {
  /** The field's value passes the instant rules: its next error is a new mistake. */
  valid(field: string): void;
  /** A commit point with `code` shown next to the field (undefined: none). True when it counts. */
  commit(field: string, code: string | undefined): boolean;
  reset(): void;
}

export function createMistakeCounter(): MistakeCounter {
  // Fields whose current mistake has been counted and not yet corrected.
  const open = new Set<string>();
  return {
    valid(field) {
      open.delete(field);
    },
    commit(field, code) {
      if (!code || open.has(field)) return false;
      open.add(field);
      return true;
    },
    reset() {
      open.clear();
    },
  };
}
