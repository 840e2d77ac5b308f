import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';

createRoot(document.getElementById('root')!).render(<StrictMode>store</StrictMode>);
