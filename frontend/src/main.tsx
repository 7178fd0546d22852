import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './index.css';
import { loadConfig } from './lib/config';
import { initI18n } from './lib/i18n';
import { registerServiceWorker } from './lib/service-worker';

const root = createRoot(document.getElementById('root')!);
registerServiceWorker();
const i18n = initI18n();

Promise.all([loadConfig(), i18n])
  .then(([config]) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  )
  .catch(async (error: unknown) => {
    root.render(
      <p role="alert" style={{ padding: 24 }}>
        {(await i18n).t('app.configError')} ({String(error)})
      </p>,
    );
  });
