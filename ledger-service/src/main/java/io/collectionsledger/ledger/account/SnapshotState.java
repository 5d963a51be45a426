package io.collectionsledger.ledger.account;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * A class whose fields are part of the account's snapshots ({@link AccountSnapshots}): every field
 * is stored as it is, unless marked {@code @JsonIgnore} (a part wired by the account's constructor,
 * a memo rebuilt on demand); no getter or constructor is used unless marked. Changing the fields of
 * such a class, or of a record it keeps, changes the account's shape: raise {@link CustomerAccount}'s
 * {@code @Revision}, so that snapshots of the old shape are ignored and the accounts are read from
 * their events (SnapshotShapeTest holds the shape of each revision).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, setterVisibility = NONE,
        creatorVisibility = NONE)
@interface SnapshotState {
}
