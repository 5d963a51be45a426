package io.collectionsledger.contracts.contract;

import io.collectionsledger.contracts.shared.Require;

/** Where disputes under the contract go: a court, or an arbitration body. */
public record DisputeClause(Forum forum, String body) {

    public enum Forum { LITIGATION, ARBITRATION }

    public DisputeClause {
        Require.present(forum, "forum");
        Require.text(body, "body", Require.SHORT_TEXT);
    }
}
