package io.collectionsledger.ledger.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A party a document is from or to: its name, registration number, postal address and the person
 * to attend to it. The recipient's address and contact person are to join its credit file, and the
 * sender is to be recorded once as the ledger's own party; until the ledger records them they are
 * absent, and the document says so ({@link #missing}).
 *
 * @param role "sender" or "recipient", naming what is missing
 */
public record Party(String role, String name, String registrationNumber, String postalAddress, String contactPerson) {

    /** What a letter needs and the ledger does not hold, e.g. "recipient.postalAddress". */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (name == null) {
            missing.add(role + ".name");
        }
        if (postalAddress == null) {
            missing.add(role + ".postalAddress");
        }
        if (contactPerson == null && role.equals("recipient")) {
            missing.add(role + ".contactPerson");
        }
        return missing;
    }
}
