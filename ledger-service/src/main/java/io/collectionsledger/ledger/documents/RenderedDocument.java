package io.collectionsledger.ledger.documents;

import java.util.List;

/**
 * A document as rendered: the PDF's bytes, their SHA-256 (hex) and the version of the template
 * that made them, and what the document still lacks (a party's address, say) for it to be sent.
 */
public record RenderedDocument(byte[] pdf, String sha256, String templateVersion, String filename, List<String> missing) {
}
