package io.collectionsledger.ledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMethod;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What Tomcat refuses itself, before any filter or Spring MVC sees the request, is said as a
 * problem detail too, instead of Tomcat's HTML page or an empty body: header fields over the
 * connector's limit (431), a path Tomcat cannot decode, such as one holding an encoded '/', '\'
 * or NUL, or a malformed request line or header (400), TRACE (405, with the methods the path
 * does take in {@code Allow}), and whatever error a response reaches Tomcat with and no body.
 */
final class ProblemReportValve extends ErrorReportValve {

    /** The message Tomcat's HTTP/1.1 parser gives for a request line or header fields over its limit (in its locale). */
    private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final Supplier<ObjectMapper> mapper;
    private final Endpoints endpoints;

    /** @param mapper the REST mapper, looked up when the first error is reported (the server is made before it) */
    ProblemReportValve(Supplier<ObjectMapper> mapper, Endpoints endpoints) {
        this.mapper = mapper;
        this.endpoints = endpoints;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problem(request, response, throwable);
        // named on the request as Problems.of names it for an answer of the application, for what reads the request after
        request.setAttribute(Problems.TYPE_ATTRIBUTE, problem.getType().toString().substring(Problems.TYPE_PREFIX.length()));
        try {
            byte[] body = mapper.get().writeValueAsBytes(problem);
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response is already committed: nothing more to say
        }
    }

    private ProblemDetail problem(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status == HttpStatus.BAD_REQUEST.value() && throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
            return Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
                    "Request Header Fields Too Large", "the request line and header fields are over the " + headerLimit(request)
                            + " bytes the service takes; send a shorter token or fewer headers");
        }
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", "the request cannot be read: its path holds an "
                    + "encoded '/', '\\' or NUL or is not a valid URI, or its request line or a header is malformed");
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            Set<RequestMethod> allowed = endpoints.methodsAt(request);
            if (allowed.isEmpty()) {
                response.getCoyoteResponse().getMimeHeaders().removeHeader(HttpHeaders.ALLOW);
                return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found", "nothing is served at " + request.getRequestURI());
            }
            response.setHeader(HttpHeaders.ALLOW, allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
                    request.getMethod() + " is not allowed on " + request.getRequestURI() + "; Allow names the methods that are");
        }
        if (status == HttpStatus.NOT_FOUND.value()) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found", "nothing is served at " + request.getRequestURI());
        }
        if (status >= 500) {
            return Problems.of(HttpStatusCode.valueOf(status), "internal-error", "Internal error",
                    "the request failed unexpectedly; quote the correlationId when reporting it");
        }
        HttpStatus known = HttpStatus.resolve(status);
        return Problems.of(HttpStatusCode.valueOf(status), "http-" + status, known == null ? "Error" : known.getReasonPhrase(),
                "the server refused the request before reading it");
    }

    private static String headerLimit(Request request) {
        return request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http11
                ? Integer.toString(http11.getMaxHttpRequestHeaderSize()) : "8192";
    }
}
