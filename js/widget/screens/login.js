// The login screen: email + password -> onSubmit({email, password}).
import { createForm, credentialViews } from './form.js';

export function loginScreen({ id, t, settings, prefillEmail, onSubmit }) {
  const credentials = credentialViews({
    id, t, prefillEmail: prefillEmail ?? settings.prefillEmail, newPassword: false, allowShowPassword: settings.allowShowPassword,
  });
  const form = createForm({
    id,
    submitLabel: t('loginSubmitLabel'),
    children: credentials.nodes,
    views: credentials.views,
    onSubmit: () => onSubmit({ email: credentials.email.value(), password: credentials.password.value() }),
  });
  return form;
}
