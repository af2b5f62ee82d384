// The login screen: email + password -> onSubmit({email, password}).
import { createForm, credentialViews } from './form.js';
import { inputField } from '../field-view.js';

export function loginScreen({ id, t, settings, onSubmit }) {
  const credentials = credentialViews({
    id, t, inputField, prefillEmail: settings.prefillEmail, newPassword: false, allowShowPassword: settings.allowShowPassword,
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
