import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider, pickLanguage } from '../i18n/index.tsx';
import '../ui/styles.css';
import { Router } from '../ui/router.tsx';
import { AdminApp } from './admin-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <IntlProvider initial={pickLanguage([...navigator.languages])} storageKey="admin">
      <Router base="/admin">
        <AdminApp />
      </Router>
    </IntlProvider>
  </StrictMode>,
);
