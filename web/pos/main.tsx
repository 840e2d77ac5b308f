import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider, pickLanguage } from '../i18n/index.tsx';
import '../ui/styles.css';
import { channelCodeFromPath } from '../store/store-app.tsx';
import { Router } from '../ui/router.tsx';
import { PosApp } from './pos-app.tsx';

const code = channelCodeFromPath('pos');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <IntlProvider initial={pickLanguage([...navigator.languages])} storageKey={`pos.${code}`}>
      <Router base={`/pos/${code}`}>
        <PosApp code={code} />
      </Router>
    </IntlProvider>
  </StrictMode>,
);
