package io.collectionsledger.ledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One log line for every request the service refuses, whoever refused it (the token check, the
 * rules, the framework): method, path, status, problem type, the client when its token was
 * verified, and how long it took. Outside the security filters, so that their refusals are
 * counted too; after {@link CorrelationIdFilter}, so that the line carries the correlation id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedRequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequestLog.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status >= 400) {
                String type = request.getAttribute(Problems.TYPE_ATTRIBUTE) instanceof String given ? given : "none";
                String client = client(request);
                long nanos = System.nanoTime() - started;
                log.atLevel(status >= 500 ? Level.WARN : Level.INFO)
                        .addKeyValue("http.request.method", request.getMethod())
                        .addKeyValue("url.path", request.getRequestURI())
                        .addKeyValue("http.response.status_code", status)
                        .addKeyValue("ledger.problem_type", type)
                        .addKeyValue("ledger.client_id", client)
                        .addKeyValue("event.duration", nanos)
                        .log("{} {} refused: {} {} (client {}, {} ms)", request.getMethod(), request.getRequestURI(), status, type,
                                client, nanos / 1_000_000);
            }
        }
    }

    /** A probe's 503 says the service is not ready yet, which is its answer, not a refusal. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/livez") || request.getRequestURI().equals("/readyz");
    }

    /** The client the verified token names; the security filters have already cleared their thread's context. */
    private static String client(HttpServletRequest request) {
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        return context instanceof SecurityContext security
                ? Caller.of(security.getAuthentication()).map(Caller::clientId).orElse("-")
                : "-";
    }
}
