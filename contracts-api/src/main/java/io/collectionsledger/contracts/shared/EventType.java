package io.collectionsledger.contracts.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logical type name an event is stored under, {@code <concept>.<EventName>} (e.g.
 * {@code payment.PaymentRecorded}), instead of its Java class name: the record may move to another
 * package or be renamed, and every journal that holds it still reads. Once an event is stored its
 * name never changes; a new name needs an upcaster that maps the old one.
 *
 * <p>Events stored before these names existed (issue 14) carry their class name; the logical name
 * of each is that class name without {@code io.collectionsledger.contracts.}, frozen as it was then
 * (see {@code StoredEvent.logicalType}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** {@code <concept>.<EventName>}, e.g. {@code payment.PaymentRecorded}. */
    String value();
}
