// The hub's web chat widget on the storefront: the same one script tag any shop page can embed,
// given this storefront's publishable key and the shopper's language. Loaded once per page.
import { useEffect } from 'react';
import { readKey } from '../ui/session.ts';

export function useChatWidget(code: string, lang: string): void {
  useEffect(() => {
    const key = readKey(`store.${code}`, 'local');
    if (!key || document.querySelector('script[data-omnihub-chat-widget]')) return;
    const script = document.createElement('script');
    script.src = '/chat/widget.js';
    script.async = true;
    script.dataset.key = key;
    script.dataset.lang = lang;
    script.dataset.omnihubChatWidget = '';
    document.body.appendChild(script);
  }, [code, lang]);
}
