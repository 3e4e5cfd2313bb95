/** Injected time and ids, so tests can fix them. */
export interface StorageDeps {
  now: () => Date;
  uuid: () => string;
}

export const realDeps: StorageDeps = {
  now: () => new Date(),
  uuid: () => crypto.randomUUID(),
};
