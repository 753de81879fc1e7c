/**
 * When the portal may suggest adding itself to the home screen: never on a first visit (a newcomer wants the
 * answer, not a request), from the second visit on or once a drug is watched, and never again once dismissed.
 */
export interface InstallHintState {
  visits: number;
  watching: boolean;
  dismissed: boolean;
}

export function mayOfferInstall(state: InstallHintState): boolean {
  if (state.dismissed) return false;
  return state.visits >= 2 || state.watching;
}
