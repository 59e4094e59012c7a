package dev.tracking.local;

/** The exact-limit contract on the in-memory store. */
class InMemoryExactLimitTest extends ExactLimitContract {

    private LocalStore store;

    @Override
    protected LocalStore emptyStore() {
        store = LocalStore.inMemory();
        return store;
    }

    @Override
    protected LocalStore sameStoreAgain() {
        return store;
    }
}
