package io.collectionsledger.ledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectionsledger.contracts.shared.Headers;
import io.collectionsledger.ledger.http.Caller;
import io.collectionsledger.ledger.http.CorrelationIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Writes a read by an auditor or an analyst to the access log, and fails closed: the row is
 * written when the answer is about to leave (its first byte, or its end when it has none), with
 * the status and format it leaves with, and a read whose row cannot be written is answered 503
 * with none of its data. An export streamed in pieces is logged before its first piece. Part of
 * the security filter chain, after the token is verified; deliberately not a bean, which Spring
 * Boot would also register as a servlet filter of its own.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);

    private final AccessLog accessLog;
    private final ObjectMapper mapper;

    AccessLogFilter(AccessLog accessLog, ObjectMapper mapper) {
        this.accessLog = accessLog;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = watched(request);
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        LoggedAnswer answer = new LoggedAnswer(request, response, caller);
        chain.doFilter(request, answer);
        if (!answer.finished()) {
            response.reset();
            response.setHeader(Headers.CORRELATION_ID, MDC.get(CorrelationIdFilter.MDC_KEY));
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            SecurityConfiguration.problem(mapper, response, HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable",
                    "Access log unavailable", "this read could not be written to the access log, so it is not answered; try again later");
        }
    }

    /** The caller whose read is remembered: a verified token with a watched role, reading (GET) anything but the probes. */
    private static Caller watched(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith("/actuator")
                || SecurityContextHolder.getContext().getAuthentication() == null
                || !(SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Jwt)) {
            return null;
        }
        Caller caller = Caller.current();
        return caller.roles().stream().anyMatch(AccessLog.WATCHED_ROLES::contains) ? caller : null;
    }

    /** The answer, held back until its read is logged; once logging failed, everything written to it is dropped. */
    private final class LoggedAnswer extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final Caller caller;
        private boolean logAttempted;
        private boolean unlogged;
        private ServletOutputStream out;
        private PrintWriter writer;

        LoggedAnswer(HttpServletRequest request, HttpServletResponse response, Caller caller) {
            super(response);
            this.request = request;
            this.caller = caller;
        }

        /** Once the handler is done: whatever the writer holds goes out, and an answer without a body is logged now. */
        boolean finished() {
            if (writer != null) {
                writer.flush();
            }
            return logged();
        }

        /** Logs the read, once; true when it is logged and the answer may leave. */
        boolean logged() {
            if (!logAttempted) {
                logAttempted = true;
                String format = getContentType() != null ? getContentType() : request.getHeader(HttpHeaders.ACCEPT);
                try {
                    accessLog.record(caller, request.getMethod(), request.getRequestURI(), request.getQueryString(), format, getStatus(),
                            MDC.get(CorrelationIdFilter.MDC_KEY));
                } catch (RuntimeException e) {
                    log.error("a read by {} could not be written to the access log; it is answered 503", caller.principal(), e);
                    unlogged = true;
                }
            }
            return !unlogged;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream underlying = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (logged()) {
                            underlying.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (length > 0 && logged()) {
                            underlying.write(bytes, offset, length);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (logged()) {
                            underlying.flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return underlying.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        underlying.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (logged()) {
                super.flushBuffer();
            }
        }
    }
}
