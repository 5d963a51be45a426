package io.collectionsledger.contracts.collection;

/** Signs that a customer may stop paying (domain.md §3). */
public enum EarlyWarningSignal {
    OFF_SEASON_BULK_BUYING,
    DUMPING_OR_CROSS_REGION_SALES,
    CHANGE_OF_RESPONSIBLE_PEOPLE,
    REPEATED_EXTENSION_REQUESTS,
    MOVE_INTO_OTHER_BUSINESS,
    RELOCATION,
    SIGNS_OF_CLOSURE,
    OTHER
}
