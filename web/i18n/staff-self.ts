// Strings of what staff do for themselves: sign in with a mailed code, change their own password, in
// the five languages. Merged into the main catalogs (index.tsx); English is the reference.
export const staffSelfEn = {
  'staffCode.switch': 'Email me a sign-in code instead',
  'staffCode.switchBack': 'Sign in with my password',
  'staffCode.send': 'Send me a code',
  'staffCode.sent':
    'If {email} is a staff address, a six-digit code is on its way. It works once, for 10 minutes.',
  'staffCode.code': 'Code from the email',
  'staffCode.submit': 'Sign in with the code',
  'password.title': 'Change my password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.repeat': 'New password again',
  'password.mismatch': 'The two new passwords are not the same.',
  'password.submit': 'Change password',
  'password.changed': 'Your password is changed. You stay signed in here; other devices are signed out.',
} as const;

export type StaffSelfKey = keyof typeof staffSelfEn;
type Catalog = Record<StaffSelfKey, string>;

export const staffSelfNl: Catalog = {
  'staffCode.switch': 'Stuur mij liever een inlogcode',
  'staffCode.switchBack': 'Inloggen met mijn wachtwoord',
  'staffCode.send': 'Stuur mij een code',
  'staffCode.sent':
    'Als {email} een medewerkersadres is, is er een code van zes cijfers onderweg. Die werkt één keer, 10 minuten lang.',
  'staffCode.code': 'Code uit de e-mail',
  'staffCode.submit': 'Inloggen met de code',
  'password.title': 'Mijn wachtwoord wijzigen',
  'password.current': 'Huidig wachtwoord',
  'password.new': 'Nieuw wachtwoord',
  'password.repeat': 'Nieuw wachtwoord nogmaals',
  'password.mismatch': 'De twee nieuwe wachtwoorden zijn niet gelijk.',
  'password.submit': 'Wachtwoord wijzigen',
  'password.changed': 'Je wachtwoord is gewijzigd. Hier blijf je ingelogd; andere apparaten zijn uitgelogd.',
};

export const staffSelfBg: Catalog = {
  'staffCode.switch': 'Изпратете ми код за вход по имейл',
  'staffCode.switchBack': 'Вход с парола',
  'staffCode.send': 'Изпрати код',
  'staffCode.sent':
    'Ако {email} е адрес на служител, към него пътува шестцифрен код. Той важи веднъж, 10 минути.',
  'staffCode.code': 'Код от имейла',
  'staffCode.submit': 'Вход с кода',
  'password.title': 'Смяна на паролата ми',
  'password.current': 'Текуща парола',
  'password.new': 'Нова парола',
  'password.repeat': 'Новата парола отново',
  'password.mismatch': 'Двете нови пароли не съвпадат.',
  'password.submit': 'Смяна на паролата',
  'password.changed': 'Паролата е сменена. Тук оставате в системата; другите устройства са изведени.',
};

export const staffSelfEs: Catalog = {
  'staffCode.switch': 'Prefiero recibir un código por correo',
  'staffCode.switchBack': 'Entrar con mi contraseña',
  'staffCode.send': 'Enviarme un código',
  'staffCode.sent':
    'Si {email} es una dirección de personal, le llega un código de seis cifras. Sirve una vez, durante 10 minutos.',
  'staffCode.code': 'Código del correo',
  'staffCode.submit': 'Entrar con el código',
  'password.title': 'Cambiar mi contraseña',
  'password.current': 'Contraseña actual',
  'password.new': 'Contraseña nueva',
  'password.repeat': 'Repita la contraseña nueva',
  'password.mismatch': 'Las dos contraseñas nuevas no coinciden.',
  'password.submit': 'Cambiar contraseña',
  'password.changed':
    'Su contraseña ha cambiado. Aquí sigue conectado; en otros dispositivos se ha cerrado la sesión.',
};

export const staffSelfSv: Catalog = {
  'staffCode.switch': 'Mejla mig en inloggningskod i stället',
  'staffCode.switchBack': 'Logga in med mitt lösenord',
  'staffCode.send': 'Skicka en kod',
  'staffCode.sent':
    'Om {email} är en personaladress är en sexsiffrig kod på väg. Den fungerar en gång, i 10 minuter.',
  'staffCode.code': 'Kod från mejlet',
  'staffCode.submit': 'Logga in med koden',
  'password.title': 'Byt mitt lösenord',
  'password.current': 'Nuvarande lösenord',
  'password.new': 'Nytt lösenord',
  'password.repeat': 'Nytt lösenord igen',
  'password.mismatch': 'De två nya lösenorden är inte lika.',
  'password.submit': 'Byt lösenord',
  'password.changed': 'Ditt lösenord är bytt. Här är du kvar inloggad; andra enheter är utloggade.',
};
