package io.collectionsledger.ledger.account;

import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The version at which the current unit of work leaves an account: the sequence number of its last event. */
@Component
public class AccountVersions {

    private final Repository<CustomerAccount> accounts;

    AccountVersions(@Qualifier("customerAccountRepository") Repository<CustomerAccount> accounts) {
        this.accounts = accounts;
    }

    /** Must run in the unit of work that handled the account's commands, which still holds it. */
    public long current(String customerId) {
        return accounts.load(customerId).version();
    }
}
