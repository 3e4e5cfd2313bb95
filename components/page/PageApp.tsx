import { CardView, cardKey } from './CardView';
import { Notices } from './Notices';
import type { PageActions, PageState, Store } from './page-state';
import { PageToolbar } from './PageToolbar';
import { SelectionToolbar } from './SelectionToolbar';
import { ShortcutsCard } from './ShortcutsCard';
import { useStore } from './use-store';

interface PageAppProps {
  store: Store<PageState>;
  actions: PageActions;
}

/** The whole in-page UI. It only renders state and calls actions: the session owns the page and the background. */
export function PageApp({ store, actions }: PageAppProps) {
  const state = useStore(store);
  const { selection, card } = state;
  // `?` opens the shortcuts sheet only while focus is in our UI: on the page itself the key belongs to the page.
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (event.key !== '?' || !actions.toggleShortcuts || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    actions.toggleShortcuts(true);
  };
  return (
    <div class="nl-root" onKeyDown={onKeyDown}>
      {state.shortcutsOpen && <ShortcutsCard onClose={() => actions.toggleShortcuts?.(false)} />}
      {selection && (
        <SelectionToolbar
          key={`${selection.start}:${selection.end}`}
          selection={selection}
          focusRequest={state.toolbarFocus}
          knownTags={state.knownTags}
          actions={actions}
          onDismiss={actions.dismissSelection}
        />
      )}
      {card && <CardView key={cardKey(card)} card={card} state={state} actions={actions} />}
      <div class="nl-dock">
        <Notices error={state.error} toast={state.toast} actions={actions} />
        <PageToolbar state={state} actions={actions} />
      </div>
    </div>
  );
}
