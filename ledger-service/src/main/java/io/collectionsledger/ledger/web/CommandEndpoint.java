package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.collectionsledger.contracts.shared.CommandAccepted;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.command.CommandContext;
import io.collectionsledger.ledger.command.CommandDispatcher;
import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every command endpoint does: read the convention headers, make the command from the body
 * and the path (the path names the resource, so the body need not repeat its ids), run it once,
 * and answer with the account's version as ETag and the position of its last event.
 */
@Component
class CommandEndpoint {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"");

    private final ObjectMapper mapper;
    private final CommandDispatcher dispatcher;

    CommandEndpoint(ObjectMapper mapper, CommandDispatcher dispatcher) {
        this.mapper = mapper;
        this.dispatcher = dispatcher;
    }

    ResponseEntity<CommandAccepted> accept(CommandRoute route, ObjectNode body, Map<String, String> pathIds, HttpServletRequest request) {
        CommandContext context = contextOf(route, request);
        CommandDispatcher.Outcome outcome = dispatcher.dispatch(bind(route.command(), body, pathIds), context);
        CommandAccepted accepted = outcome.accepted();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .eTag("\"" + accepted.version() + "\"")
                .header(Headers.POSITION, Long.toString(accepted.position()));
        if (outcome.replayed()) {
            response.header(Headers.IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(accepted);
    }

    <C> C bind(Class<C> type, ObjectNode body, Map<String, String> pathIds) {
        if (body == null) {
            throw new UnreadableBatch("the command body is missing");
        }
        pathIds.forEach((field, value) -> {
            JsonNode given = body.get(field);
            if (given != null && !given.isNull() && !given.asText().equals(value)) {
                throw new PathBodyMismatch(field, value, given.asText());
            }
            body.set(field, TextNode.valueOf(value));
        });
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableCommand(e);
        }
    }

    private static CommandContext contextOf(CommandRoute route, HttpServletRequest request) {
        String commandId = required(request, Headers.IDEMPOTENCY_KEY);
        Long expectedVersion = expectedVersion(request);
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            requireNoVersion(route, HttpHeaders.IF_MATCH);
        }
        return context(commandId, expectedVersion);
    }

    /**
     * An account being opened has no version yet, so no version a client expects of it (not even
     * If-Match: *, which asks that it exist) can hold: refused rather than ignored, as a command
     * on an account at another version is.
     */
    static void requireNoVersion(CommandRoute route, String givenAs) {
        if (route.opensAccount()) {
            throw new NoVersionYet(givenAs);
        }
    }

    /** The command's context: the caller as its verified token names it, and the request's correlation id. */
    static CommandContext context(String commandId, Long expectedVersion) {
        Caller caller = Caller.current();
        return new CommandContext(caller.clientId(), commandId, MDC.get(CorrelationIdFilter.MDC_KEY), caller.principal(),
                String.join(",", caller.roles()), expectedVersion);
    }

    static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null) {
            throw new InvalidHeader(header, "is required on every command");
        }
        return checkedKey(header, value);
    }

    /** Command ids end up in logs and keys: the same characters as every other id, a little longer. */
    static String checkedKey(String name, String value) {
        if (value == null || !KEY.matcher(value).matches()) {
            throw new InvalidHeader(name, "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        return value;
    }

    private static Long expectedVersion(HttpServletRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        var version = VERSION.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new InvalidHeader(HttpHeaders.IF_MATCH, "must be the ETag of a previous answer, such as \"3\"");
        }
        return Long.parseLong(version.group(1));
    }
}
