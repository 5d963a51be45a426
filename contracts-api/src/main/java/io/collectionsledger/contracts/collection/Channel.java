package io.collectionsledger.contracts.collection;

public enum Channel { PHONE, SMS, EMAIL, WECHAT, LETTER, FAX, VISIT }
