package io.collectionsledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.testing.FreshDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The image the build made (profile "image", ledger-service/target/ledger-service-image.tar) runs as
 * a container engine would run it, without one: every layer unpacked in order into a directory, and
 * the image's own entrypoint started in it with the image's environment, as the image's non-root
 * user ({@code chroot --userspec}), with /proc and /dev mounted in a mount namespace of its own as a
 * runtime would. On the test's PostgreSQL it becomes ready, logs ECS JSON (the image's "container"
 * profile), serves Prometheus on the management port without a token, and records a command.
 * Skipped only when the build made no image; CI makes one.
 */
class ImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("ledger.image.tar", "target/ledger-service-image.tar"));
    private static final Path WORK = Path.of("target/image-run");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process container;

    @AfterEach
    void stopAndRemove() throws Exception {
        if (container != null && container.isAlive()) {
            container.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // the unpacked image and root file system take some 500 MB; the container's log stays for a look
        run("rm", "-rf", WORK.resolve("rootfs").toString(), WORK.resolve("image").toString());
    }

    @Test
    void theImagesEntrypointRunsAsItsNonRootUserUntilReadyAndServesTheLedger() throws Exception {
        requireImage();
        assertThat(run("id", "-u").strip()).as("unpacking layers with their owners and chroot need root").isEqualTo("0");

        JsonNode manifest = unpack();
        JsonNode config = JSON.readTree(WORK.resolve("image").resolve(manifest.get("Config").asText()).toFile()).get("config");
        String user = config.get("User").asText();
        assertThat(user).as("the image's user").isNotBlank().isNotIn("0", "root", "0:0");
        assertThat(config.path("WorkingDir").asText("")).as("the test starts the entrypoint in /").isIn("", "/");
        assertThat(config.get("Entrypoint").toString())
                .as("out of heap the service exits for its supervisor to restart it, not lingers with its request threads dead")
                .contains("\"-XX:+ExitOnOutOfMemoryError\"");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();

        int apiPort = freePort();
        int managementPort = freePort();
        Map<String, String> environment = new HashMap<>();
        config.get("Env").forEach(entry -> environment.put(entry.asText().substring(0, entry.asText().indexOf('=')),
                entry.asText().substring(entry.asText().indexOf('=') + 1)));
        environment.put("SERVER_PORT", Integer.toString(apiPort));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        environment.put("SPRING_DATASOURCE_URL", FreshDatabase.another());
        environment.put("SPRING_DATASOURCE_USERNAME", FreshDatabase.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", FreshDatabase.password());
        environment.put("LEDGER_SECURITY_JWT_SECRET", Tokens.SECRET);

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "root=$1 user=$2; shift 2; mount --rbind /dev \"$root/dev\" && mount -t proc proc \"$root/proc\""
                        + " && exec chroot --userspec=\"$user\" \"$root\" \"$@\"",
                "container", WORK.resolve("rootfs").toAbsolutePath().toString(), user));
        config.get("Entrypoint").forEach(part -> command.add(part.asText()));
        config.path("Cmd").forEach(part -> command.add(part.asText()));
        Path log = WORK.resolve("container.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        container = builder.start();

        RestClient management = RestClient.create("http://127.0.0.1:" + managementPort);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreException(ResourceAccessException.class)
                .until(() -> {
                    if (!container.isAlive()) {
                        throw new IllegalStateException("the container stopped; its output:\n" + Files.readString(log));
                    }
                    return status(management, "/actuator/health/readiness").equals("UP");
                });

        String uid = user.split(":")[0];
        assertThat(Files.readAllLines(Path.of("/proc", Long.toString(container.pid()), "status")))
                .as("the service's process runs as the image's user").anySatisfy(line -> assertThat(line).startsWith("Uid:\t" + uid + "\t"));
        assertThat(management.get().uri("/actuator/prometheus").retrieve().body(String.class)).contains("jvm_memory_used_bytes");

        RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + apiPort)
                .defaultHeaders(headers -> headers.setBearerAuth(Tokens.mint("image-test", "service"))).build();
        HttpStatusCode registered = api.post().uri("/customers").contentType(MediaType.APPLICATION_JSON)
                .header(Headers.IDEMPOTENCY_KEY, "image-1")
                .body("{\"customerId\": \"IMG-1\", \"name\": \"Hengda Building Materials Co.\", \"occurredOn\": \"2026-01-05\"}")
                .retrieve().toBodilessEntity().getStatusCode();
        assertThat(registered.value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ecsLines(log))
                .anySatisfy(line -> assertThat(line.at("/ledger/command").asText()).isEqualTo("RegisterCustomer")));
        assertThat(ecsLines(log)).as("every line of the container's output is ECS JSON").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("@timestamp")).isTrue());

        container.destroy();
        assertThat(container.waitFor(60, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
    }

    @Test
    void theComposeFileAndTheKubernetesOverlaysNameTheImageTheBuildMakes() throws Exception {
        requireImage();
        String tag = JSON.readTree(run("tar", "-xOf", IMAGE.toString(), "manifest.json")).get(0).get("RepoTags").get(0).asText();
        String name = tag.substring(0, tag.lastIndexOf(':'));
        String version = tag.substring(tag.lastIndexOf(':') + 1);
        Path deploy = Path.of("../deploy");

        assertThat(Files.readString(deploy.resolve("compose/compose.yaml"))).contains("image: " + tag);
        assertThat(Files.readString(deploy.resolve("k8s/base/deployment.yaml"))).contains("image: " + name);
        for (String overlay : List.of("dev", "prod")) {
            assertThat(Files.readString(deploy.resolve("k8s/overlays/" + overlay + "/kustomization.yaml")))
                    .as("overlay %s", overlay).contains("newTag: " + version);
        }
    }

    /** Skips the test when the build made no image, except in CI, which always makes one (.ci/run). */
    private static void requireImage() {
        String missing = "no image at " + IMAGE.toAbsolutePath() + ": build it with"
                + " mvn -q -T1 -DskipTests package -Dimage.base=$(deploy/image/base.sh)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(IMAGE).as(missing).exists();
        }
        assumeThat(IMAGE).as(missing).exists();
    }

    /** Every layer unpacked in order into target/image-run/rootfs; returns the image's manifest. */
    private static JsonNode unpack() throws Exception {
        run("rm", "-rf", WORK.toString());
        Path image = Files.createDirectories(WORK.resolve("image"));
        Path root = Files.createDirectories(WORK.resolve("rootfs"));
        run("tar", "-xf", IMAGE.toString(), "-C", image.toString());
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.get("Layers")) {
            run("tar", "--numeric-owner", "-xzf", image.resolve(layer.asText()).toString(), "-C", root.toString());
            // a whiteout deletes a lower layer's file; neither the base nor Jib's layers have any, so none is applied here
            assertThat(run("find", root.toString(), "-name", ".wh.*")).as("whiteouts in %s", layer.asText()).isBlank();
        }
        return manifest;
    }

    private static List<JsonNode> ecsLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String status(RestClient client, String path) {
        return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value() == 200
                ? JSON.readTree(response.getBody()).get("status").asText() : "HTTP " + response.getStatusCode().value());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }
}
