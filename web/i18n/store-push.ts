// The storefront's notifications opt-in (web push) on the shopper's account page, in the five
// languages. Merged into the main catalogs (index.tsx).
export const storePushEn = {
  'storePush.title': 'Notifications',
  'storePush.off': 'Get a notification on this device when your order is ready or your cart is waiting.',
  'storePush.on': 'This device gets our notifications.',
  'storePush.denied': 'Notifications are blocked for this shop in your browser settings.',
  'storePush.turnOn': 'Turn on notifications',
  'storePush.turnOff': 'Turn off notifications',
} as const;
export type StorePushKey = keyof typeof storePushEn;

export const storePushEs: Record<StorePushKey, string> = {
  'storePush.title': 'Notificaciones',
  'storePush.off': 'Recibe un aviso en este dispositivo cuando tu pedido esté listo o tu carrito te espere.',
  'storePush.on': 'Este dispositivo recibe nuestras notificaciones.',
  'storePush.denied': 'Las notificaciones de esta tienda están bloqueadas en la configuración del navegador.',
  'storePush.turnOn': 'Activar notificaciones',
  'storePush.turnOff': 'Desactivar notificaciones',
};

export const storePushSv: Record<StorePushKey, string> = {
  'storePush.title': 'Aviseringar',
  'storePush.off': 'Få en avisering på den här enheten när din order är klar eller din varukorg väntar.',
  'storePush.on': 'Den här enheten får våra aviseringar.',
  'storePush.denied': 'Aviseringar från butiken är blockerade i webbläsarens inställningar.',
  'storePush.turnOn': 'Slå på aviseringar',
  'storePush.turnOff': 'Stäng av aviseringar',
};

export const storePushBg: Record<StorePushKey, string> = {
  'storePush.title': 'Известия',
  'storePush.off':
    'Получавайте известие на това устройство, когато поръчката ви е готова или количката ви чака.',
  'storePush.on': 'Това устройство получава нашите известия.',
  'storePush.denied': 'Известията от този магазин са блокирани в настройките на браузъра.',
  'storePush.turnOn': 'Включи известията',
  'storePush.turnOff': 'Изключи известията',
};

export const storePushNl: Record<StorePushKey, string> = {
  'storePush.title': 'Meldingen',
  'storePush.off': 'Krijg een melding op dit apparaat als je bestelling klaarstaat of je winkelwagen wacht.',
  'storePush.on': 'Dit apparaat krijgt onze meldingen.',
  'storePush.denied': 'Meldingen van deze winkel zijn geblokkeerd in de instellingen van je browser.',
  'storePush.turnOn': 'Meldingen aanzetten',
  'storePush.turnOff': 'Meldingen uitzetten',
};
