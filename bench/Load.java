import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/run.sh: a data set through the bulk import, commands over HTTP at
 * fixed rates (open loop: latency counts from the intended send time, so a slow answer delays no
 * later request and hides nothing), report latencies, and read-model rebuilds. Single-file
 * (java bench/Load.java MODE ...), no dependencies: latencies are kept whole and sorted, exact.
 *
 *   import   --customers N --invoices M [--seed S] [--batch 1000] [--concurrency 4]
 *   commands --customers N [--seed S] [--seconds 20] [--workers 16] [--fractions 0.25,0.5,0.75,1] [--rates R,R,..] [--mix all|payments]
 *   aging    --customers N [--seed S] [--samples 200] [--portfolio-samples 20] [--past-days 180]
 *   lookups  --customers N [--seed S] [--samples 200] [--past-days 180]
 *   rebuild  [--timeout 3600] [--model NAME]
 *   caught-up [--timeout 3600]
 *   profile  FILE.jfr [--top 20]   (where the service spent its CPU: methods by own samples, and the ledger's and Axon's by total)
 *   show     [--customer 1] [--invoices 20] [--seed S]   (one customer's history, as imported)
 *
 * env: BENCH_URL (http://127.0.0.1:28180), BENCH_TOKEN (sent as a bearer token when set).
 */
public class Load {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.now(BUSINESS_ZONE);
    static final String URL = System.getenv().getOrDefault("BENCH_URL", "http://127.0.0.1:28180");
    static final String TOKEN = System.getenv().getOrDefault("BENCH_TOKEN", "");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options o = new Options(options);
        if (args.length > 0 && args[0].equals("profile")) {
            options.clear();
            for (int i = 2; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "import" -> new Import(o).run();
            case "commands" -> new Commands(o).run();
            case "aging" -> new Aging(o).run();
            case "lookups" -> new Lookups(o).run();
            case "metrics" -> Metrics.run((int) o.num("samples", 50));
            case "rebuild" -> ReadModels.rebuild(o.num("timeout", 3600), o.text("model", ""));
            case "caught-up" -> ReadModels.awaitCaughtUp(o.num("timeout", 3600));
            case "profile" -> Profile.print(java.nio.file.Path.of(args[1]), (int) o.num("top", 20));
            case "show" -> history((int) o.num("customer", 1), (int) o.num("invoices", 20), o.num("seed", 7))
                    .forEach(fact -> System.out.println(fact.type() + " " + fact.json()));
            default -> {
                System.err.println("usage: java bench/Load.java import|commands|aging|lookups|metrics|rebuild|caught-up [--option value]...");
                System.exit(2);
            }
        }
    }

    record Options(Map<String, String> values) {
        long num(String name, long fallback) {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        }

        String text(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }

    // ---------------------------------------------------------------- HTTP

    static HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(URL + path)).timeout(Duration.ofSeconds(120))
                .header("X-Client-Id", "bench");
        if (!TOKEN.isEmpty()) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return builder;
    }

    static HttpRequest post(String path, String commandId, String json) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (commandId != null) {
            builder.header("Idempotency-Key", commandId);
        }
        return builder.build();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An administrator's GET: one answered 503 (the database out of reach for a moment) is sent again after Retry-After, as a client should. */
    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET().build());
        for (int attempt = 1; response.statusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            response = send(request(path).GET().build());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\":\"urn:collections-ledger:problem:([a-z-]+)\"");

    /** Problem types (or HTTP status) of refused commands, counted, for the report. */
    static final class Refusals {
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void add(String reason) {
            counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        }

        void addProblems(String body) {
            Matcher m = PROBLEM_TYPE.matcher(body);
            while (m.find()) {
                add(m.group(1));
            }
        }

        @Override
        public String toString() {
            return counts.isEmpty() ? "none" : new TreeMap<>(counts).toString();
        }
    }

    // ---------------------------------------------------------------- the data set

    static String money(long cents) {
        return "{\"amount\":\"" + cents / 100 + "." + String.format("%02d", cents % 100) + "\",\"currency\":\"CNY\"}";
    }

    static String customerId(int n) {
        return String.format("BC-%06d", n);
    }

    /** One command of a customer's history, at its business date; the kind orders facts of one day. */
    record Fact(LocalDate on, int kind, int seq, String type, String commandId, String json) {
    }

    /**
     * A customer's history as an ERP would export it, in business-date order: registration,
     * collector, one contract (net 30, 60 or 90 days from the invoice), a signed delivery and an
     * invoice every few weeks over the last 18 months, and payments as the customer pays: most pay
     * about on time, some late, some stop paying; an invoice left unpaid a month past due gets a
     * dunning letter (mostly confirmed delivered by the courier) and a written promise to pay.
     * Payments pay invoices whole and in order, so what each one settles is known here too.
     */
    static List<Fact> history(int n, int invoices, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        String c = customerId(n);
        List<Fact> facts = new ArrayList<>();
        LocalDate registered = TODAY.minusDays(800 + random.nextInt(200));
        facts.add(new Fact(registered, 0, 0, "RegisterCustomer", c + "-reg", "{\"customerId\":\"" + c
                + "\",\"name\":\"Bench Trading Co. " + n + "\",\"registrationNumber\":\"9131" + String.format("%014d", n)
                + "\",\"occurredOn\":\"" + registered + "\",\"creditFile\":{\"registeredCapital\":" + money((1 + random.nextInt(500)) * 10_000_00L)
                + ",\"responsibleForPayment\":\"Finance manager " + n + "\"}}"));
        facts.add(new Fact(registered, 1, 0, "AssignCollector", c + "-col", "{\"customerId\":\"" + c + "\",\"occurredOn\":\"" + registered
                + "\",\"collector\":\"collector-" + (n % 25) + "\",\"tier\":\"" + "ABC".charAt(random.nextInt(3)) + "\"}"));
        int netDays = 30 * (1 + random.nextInt(3));
        LocalDate signed = registered.plusDays(10);
        facts.add(new Fact(signed, 2, 0, "RecordContract", c + "-k1", "{\"customerId\":\"" + c + "\",\"contractId\":\"K-1\",\"occurredOn\":\""
                + signed + "\",\"validity\":[{\"kind\":\"COUNTERPARTY_STAMP\",\"documentRef\":\"K-1-" + n + "-stamped.pdf\"}],"
                + "\"paymentTerms\":[{\"termId\":\"NET\",\"percent\":100,\"trigger\":\"ON_INVOICE\",\"days\":" + netDays + "}],"
                + "\"lateFees\":{\"dailyRatePercent\":0.05,\"capPercentOfPrincipal\":30,\"debtorBearsCollectionCosts\":true},"
                + "\"disputeClause\":{\"forum\":\"LITIGATION\",\"body\":\"Shanghai Pudong New Area People's Court\"}}"));

        // payers: 60% about on time, 25% late, 15% stop paying at some point
        int behaviour = random.nextInt(100);
        int stopsAt = behaviour >= 85 ? random.nextInt(invoices) : invoices;
        long span = 540;
        LocalDate lastPaid = null;
        boolean paying = true;
        int firstUnpaid = -1;
        LocalDate firstUnpaidDue = null;
        long firstUnpaidCents = 0;
        for (int j = 0; j < invoices; j++) {
            LocalDate issued = TODAY.minusDays(span - (span - 1) * j / Math.max(1, invoices - 1));
            if (issued.isAfter(TODAY.minusDays(1))) {
                issued = TODAY.minusDays(1);
            }
            long cents = (1_000 + random.nextInt(199_000)) * 100L + random.nextInt(100);
            String d = "D-" + j;
            String receipt = random.nextInt(10) == 0
                    ? "\"missingReceiptReason\":\"the driver did not bring the signed receipt back\""
                    : "\"signedReceipt\":{\"signedBy\":\"warehouse keeper\",\"signedOn\":\"" + issued + "\",\"documentRef\":\"DN-" + n + "-" + j + ".pdf\"}";
            facts.add(new Fact(issued, 3, j, "RecordDelivery", c + "-d" + j, "{\"customerId\":\"" + c + "\",\"deliveryId\":\"" + d
                    + "\",\"occurredOn\":\"" + issued + "\",\"details\":{\"kind\":\"GOODS\",\"contractId\":\"K-1\",\"description\":\"" + (5 + j % 40)
                    + " t cement, grade 42.5\"," + receipt + "}}"));
            facts.add(new Fact(issued, 4, j, "IssueInvoice", c + "-i" + j, "{\"customerId\":\"" + c + "\",\"invoiceId\":\"INV-" + j
                    + "\",\"contractId\":\"K-1\",\"occurredOn\":\"" + issued + "\",\"amount\":" + money(cents) + ",\"deliveryIds\":[\"" + d
                    + "\"],\"documentRef\":\"fapiao-" + n + "-" + j + ".pdf\"}"));
            LocalDate due = issued.plusDays(netDays);
            int delay = behaviour < 60 ? random.nextInt(16) - 10 : 10 + random.nextInt(60);
            LocalDate paidOn = due.plusDays(delay);
            if (paidOn.isBefore(issued)) {
                paidOn = issued;
            }
            if (lastPaid != null && paidOn.isBefore(lastPaid)) {
                paidOn = lastPaid;
            }
            paying = paying && j < stopsAt && paidOn.isBefore(TODAY);
            if (paying) {
                lastPaid = paidOn;
                facts.add(new Fact(paidOn, 5, j, "RecordPayment", c + "-p" + j, "{\"customerId\":\"" + c + "\",\"paymentId\":\"P-" + j
                        + "\",\"occurredOn\":\"" + paidOn + "\",\"amount\":" + money(cents) + ",\"method\":\""
                        + (random.nextInt(5) == 0 ? "BANK_ACCEPTANCE_BILL" : "BANK_TRANSFER") + "\",\"reference\":\"BANK-" + n + "-" + j + "\"}"));
            } else if (firstUnpaid < 0) {
                firstUnpaid = j;
                firstUnpaidDue = due;
                firstUnpaidCents = cents;
            }
        }
        LocalDate sent = firstUnpaid < 0 ? null : firstUnpaidDue.plusDays(30);
        if (sent != null && sent.plusDays(5).isBefore(TODAY)) {
            // the first unpaid invoice, a month past due: a letter, mostly confirmed delivered, then a written promise
            String invoice = "\"INV-" + firstUnpaid + "\"";
            facts.add(new Fact(sent, 6, 0, "SendDunningLetter", c + "-l1", "{\"customerId\":\"" + c + "\",\"letterId\":\"L-1\",\"occurredOn\":\""
                    + sent + "\",\"level\":1,\"invoiceIds\":[" + invoice + "],\"amountDemanded\":" + money(firstUnpaidCents)
                    + ",\"lateFeesDemanded\":" + money(0) + ",\"deadline\":\"" + sent.plusDays(10) + "\",\"rightsReserved\":true,"
                    + "\"courier\":\"EMS\",\"waybill\":\"EA" + String.format("%09d", n) + "CN\",\"documentRef\":\"dunning-" + n + "-L-1.pdf\"}"));
            if (random.nextInt(10) < 7) {
                facts.add(new Fact(sent.plusDays(3), 7, 0, "ConfirmDunningLetterDelivery", c + "-l1d", "{\"customerId\":\"" + c
                        + "\",\"letterId\":\"L-1\",\"occurredOn\":\"" + sent.plusDays(3) + "\",\"receivedBy\":\"reception\",\"proofRef\":\"EMS-proof-" + n + ".pdf\"}"));
            }
            facts.add(new Fact(sent.plusDays(5), 8, 0, "RecordPaymentPromise", c + "-pr1", "{\"customerId\":\"" + c + "\",\"promiseId\":\"PR-1\","
                    + "\"occurredOn\":\"" + sent.plusDays(5) + "\",\"amount\":" + money(firstUnpaidCents) + ",\"promisedDate\":\"" + sent.plusDays(20)
                    + "\",\"form\":\"WRITTEN\",\"collector\":\"collector-" + (n % 25) + "\",\"invoiceIds\":[" + invoice
                    + "],\"documentRef\":\"commitment-" + n + "-PR-1.pdf\"}"));
        }
        facts.sort(Comparator.comparing(Fact::on).thenComparingInt(Fact::kind).thenComparingInt(Fact::seq));
        return facts;
    }

    static final class Import {
        final int customers;
        final int invoices;
        final long seed;
        final int batchSize;
        final int concurrency;
        final AtomicInteger nextCustomer = new AtomicInteger(1);
        final LongAdder items = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder batches = new LongAdder();
        /** Batches answered 503 and sent again after Retry-After, as the README tells a client to: the items' command ids make it safe. */
        final LongAdder resent = new LongAdder();
        final Refusals refusals = new Refusals();

        Import(Options o) {
            customers = (int) o.num("customers", 10_000);
            invoices = (int) o.num("invoices", 200_000);
            seed = o.num("seed", 7);
            batchSize = (int) o.num("batch", 1000);
            concurrency = (int) o.num("concurrency", 4);
        }

        /** The next batch: whole customers, so that no customer's history is split across batches sent at once. */
        String nextBatch() {
            StringBuilder json = new StringBuilder(batchSize * 400).append("{\"items\":[");
            int count = 0;
            int perCustomer = invoices / customers;
            while (count < batchSize) {
                int n = nextCustomer.getAndIncrement();
                if (n > customers) {
                    break;
                }
                int extra = n <= invoices % customers ? 1 : 0;
                for (Fact fact : history(n, perCustomer + extra, seed)) {
                    json.append(count++ == 0 ? "" : ",").append("{\"commandId\":\"bench-").append(fact.commandId())
                            .append("\",\"type\":\"").append(fact.type()).append("\",\"command\":").append(fact.json()).append('}');
                }
            }
            items.add(count);
            return count == 0 ? null : json.append("]}").toString();
        }

        void run() throws Exception {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            AtomicLong lastReport = new AtomicLong(start);
            for (int t = 0; t < concurrency; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        for (String batch; (batch = nextBatch()) != null; ) {
                            HttpResponse<String> response = send(post("/imports", null, batch));
                            for (int attempt = 1; response.statusCode() == 503 && attempt < 10; attempt++) {
                                resent.increment();
                                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                                response = send(post("/imports", null, batch));
                            }
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("POST /imports answered " + response.statusCode() + ": " + response.body());
                            }
                            accepted.add(count(response.body(), "accepted"));
                            if (count(response.body(), "refused") > 0) {
                                refusals.addProblems(response.body());
                            }
                            batches.increment();
                            long now = System.nanoTime();
                            long last = lastReport.get();
                            if (now - last > 30e9 && lastReport.compareAndSet(last, now)) {
                                System.err.printf("  import: %d of %d customers, %d commands, %.0f commands/s%n", Math.min(customers, nextCustomer.get() - 1),
                                        customers, accepted.sum(), accepted.sum() / ((now - start) / 1e9));
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(1);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "import-commands %d accepted of %d in %d batches of <=%d items, %d at once%n",
                    accepted.sum(), items.sum(), batches.sum(), batchSize, concurrency);
            System.out.printf(Locale.ROOT, "import-seconds %.1f%n", seconds);
            System.out.printf(Locale.ROOT, "import-commands-per-second %.0f%n", accepted.sum() / seconds);
            System.out.println("import-refused " + refusals);
            System.out.println("import-resent " + resent.sum() + " batches answered 503 database-unavailable and sent again after Retry-After");
        }

        static long count(String body, String field) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    // ---------------------------------------------------------------- commands over HTTP

    /**
     * Commands as collectors and other services send them, on existing customers but for a few new
     * ones: payments, contact attempts, promises, invoices, deliveries, registrations.
     */
    static final class Commands {
        final int customers;
        final long seed;
        final int seconds;
        final int workers;
        final double[] fractions;
        /** Open-loop rates given outright, to load another service at the rates measured on the ledger. */
        final double[] rates;
        /** "payments": RecordPayment alone, the one command the benchmark's peer (bench/peer) takes. */
        final boolean paymentsOnly;
        final AtomicLong sequence = new AtomicLong();
        final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

        Commands(Options o) {
            customers = (int) o.num("customers", 10_000);
            seed = o.num("seed", 7);
            seconds = (int) o.num("seconds", 20);
            workers = (int) o.num("workers", 16);
            // "none": the closed-loop peak alone, as measured beside a rebuild
            String steps = o.text("fractions", "0.25,0.5,0.75,1");
            fractions = steps.equals("none") ? new double[0] : Arrays.stream(steps.split(",")).mapToDouble(Double::parseDouble).toArray();
            rates = o.text("rates", "").isEmpty() ? null : Arrays.stream(o.text("rates", "").split(",")).mapToDouble(Double::parseDouble).toArray();
            paymentsOnly = o.text("mix", "all").equals("payments");
        }

        HttpRequest next(SplittableRandom random) {
            long i = sequence.incrementAndGet();
            String id = "load-" + run + "-" + i;
            String c = customerId(1 + random.nextInt(customers));
            String today = TODAY.toString();
            int pick = paymentsOnly ? 0 : random.nextInt(100);
            if (pick < 35) {
                return post("/customers/" + c + "/payments", id, "{\"paymentId\":\"LP-" + run + "-" + i + "\",\"occurredOn\":\"" + today
                        + "\",\"amount\":" + money((100 + random.nextInt(5000)) * 100L) + ",\"method\":\"BANK_TRANSFER\",\"reference\":\"" + id + "\"}");
            } else if (pick < 65) {
                return post("/customers/" + c + "/contact-attempts", id, "{\"contactId\":\"LC-" + run + "-" + i + "\",\"occurredOn\":\"" + today
                        + "\",\"collector\":\"collector-" + random.nextInt(25) + "\",\"channel\":\"PHONE\",\"partyReached\":\"finance manager\","
                        + "\"outcome\":\"REACHED_NO_COMMITMENT\",\"recordingRef\":\"call-" + id + "\"}");
            } else if (pick < 80) {
                return post("/customers/" + c + "/payment-promises", id, "{\"promiseId\":\"LR-" + run + "-" + i + "\",\"occurredOn\":\"" + today
                        + "\",\"amount\":" + money((10 + random.nextInt(500)) * 100L) + ",\"promisedDate\":\"" + TODAY.plusDays(7 + random.nextInt(21))
                        + "\",\"form\":\"SPOKEN\",\"collector\":\"collector-" + random.nextInt(25) + "\"}");
            } else if (pick < 92) {
                return post("/customers/" + c + "/invoices", id, "{\"invoiceId\":\"LI-" + run + "-" + i + "\",\"contractId\":\"K-1\",\"occurredOn\":\""
                        + today + "\",\"amount\":" + money((1_000 + random.nextInt(199_000)) * 100L) + ",\"documentRef\":\"fapiao-" + id + ".pdf\"}");
            } else if (pick < 97) {
                return post("/customers/" + c + "/deliveries", id, "{\"deliveryId\":\"LD-" + run + "-" + i + "\",\"occurredOn\":\"" + today
                        + "\",\"details\":{\"kind\":\"GOODS\",\"contractId\":\"K-1\",\"description\":\"12 t cement, grade 42.5\",\"signedReceipt\":"
                        + "{\"signedBy\":\"warehouse keeper\",\"signedOn\":\"" + today + "\",\"documentRef\":\"DN-" + id + ".pdf\"}}}");
            }
            return post("/customers", id, "{\"customerId\":\"LN-" + run + "-" + i + "\",\"name\":\"New Customer " + i + "\",\"occurredOn\":\"" + today + "\"}");
        }

        void run() throws Exception {
            System.err.println("  commands: warm-up, " + seconds + " s closed loop");
            closedLoop(seconds);
            long peakFrom = System.currentTimeMillis();
            Step peak = closedLoop(seconds);
            long peakTo = System.currentTimeMillis();
            System.out.printf(Locale.ROOT, "commands-peak %.0f commands/s (closed loop, %d clients, %d s) p50 %s p99 %s errors %s%n",
                    peak.throughput(), workers, seconds, ms(peak.percentile(50)), ms(peak.percentile(99)), peak.refusals());
            // when the peak ran, so that what happened in the journal meanwhile can be told apart
            System.out.printf(Locale.ROOT, "commands-peak-window %d %d (epoch ms)%n", peakFrom, peakTo);
            System.out.println("commands-open-loop   rate/s  achieved/s      p50      p95      p99    p99.9      max  refused");
            for (int f = 0; f < (rates != null ? rates.length : fractions.length); f++) {
                double fraction = rates != null ? rates[f] / peak.throughput() : fractions[f];
                double rate = rates != null ? rates[f] : Math.max(1, Math.round(peak.throughput() * fraction));
                System.err.printf(Locale.ROOT, "  commands: open loop at %.0f/s for %d s%n", rate, seconds);
                Step step = openLoop(rate, seconds);
                String label = rates != null ? "commands-at-rate" : String.format(Locale.ROOT, "commands-at-%.2f-peak", fraction);
                System.out.printf(Locale.ROOT, "%s %7.0f %10.0f %8s %8s %8s %8s %8s  %s%n", label, rate, step.throughput(),
                        ms(step.percentile(50)), ms(step.percentile(95)), ms(step.percentile(99)), ms(step.percentile(99.9)), ms(step.percentile(100)),
                        step.refusals());
            }
        }

        /** Clients that each send the next command as soon as the last one is answered: the most the service does. */
        Step closedLoop(int seconds) throws InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            Refusals refusals = new Refusals();
            long[][] latencies = new long[workers][200_000];
            int[] counts = new int[workers];
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                SplittableRandom random = new SplittableRandom(seed + w + sequence.get());
                Thread thread = new Thread(() -> {
                    long[] mine = latencies[worker];
                    int k = 0;
                    while (System.nanoTime() < end && k < mine.length) {
                        HttpRequest request = next(random);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = send(request);
                            if (response.statusCode() != 200) {
                                refusals.add(response.statusCode() + " " + problem(response.body()));
                            }
                        } catch (Exception e) {
                            refusals.add(e.getClass().getSimpleName());
                        }
                        mine[k++] = System.nanoTime() - sent;
                    }
                    counts[worker] = k;
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int w = 0; w < workers; w++) {
                System.arraycopy(latencies[w], 0, all, at, counts[w]);
                at += counts[w];
            }
            return new Step(all, all.length / elapsed, refusals);
        }

        /**
         * Requests sent at fixed intervals whatever the answers do; each latency counts from when the
         * request was due to be sent, so a stalled service shows as latency, not as fewer requests.
         */
        Step openLoop(double rate, int seconds) throws InterruptedException {
            int total = (int) Math.round(rate * seconds);
            long[] latencies = new long[total];
            Refusals refusals = new Refusals();
            CountDownLatch done = new CountDownLatch(total);
            Semaphore inFlight = new Semaphore(4096);
            SplittableRandom random = new SplittableRandom(seed + sequence.get());
            AtomicLong lastAnswer = new AtomicLong();
            long start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < total; i++) {
                long intended = start + (long) (i * 1e9 / rate);
                HttpRequest request = next(random);
                for (long wait; (wait = intended - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                int index = i;
                HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    long now = System.nanoTime();
                    latencies[index] = now - intended;
                    lastAnswer.accumulateAndGet(now, Math::max);
                    if (error != null) {
                        refusals.add(error.getClass().getSimpleName());
                    } else if (response.statusCode() != 200) {
                        refusals.add(response.statusCode() + " " + problem(response.body()));
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still unanswered 300 s after the last was sent");
            }
            return new Step(latencies, total / ((lastAnswer.get() - start) / 1e9), refusals);
        }

        static String problem(String body) {
            Matcher m = PROBLEM_TYPE.matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    record Step(long[] latencies, double throughput, Refusals refusals) {
        Step {
            Arrays.sort(latencies);
        }

        long percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000L ? "%.2fms" : nanos < 1_000_000_000L ? "%.0fms" : "%.0fms", nanos / 1e6);
    }

    // ---------------------------------------------------------------- the aging report

    static final class Aging {
        final int customers;
        final long seed;
        final int samples;
        final int portfolioSamples;
        final LocalDate past;

        Aging(Options o) {
            customers = (int) o.num("customers", 10_000);
            seed = o.num("seed", 7);
            samples = (int) o.num("samples", 200);
            portfolioSamples = (int) o.num("portfolio-samples", 20);
            past = TODAY.minusDays(o.num("past-days", 180));
        }

        void run() throws Exception {
            Random random = new Random(seed);
            measure("aging-one-customer-today", samples, i -> "/aging?customerId=" + customerId(1 + random.nextInt(customers)));
            measure("aging-one-customer-past", samples, i -> "/aging?customerId=" + customerId(1 + random.nextInt(customers)) + "&asOf=" + past);
            // the portfolio's first page of customers (the default size) with the whole portfolio's totals, as a person opens it
            measure("aging-portfolio-today", portfolioSamples, i -> "/aging?limit=100");
            measure("aging-portfolio-past", portfolioSamples, i -> "/aging?limit=100&asOf=" + past);
        }

        /**
         * One request at a time, after a few to warm up: the latency a person waits for the report. A request
         * refused is counted and said, not taken for an answer, and the run goes on to its other steps.
         */
        static void measure(String name, int count, IntFunction<String> path) throws Exception {
            Map<String, Integer> failed = new TreeMap<>();
            for (int i = 0; i < Math.min(5, count); i++) {
                answer(path.apply(i), failed);
            }
            long[] latencies = new long[count];
            int answered = 0;
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                String p = path.apply(i);
                long start = System.nanoTime();
                String body = answer(p, failed);
                if (body != null) {
                    latencies[answered++] = System.nanoTime() - start;
                    bytes += body.length();
                }
            }
            String refused = failed.isEmpty() ? "" : "  REFUSED " + failed;
            if (answered == 0) {
                System.out.printf(Locale.ROOT, "%-26s no answer in %d requests%s%n", name, count, refused);
                return;
            }
            Step step = new Step(Arrays.copyOf(latencies, answered), 0, new Refusals());
            System.out.printf(Locale.ROOT, "%-26s p50 %8s  p95 %8s  max %8s  (%d requests, %.0f KiB each)%s%n", name,
                    ms(step.percentile(50)), ms(step.percentile(95)), ms(step.percentile(100)), answered, bytes / 1024.0 / answered, refused);
        }

        /** The body of a 200, or null with the refusal counted by status and problem type. */
        static String answer(String path, Map<String, Integer> failed) throws IOException, InterruptedException {
            HttpResponse<String> response = send(request(path).GET().build());
            if (response.statusCode() == 200) {
                return response.body();
            }
            Matcher type = PROBLEM_TYPE.matcher(response.body());
            failed.merge(response.statusCode() + (type.find() ? " " + type.group(1) : ""), 1, Integer::sum);
            return null;
        }
    }

    // ---------------------------------------------------------------- records read back

    /** A customer's file, one of its invoices, and pages of 100 customers, as another service's screen asks for them. */
    static final class Lookups {
        final int customers;
        final long seed;
        final int samples;
        final LocalDate past;

        Lookups(Options o) {
            customers = (int) o.num("customers", 10_000);
            seed = o.num("seed", 7);
            samples = (int) o.num("samples", 200);
            past = TODAY.minusDays(o.num("past-days", 180));
        }

        void run() throws Exception {
            Random random = new Random(seed);
            Aging.measure("customer-file", samples, i -> "/customers/" + customerId(1 + random.nextInt(customers)));
            Aging.measure("customer-file-past", samples, i -> "/customers/" + customerId(1 + random.nextInt(customers)) + "?asOf=" + past);
            // every imported customer has INV-0, its first invoice
            Aging.measure("invoice", samples, i -> "/customers/" + customerId(1 + random.nextInt(customers)) + "/invoices/INV-0");
            Aging.measure("customers-page-by-name", samples, i -> {
                int n = 1 + random.nextInt(customers);
                return "/customers?limit=100&after=" + cursor("Bench Trading Co. " + n, customerId(n));
            });
            Aging.measure("customers-page-by-open", samples, i -> "/customers?limit=100&sort=OPEN_AMOUNT&currency=CNY");
            Aging.measure("customers-page-collector", samples, i -> "/customers?limit=100&collector=collector-" + random.nextInt(25));
        }

        /** A page's cursor by name, as the service writes it (base64url of the name, a line feed and the id). */
        static String cursor(String name, String customerId) {
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((name + "\n" + customerId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- portfolio metrics

    /** Twelve months of the whole portfolio's metrics (issue 23: p95 at most 200 ms at the large scale), overall and by collector. */
    static final class Metrics {
        static void run(int samples) throws Exception {
            Aging.measure("metrics-12-months", samples, i -> "/portfolio-metrics");
            Aging.measure("metrics-12-months-past", samples, i -> "/portfolio-metrics?asOf=" + TODAY.minusDays(180));
            Aging.measure("metrics-12-months-collector", samples, i -> "/portfolio-metrics?by=collector");
            Aging.measure("metrics-13-weeks", samples, i -> "/portfolio-metrics?period=week");
        }
    }

    // ---------------------------------------------------------------- read models

    static final class ReadModels {
        static final Pattern MODEL = Pattern.compile(
                "\\{\"name\":\"([^\"]+)\",\"segments\":\\{([^}]*)\\},\"journalHead\":(\\d+),\"caughtUp\":(true|false),"
                        + "\"replaying\":(?:true|false),\"rebuilding\":(true|false)");

        /**
         * Whether each read model has processed the whole journal and is not being rebuilt: caughtUp, or
         * every segment at the journal's head (Axon's replay token leaves replay only with an event past
         * the reset point, so caughtUp could stay false on a quiet journal though nothing is left).
         */
        static Map<String, Boolean> caughtUp() throws Exception {
            Map<String, Boolean> models = new LinkedHashMap<>();
            Matcher m = MODEL.matcher(get("/admin/read-models"));
            while (m.find()) {
                long head = Long.parseLong(m.group(3));
                List<Long> positions = m.group(2).isBlank() ? List.of()
                        : Arrays.stream(m.group(2).split(",")).map(entry -> Long.parseLong(entry.split(":")[1].trim())).toList();
                models.put(m.group(1), (Boolean.parseBoolean(m.group(4)) || (!positions.isEmpty() && positions.stream().allMatch(p -> p >= head)))
                        && !Boolean.parseBoolean(m.group(5)));
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("GET /admin/read-models names no read model");
            }
            return models;
        }

        static void awaitCaughtUp(long timeoutSeconds) throws Exception {
            long start = System.nanoTime();
            await(start, timeoutSeconds, new TreeMap<>());
            System.out.printf(Locale.ROOT, "caught-up-seconds %.1f%n", (System.nanoTime() - start) / 1e9);
        }

        /**
         * Rebuilds every read model at once (one request: the service reads the journal once for all), as an
         * operator would after a change, or the one named alone, and times each until its new tables have
         * replaced the live ones.
         */
        static void rebuild(long timeoutSeconds, String model) throws Exception {
            Map<String, Boolean> models = caughtUp();
            if (!model.isEmpty() && !models.containsKey(model)) {
                throw new IllegalArgumentException("no read model " + model + " among " + models.keySet());
            }
            long start = System.nanoTime();
            String path = model.isEmpty() ? "/admin/read-models/rebuild" : "/admin/read-models/" + model + "/rebuild";
            HttpResponse<String> response = send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("rebuild answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Double> finished = new TreeMap<>();
            await(start, timeoutSeconds, finished);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (model.isEmpty()) {
                System.out.printf(Locale.ROOT, "rebuild-seconds %.1f (%d read models at once: %s)%n", seconds, models.size(),
                        finished.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).toList());
            } else {
                System.out.printf(Locale.ROOT, "rebuild-seconds %.1f (%s alone)%n", seconds, model);
            }
        }

        static void await(long start, long timeoutSeconds, Map<String, Double> finished) throws Exception {
            while (true) {
                Map<String, Boolean> models = caughtUp();
                double elapsed = (System.nanoTime() - start) / 1e9;
                models.forEach((name, done) -> {
                    if (done) {
                        finished.putIfAbsent(name, elapsed);
                    } else {
                        finished.remove(name);
                    }
                });
                if (models.values().stream().allMatch(done -> done)) {
                    return;
                }
                if (elapsed > timeoutSeconds) {
                    throw new IllegalStateException("read models not caught up after " + timeoutSeconds + " s: " + models);
                }
                Thread.sleep(200);
            }
        }
    }

    // ---------------------------------------------------------------- where the time went

    static final class Profile {
        /** Wrappers that sit under everything and say nothing about where the time goes. */
        static final Pattern WRAPPER = Pattern.compile("\\$\\$Lambda|\\.lambda\\$|Span\\.run|InterceptorChain|Scope\\.execute|\\.proceed$|\\.invoke$|\\.doFilter");

        /**
         * Execution samples of a flight recording: the hottest methods by own samples, each with the
         * nearest caller outside the JDK (who asked for it), then the ledger's and Axon's methods by
         * the samples under them.
         */
        static void print(java.nio.file.Path file, int top) throws IOException {
            Map<String, Integer> self = new java.util.HashMap<>();
            Map<String, Map<String, Integer>> callers = new java.util.HashMap<>();
            Map<String, Integer> total = new java.util.HashMap<>();
            int samples = 0;
            for (jdk.jfr.consumer.RecordedEvent event : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<String> frames = event.getStackTrace().getFrames().stream().map(Profile::name).toList();
                self.merge(frames.get(0), 1, Integer::sum);
                String caller = frames.stream().filter(n -> !n.matches("(java|javax|jdk|sun)\\..*")).findFirst().orElse("-");
                callers.computeIfAbsent(frames.get(0), k -> new java.util.HashMap<>()).merge(caller, 1, Integer::sum);
                frames.stream().filter(n -> n.startsWith("io.collectionsledger") || n.startsWith("org.axonframework"))
                        .filter(n -> !WRAPPER.matcher(n).find()).distinct().forEach(n -> total.merge(n, 1, Integer::sum));
            }
            int all = Math.max(1, samples);
            System.out.println("profile: " + samples + " CPU samples; hottest methods by own samples, <- the nearest caller outside the JDK:");
            self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s <- %s%n", 100.0 * e.getValue() / all, e.getKey(),
                            callers.get(e.getKey()).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
            System.out.println("profile: the ledger's and Axon's methods by samples under them:");
            total.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        }

        static String name(jdk.jfr.consumer.RecordedFrame frame) {
            return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        }
    }
}
