package io.collectionsledger.ledger.security;

import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.CorrelationIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Writes a read by an auditor or an analyst to the access log once it has been answered. Part of
 * the security filter chain, after the token is verified; deliberately not a bean, which Spring
 * Boot would also register as a servlet filter of its own.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private final AccessLog accessLog;

    AccessLogFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (watched(request)) {
                Caller caller = Caller.current();
                if (caller.roles().stream().anyMatch(AccessLog.WATCHED_ROLES::contains)) {
                    String format = response.getContentType() != null ? response.getContentType() : request.getHeader(HttpHeaders.ACCEPT);
                    accessLog.record(caller, request.getMethod(), request.getRequestURI(), request.getQueryString(), format,
                            response.getStatus(), MDC.get(CorrelationIdFilter.MDC_KEY));
                }
            }
        }
    }

    private static boolean watched(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/actuator")
                && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Jwt;
    }
}
