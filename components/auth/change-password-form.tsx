'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { changePasswordAction } from '@/lib/server/actions/auth';
import { type FormResult, IDLE } from '@/lib/server/result';

/** Changing the password of an account that has one (an account without one is mailed a link). */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormResult<unknown>, FormData>(changePasswordAction, IDLE);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        maxLength={128}
        required
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        required
        hint="At least 8 characters. Changing it signs you out everywhere."
        errors={('fieldErrors' in state ? state.fieldErrors : undefined)?.newPassword}
      />
      <FormMessage tone="error">
        {state.status !== 'idle' && state.status !== 'ok' ? state.message : null}
      </FormMessage>
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
