// The verification and welcome emails in each language the tenant speaks. The language is
// the user's user_metadata.lang (Auth0's convention for localized emails); anything else,
// or none, falls back to English.
export const LANGUAGES = ['en', 'es', 'fr', 'de'];
export const FALLBACK_LANGUAGE = 'en';

const TEMPLATES = {
  verification: {
    en: { subject: 'Verify your email', body: 'Hello {name},\n\nPlease verify your email address by opening this link:\n{link}\n' },
    es: { subject: 'Verifica tu correo electrónico', body: 'Hola {name}:\n\nVerifica tu dirección de correo electrónico abriendo este enlace:\n{link}\n' },
    fr: { subject: 'Vérifiez votre adresse e-mail', body: 'Bonjour {name},\n\nVeuillez vérifier votre adresse e-mail en ouvrant ce lien :\n{link}\n' },
    de: { subject: 'Bestätigen Sie Ihre E-Mail-Adresse', body: 'Hallo {name},\n\nbitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link:\n{link}\n' },
  },
  welcome: {
    en: { subject: 'Welcome!', body: 'Hello {name},\n\nWelcome! Your account is ready.\n' },
    es: { subject: '¡Bienvenido!', body: 'Hola {name}:\n\n¡Bienvenido! Tu cuenta está lista.\n' },
    fr: { subject: 'Bienvenue !', body: 'Bonjour {name},\n\nBienvenue ! Votre compte est prêt.\n' },
    de: { subject: 'Willkommen!', body: 'Hallo {name},\n\nwillkommen! Ihr Konto ist eingerichtet.\n' },
  },
};

// user_metadata.lang -> one of LANGUAGES. "fr-CA" reads as "fr" (its primary subtag).
export function emailLanguage(user) {
  const lang = user?.user_metadata?.lang;
  if (typeof lang !== 'string') return FALLBACK_LANGUAGE;
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(primary) ? primary : FALLBACK_LANGUAGE;
}

// kind: 'verification' | 'welcome'. -> {language, subject, body}
export function renderEmail(kind, user, values = {}) {
  const language = emailLanguage(user);
  const template = TEMPLATES[kind][language];
  const fill = (text) => text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? user[key] ?? ''));
  return { language, subject: fill(template.subject), body: fill(template.body) };
}
