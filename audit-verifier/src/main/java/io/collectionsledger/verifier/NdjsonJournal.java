package io.collectionsledger.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.collectionsledger.contracts.audit.JournalLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A journal export ({@code GET /audit/journal.ndjson}): one {@link JournalLine} per line, in global index order. */
final class NdjsonJournal implements Iterator<JournalRow>, AutoCloseable {

    private static final ObjectReader LINES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build().readerFor(JournalLine.class);

    private final BufferedReader reader;
    private String line;
    private long lineNumber;

    NdjsonJournal(BufferedReader reader) {
        this.reader = reader;
        advance();
    }

    private void advance() {
        try {
            do {
                line = reader.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return line != null;
    }

    @Override
    public JournalRow next() {
        if (line == null) {
            throw new NoSuchElementException();
        }
        JournalLine read;
        try {
            read = LINES.readValue(line);
        } catch (JsonProcessingException e) {
            throw new UnreadableJournal("line " + lineNumber + " is not a journal line: " + e.getOriginalMessage(), e);
        }
        if (read.hash() != null && read.previousIndex() == null) {
            throw new UnreadableJournal("line " + lineNumber + " has a hash but no previousIndex", null);
        }
        advance();
        return new JournalRow(read.globalIndex(), read.event(), read.hash() == null ? null : read.previousIndex(), read.hash());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
