package io.collectionsledger.verifier;

import io.collectionsledger.contracts.audit.ChainDigest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * The auditor's command: checks the journal's hash chain, read from the event store or from an
 * export, against digests the auditor kept. Needs neither the service nor its configuration.
 *
 * <pre>
 * java -jar audit-verifier.jar --jdbc jdbc:postgresql://127.0.0.1:5432/ledger [--user U] --digest 1234:ab12... [--digest ...]
 * java -jar audit-verifier.jar --ndjson journal.ndjson --digest 1234:ab12...
 * java -jar audit-verifier.jar --jdbc ... --digest 1000:... --digest 1234:... --earlier journal-of-last-month.ndjson
 * </pre>
 * When a kept digest no longer matches, the chain was rewritten after an event was changed; the
 * verifier names the range between the digest that still matches and the one that does not, and,
 * given an export made before the rewrite ({@code --earlier}), the first event in that range that
 * differs from it.
 * The password, if any, comes from the environment (PGPASSWORD), never the command line. Exit
 * code 0: intact; 1: tampered (the first bad place is printed); 2: wrong usage or unreadable input.
 */
public final class AuditVerifier {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar audit-verifier.jar (--jdbc URL [--user NAME] | --ndjson FILE) --digest POSITION:HASH [--digest ...] [--earlier FILE]
              --jdbc    the event store, e.g. jdbc:postgresql://127.0.0.1:5432/ledger (password from PGPASSWORD)
              --user    database user (default: PGUSER, else the driver's default)
              --ndjson  a journal export (GET /audit/journal.ndjson)
              --digest  a digest you kept from GET /audit/digest; repeat for several
              --earlier an export made before a rewrite the digests find: names the event that was changed
            exit code: 0 intact, 1 tampered, 2 usage or unreadable input""";

    private AuditVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verifier as the command line does and returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        String jdbc = null;
        String user = System.getenv("PGUSER");
        Path ndjson = null;
        Path earlier = null;
        List<ChainDigest> digests = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--jdbc" -> jdbc = required(args[i], value);
                    case "--user" -> user = required(args[i], value);
                    case "--ndjson" -> ndjson = Path.of(required(args[i], value));
                    case "--digest" -> digests.add(ChainDigest.parse(required(args[i], value)));
                    case "--earlier" -> earlier = Path.of(required(args[i], value));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
                i++;
            }
            if ((jdbc == null) == (ndjson == null)) {
                throw new IllegalArgumentException("give either --jdbc or --ndjson");
            }
            if (digests.isEmpty()) {
                throw new IllegalArgumentException("give at least one --digest: without a kept digest a rewritten chain goes unnoticed");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            Verdict verdict = jdbc != null ? verifyStore(jdbc, user, digests) : verifyExport(ndjson, digests);
            out.println(verdict.finding());
            if (!verdict.intact() && verdict.rewritten() != null && earlier != null) {
                out.println(jdbc != null ? changedInStore(jdbc, user, earlier, digests, verdict.rewritten())
                        : changedInExport(ndjson, earlier, digests, verdict.rewritten()));
            }
            return verdict.intact() ? INTACT : TAMPERED;
        } catch (SQLException | IOException | UncheckedIOException | UnreadableJournal e) {
            out.println("cannot read the journal: " + e.getMessage());
            return USAGE;
        }
    }

    public static Verdict verifyStore(String url, String user, List<ChainDigest> digests) throws SQLException {
        try (JdbcJournal journal = new JdbcJournal(connect(url, user))) {
            return ChainVerifier.verify(journal, digests);
        }
    }

    /** Where a kept digest no longer matches: the first event in the range that the journal holds otherwise than the earlier export. */
    private static String changedInStore(String url, String user, Path earlier, List<ChainDigest> digests, Verdict.Rewrite range)
            throws SQLException, IOException {
        try (JdbcJournal journal = new JdbcJournal(connect(url, user))) {
            return changed(journal, earlier, digests, range);
        }
    }

    private static String changedInExport(Path ndjson, Path earlier, List<ChainDigest> digests, Verdict.Rewrite range) throws IOException {
        try (NdjsonJournal journal = new NdjsonJournal(Files.newBufferedReader(ndjson, StandardCharsets.UTF_8))) {
            return changed(journal, earlier, digests, range);
        }
    }

    private static String changed(Iterator<JournalRow> journal, Path earlier, List<ChainDigest> digests, Verdict.Rewrite range)
            throws IOException {
        try (NdjsonJournal check = new NdjsonJournal(Files.newBufferedReader(earlier, StandardCharsets.UTF_8));
             NdjsonJournal compare = new NdjsonJournal(Files.newBufferedReader(earlier, StandardCharsets.UTF_8))) {
            return EarlierExport.firstDifference(journal, check, compare, digests, range);
        }
    }

    private static Connection connect(String url, String user) throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    public static Verdict verifyExport(Path ndjson, List<ChainDigest> digests) throws IOException {
        try (NdjsonJournal journal = new NdjsonJournal(Files.newBufferedReader(ndjson, StandardCharsets.UTF_8))) {
            return ChainVerifier.verify(journal, digests);
        }
    }

    private static String required(String flag, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
