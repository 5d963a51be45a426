package io.collectionsledger.ledger.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A party a document is from or to: its name, registration number, postal address, the person to
 * attend to it, and for the sender the account it is paid into. The recipient's address and
 * contact person come from its credit file, the sender's from the ledger's own party, each as in
 * force on the document's date; what the ledger does not hold is absent, and the document says so
 * ({@link #missing}).
 *
 * @param role "sender" or "recipient", naming what is missing
 */
public record Party(String role, String name, String registrationNumber, String postalAddress, String postcode, String contactPerson,
                    String contactPhone, String bankName, String bankAccount) {

    static Party blank(String role) {
        return new Party(role, null, null, null, null, null, null, null, null);
    }

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
