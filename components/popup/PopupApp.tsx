import { useState } from 'preact/hooks';
import { Tabs, type TabDef } from '../shared/Tabs';
import { AllNotesTab } from './AllNotesTab';
import { BackupReminder } from './BackupReminder';
import { FeedbackProvider, useFeedback } from './Feedback';
import { ServicesContext, type PopupServices } from './services';
import { SettingsPanel } from './SettingsPanel';
import { ThisPageTab } from './ThisPageTab';

type PopupTab = 'page' | 'all' | 'settings';

const TABS: TabDef<PopupTab>[] = [
  { key: 'page', label: 'This page' },
  { key: 'all', label: 'All notes' },
  { key: 'settings', label: 'Settings' },
];

export function PopupApp({ services, initialTab = 'page' }: { services: PopupServices; initialTab?: PopupTab }) {
  const [tab, setTab] = useState<PopupTab>(initialTab);
  return (
    <ServicesContext.Provider value={services}>
      <FeedbackProvider>
        <main class="popup">
          <div class="popup-head">
            <h1 class="popup-title">NewsLens</h1>
            {services.sidePanel && <OpenPanelButton open={services.sidePanel.open} />}
          </div>
          <BackupReminder />
          <Tabs id="popup" label="NewsLens" tabs={TABS} active={tab} onChange={setTab}>
            {tab === 'page' ? <ThisPageTab /> : tab === 'all' ? <AllNotesTab /> : <SettingsPanel />}
          </Tabs>
        </main>
      </FeedbackProvider>
    </ServicesContext.Provider>
  );
}

/** The popup is the quick launcher; the side panel is where reading and reviewing happen. */
function OpenPanelButton({ open }: { open: () => Promise<void> }) {
  const feedback = useFeedback();
  return (
    <button type="button" class="primary" data-testid="open-side-panel" onClick={() => void feedback.run(open).then(() => window.close())}>
      Open side panel
    </button>
  );
}
