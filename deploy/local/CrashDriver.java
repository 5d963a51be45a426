import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients of deploy/local/crash-test.sh: C clients send N commands to the ledger, many at once;
 * while at least 100 are in flight the service is killed with SIGKILL and restarted, and every
 * command that got no answer is sent again with the same id and body. Writes the ids of the
 * acknowledged and of the retried commands to the output directory for the script to check.
 *   java deploy/local/CrashDriver.java --url U --token T --commands N --clients C --pid-file F --restart CMD --out DIR
 * JDK only, so it runs as a single source file.
 */
public class CrashDriver {

    /** One command as a client keeps it to send again: same id, same body. */
    record Command(String id, String path, String body) {
    }

    private static final int PER_CLIENT = 40;
    private static final int KILL_AT_IN_FLIGHT = 100;

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Set<String> retried = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final CountDownLatch restarted = new CountDownLatch(1);
    private volatile int inFlightAtKill = -1;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    CrashDriver(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new CrashDriver(options).run());
    }

    int run() throws Exception {
        int total = Integer.parseInt(options.getOrDefault("commands", "10000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> customers = new ArrayList<>();
        List<Command> setup = new ArrayList<>();
        for (int i = 0; i < Math.max(16, clients * 4); i++) {
            String customer = "CR-" + run + "-" + i;
            customers.add(customer);
            setup.add(new Command(UUID.randomUUID().toString(), "/customers", """
                    {"customerId": "%s", "name": "Crash customer %d", "occurredOn": "%s"}""".formatted(customer, i, today.minusDays(30))));
            setup.add(invoice(customer, "INV-0", "1000000.00"));
        }
        // the customers exist before the storm: each client's commands act on existing accounts
        for (Command command : setup) {
            if (send(command).join() / 100 != 2) {
                System.err.println("setup failed: " + command + " -> " + answers.get(command.id()));
                return 1;
            }
        }
        Random random = new Random(42);
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            int kind = random.nextInt(100);
            commands.add(kind < 35 ? payment(customer, "P-" + i, (1 + random.nextInt(5000)) / 100.0)
                    : kind < 60 ? invoice(customer, "INV-" + i, "100.00")
                    : kind < 80 ? promise(customer, "PR-" + i)
                    : contact(customer, "CA-" + i));
        }
        Thread monitor = start(() -> killWhenBusy(total));
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Command> mine = commands.subList(c * total / clients, (c + 1) * total / clients);
            threads.add(start(() -> client(mine)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        while (inFlight.get() > 0) {
            Thread.sleep(50);
        }
        monitor.interrupt();
        if (inFlightAtKill < 0) {
            System.out.println("never had " + KILL_AT_IN_FLIGHT + " requests in flight: nothing was killed");
            return 1;
        }
        List<Command> all = new ArrayList<>(setup);
        all.addAll(commands);
        List<Command> unanswered = all.stream().filter(c -> !answered(c)).toList();
        int unansweredBeforeRetry = unanswered.size();
        for (int round = 0; round < 20 && !unanswered.isEmpty(); round++) {
            unanswered.forEach(command -> retried.add(command.id()));
            unanswered.parallelStream().forEach(command -> send(command).join());
            unanswered = unanswered.stream().filter(c -> !answered(c)).toList();
        }
        List<String> acknowledged = all.stream().map(Command::id).filter(id -> answers.getOrDefault(id, 0) / 100 == 2).toList();
        long refused = all.stream().filter(c -> answers.getOrDefault(c.id(), 0) / 100 == 4).count();
        Path out = Path.of(options.get("out"));
        Files.write(out.resolve("acknowledged.txt"), acknowledged);
        Files.write(out.resolve("retried.txt"), retried);
        System.out.printf("commands sent: %d (%d setup), in flight at kill: %d, got no answer: %d, retried: %d, "
                        + "acknowledged: %d, refused: %d, still unanswered: %d%n",
                all.size(), setup.size(), inFlightAtKill, unansweredBeforeRetry, retried.size(), acknowledged.size(), refused, unanswered.size());
        return unanswered.isEmpty() ? 0 : 1;
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    /** An answer the client can rely on: success or a refusal. No answer, a 5xx or a conflict under load is sent again. */
    private boolean answered(Command command) {
        int status = answers.getOrDefault(command.id(), 0);
        return status / 100 == 2 || status / 100 == 4 && status != 409;
    }

    private void client(List<Command> commands) {
        Semaphore slots = new Semaphore(PER_CLIENT);
        for (Command command : commands) {
            try {
                slots.acquire();
                if (killed.get()) {
                    restarted.await();
                }
                started.incrementAndGet();
                send(command).whenComplete((status, e) -> slots.release());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void killWhenBusy(int total) {
        try {
            while (started.get() < total / 5 || inFlight.get() < KILL_AT_IN_FLIGHT) {
                if (started.get() >= total) {
                    return;
                }
                Thread.sleep(1);
            }
            long pid = Long.parseLong(Files.readString(Path.of(options.get("pid-file"))).trim());
            killed.set(true);
            inFlightAtKill = inFlight.get();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            System.out.printf("killed the service (pid %d, SIGKILL) with %d requests in flight after %d sent%n", pid, inFlightAtKill, started.get());
            while (inFlight.get() > 0) {
                Thread.sleep(20);
            }
            Process restart = new ProcessBuilder("bash", "-c", options.get("restart")).inheritIO().start();
            if (restart.waitFor() != 0) {
                System.err.println("the service did not come back");
                System.exit(1);
            }
            restarted.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private java.util.concurrent.CompletableFuture<Integer> send(Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("url") + command.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + options.get("token"))
                .header("Idempotency-Key", command.id())
                .POST(HttpRequest.BodyPublishers.ofString(command.body())).build();
        inFlight.incrementAndGet();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    int status = response == null ? 0 : response.statusCode();
                    answers.put(command.id(), status);
                    inFlight.decrementAndGet();
                    return status;
                });
    }

    private Command invoice(String customer, String invoiceId, String amount) {
        return new Command(UUID.randomUUID().toString(), "/customers/" + customer + "/invoices", """
                {"invoiceId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"},
                 "terms": [{"termId": "T1", "amount": {"amount": "%s", "currency": "CNY"}, "dueDate": "%s"}]}"""
                .formatted(invoiceId, today.minusDays(20), amount, amount, today.plusDays(40)));
    }

    private Command payment(String customer, String paymentId, double amount) {
        return new Command(UUID.randomUUID().toString(), "/customers/" + customer + "/payments", """
                {"paymentId": "%s", "occurredOn": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "method": "BANK_TRANSFER"}"""
                .formatted(paymentId, today.minusDays(1), java.math.BigDecimal.valueOf(amount).setScale(2, java.math.RoundingMode.HALF_UP)));
    }

    private Command promise(String customer, String promiseId) {
        return new Command(UUID.randomUUID().toString(), "/customers/" + customer + "/payment-promises", """
                {"promiseId": "%s", "occurredOn": "%s", "amount": {"amount": "10.00", "currency": "CNY"}, "promisedDate": "%s", "form": "SPOKEN"}"""
                .formatted(promiseId, today.minusDays(1), today.plusDays(7)));
    }

    private Command contact(String customer, String contactId) {
        return new Command(UUID.randomUUID().toString(), "/customers/" + customer + "/contact-attempts", """
                {"contactId": "%s", "occurredOn": "%s", "channel": "PHONE", "outcome": "NOT_REACHED"}"""
                .formatted(contactId, today.minusDays(1)));
    }
}
