import { FeedbackProvider } from './Feedback';
import { ServicesContext, type PopupServices } from './services';
import { SettingsPanel } from './SettingsPanel';

export function OptionsApp({ services }: { services: PopupServices }) {
  return (
    <ServicesContext.Provider value={services}>
      <FeedbackProvider>
        <main class="options">
          <h1>NewsLens settings</h1>
          <SettingsPanel />
        </main>
      </FeedbackProvider>
    </ServicesContext.Provider>
  );
}
