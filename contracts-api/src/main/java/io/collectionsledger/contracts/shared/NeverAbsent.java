package io.collectionsledger.contracts.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an answer that is always given: never null, so never left out of the JSON. An answer
 * checks nothing of itself (its fields come from facts already checked), so this is how it says so;
 * the API's description lists the field as required, which generated clients rely on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NeverAbsent {
}
