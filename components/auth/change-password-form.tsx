'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/(study)/account/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idleState } from '@/lib/form-state';

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action, pending] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      {hasPassword && (
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          maxLength={128}
          required
          errors={state.fieldErrors?.currentPassword}
        />
      )}
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        required
        hint="At least 8 characters. Changing it signs you out everywhere."
        errors={state.fieldErrors?.newPassword}
      />
      <FormMessage tone="error">
        {state.status !== 'idle' && state.status !== 'ok' ? state.message : null}
      </FormMessage>
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : hasPassword ? 'Change password' : 'Set a password'}
      </Button>
    </form>
  );
}
