package io.collectionsledger.ledger.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectionsledger.contracts.shared.CommandAccepted;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.Map;

/** The handler of one command route: reads the body as the route's command, the path's variables filling its fields. */
public final class CommandHandler {

    private final CommandRoute route;
    private final CommandEndpoint endpoint;

    CommandHandler(CommandRoute route, CommandEndpoint endpoint) {
        this.route = route;
        this.endpoint = endpoint;
    }

    public CommandRoute route() {
        return route;
    }

    ResponseEntity<CommandAccepted> accept(@PathVariable Map<String, String> pathIds, @RequestBody ObjectNode body, HttpServletRequest request) {
        return endpoint.accept(route, body, pathIds, request);
    }
}
