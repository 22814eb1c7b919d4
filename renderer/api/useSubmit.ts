import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useErrorText } from './useErrorText';

/** A form field's name as antd takes it: a key, or the path to a nested one. */
export type FieldName = string | number | Array<string | number>;

/** A schema issue: where it is, and the locale key saying what is wrong. */
export type FieldIssue = { path: PropertyKey[]; message: string };

/**
 * A form's save, the same in every form: the fields are checked with the schema main checks them with
 * (each issue shown on its field, nothing sent), then sent once, with `saving` true while on the way.
 * A second Enter or click meanwhile sends nothing, so a record is never created twice. When the save
 * fails, what was typed stays and the error shows on `failedOn` (or goes to it, when it is a function).
 */
export function useSubmit<V>(
  form: FormInstance<V>,
  {
    issueField = (issue) => issue.path[0] as FieldName,
    failedOn,
  }: {
    /** The form field a schema issue belongs to; by default the first key of its path. */
    issueField?: (issue: FieldIssue) => FieldName;
    failedOn: FieldName | ((error: unknown) => void);
  },
) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);

  const showIssues = (issues: FieldIssue[]) =>
    form.setFields(issues.map((issue) => ({ name: issueField(issue), errors: [t(issue.message)] })) as never);

  const submit = async <F>(schema: z.ZodType<F>, fields: unknown, send: (checked: F) => Promise<void>): Promise<void> => {
    const checked = schema.safeParse(fields);
    if (!checked.success) return showIssues(checked.error.issues);
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    try {
      await send(checked.data);
    } catch (error) {
      if (typeof failedOn === 'function') failedOn(error);
      else form.setFields([{ name: failedOn, errors: [errorText(error)] }] as never);
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };

  return { saving, submit, showIssues };
}
