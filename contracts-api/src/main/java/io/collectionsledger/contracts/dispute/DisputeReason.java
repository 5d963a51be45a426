package io.collectionsledger.contracts.dispute;

public enum DisputeReason { QUALITY, QUANTITY, PRICE, OTHER }
