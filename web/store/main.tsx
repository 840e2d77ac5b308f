import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider, pickLanguage } from '../i18n/index.tsx';
import '../ui/styles.css';
import { Router } from '../ui/router.tsx';
import { registerServiceWorker } from './offline.ts';
import { channelCodeFromPath, StoreApp } from './store-app.tsx';

const code = channelCodeFromPath('store');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <IntlProvider initial={pickLanguage([...navigator.languages])} storageKey={`store.${code}`}>
      <Router base={`/store/${code}`}>
        <StoreApp code={code} />
      </Router>
    </IntlProvider>
  </StrictMode>,
);

registerServiceWorker();
