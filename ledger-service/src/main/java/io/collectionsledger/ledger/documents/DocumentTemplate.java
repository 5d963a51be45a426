package io.collectionsledger.ledger.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The documents the ledger writes: each is a template under {@code documents/templates/} filled
 * from one query's answer. A template's version is the digest of everything that shapes its bytes
 * (the template, the layout it shares, the messages, the font and the renderer's version), so the
 * same inputs under the same version render the same bytes, and a change to any of them is a new
 * version without anyone having to remember to bump a number.
 */
public enum DocumentTemplate {
    DUNNING_LETTER("dunning-letter"),
    STATEMENT_OF_ACCOUNT("statement-of-account"),
    EVIDENCE_PACK("evidence-pack");

    static final String ROOT = "documents/";
    static final String FONT = ROOT + "fonts/LXGWWenKai-Regular.ttf";

    private final String name;
    private final String version;

    DocumentTemplate(String name) {
        this.name = name;
        this.version = name + "@" + digest(name);
    }

    public String templateName() {
        return name;
    }

    /** E.g. dunning-letter@3f9a0c1d2e4b: the template's name and the first 12 hex digits of its digest. */
    public String version() {
        return version;
    }

    private static String digest(String name) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // a list built here: the enum's constants are made before its other static fields
            for (String resource : List.of(ROOT + "templates/" + name + ".html", ROOT + "templates/layout.html", ROOT + "messages.properties",
                    ROOT + "messages_zh_CN.properties", FONT)) {
                try (InputStream in = DocumentTemplate.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing document resource " + resource);
                    }
                    sha256.update(in.readAllBytes());
                }
            }
            sha256.update(PdfRenderer.RENDERER.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
