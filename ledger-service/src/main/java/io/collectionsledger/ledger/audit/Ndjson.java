package io.collectionsledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Newline-delimited JSON (one object per line), written as it is read, so an export of any size streams. */
final class Ndjson {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private final OutputStream out;
    private final ObjectWriter writer;

    private Ndjson(OutputStream out, ObjectWriter writer) {
        this.out = out;
        this.writer = writer;
    }

    static Ndjson open(HttpServletResponse response, String filename, ObjectMapper mapper) throws IOException {
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new Ndjson(response.getOutputStream(), mapper.writer());
    }

    void write(Object line) {
        try {
            out.write(writer.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
