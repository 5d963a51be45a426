package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.databind.module.SimpleModule;

import java.util.List;

/**
 * How a {@link CustomerAccount} is written to a snapshot and read back: its fields and those of its
 * parts ({@link SnapshotState}). Reading a snapshot starts from the account its constructor builds,
 * whose parts share the invoices, payments and cases they consult, and fills each part in place
 * rather than making a new one, so those links hold, and the sets of ids keep their kinds. Only for
 * the snapshot serializer: events and tokens are read as they always were.
 */
public final class AccountSnapshots extends SimpleModule {

    /** Made by the account's constructor (or a part's) and filled in from the snapshot. */
    private static final List<Class<?>> FILLED_IN_PLACE = List.of(Contracts.class, Invoices.class, Disputes.class, Payments.class,
            LegalCases.class, Promises.class, DunningLetters.class, Evidence.class, CreditFile.class, CreditLimitRaises.class,
            OrderHolds.class, Ids.class);

    public AccountSnapshots() {
        super("AccountSnapshots");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        FILLED_IN_PLACE.forEach(type -> context.configOverride(type).setMergeable(true));
    }
}
