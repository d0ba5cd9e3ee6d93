package com.engagementorchestrator.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are refused with 413 before they are parsed, whether they announce their length or are sent chunked.
 * JSON bodies of our own API are small (64 KB; its uploads are multipart with their own limits). The engine REST API
 * and the API of Camunda's webapps get a small limit too, except where a client submits a task: Tasklist sends files
 * as Base64 inside JSON (a 25 MB upload is about 34 MB), and where analysts deploy models (multipart).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final int MAX_JSON_BODY_BYTES = 64 * 1024;

    /** Task submissions and completions, of the REST API (/engine-rest[/engine/x]) and of Tasklist (/camunda/api/engine/engine/x). */
    private static final Pattern TASK_SUBMISSION = Pattern.compile(
            "/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/[^/]+/(submit-form|complete|resolve)");
    private static final Pattern DEPLOYMENT = Pattern.compile(
            "/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/deployment/create");

    private final ObjectMapper objectMapper;
    private final long engineBodyBytes;
    private final long taskSubmissionBytes;
    private final long deploymentBytes;

    public RequestBodyLimitFilter(ObjectMapper objectMapper,
                                  @Value("${engagement.limits.engine-body:1MB}") DataSize engineBody,
                                  @Value("${engagement.limits.task-submission-body:40MB}") DataSize taskSubmission,
                                  @Value("${engagement.limits.deployment-body:10MB}") DataSize deployment) {
        this.objectMapper = objectMapper;
        this.engineBodyBytes = engineBody.toBytes();
        this.taskSubmissionBytes = taskSubmission.toBytes();
        this.deploymentBytes = deployment.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return limitOf(request) < 0;
    }

    /** The limit of this request's body in bytes, or -1 for none (pages, and our API's multipart uploads). */
    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            String contentType = request.getContentType();
            return contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) ? -1 : MAX_JSON_BODY_BYTES;
        }
        if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            if (TASK_SUBMISSION.matcher(path).matches()) {
                return taskSubmissionBytes;
            }
            return DEPLOYMENT.matcher(path).matches() ? deploymentBytes : engineBodyBytes;
        }
        return -1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            reject(response, limit);
            return;
        }
        if (announced >= 0) {
            // the container reads no more than the announced length
            chain.doFilter(request, response);
            return;
        }
        // Without a length the body is read here, before anyone is authenticated: at most the small limit is held in
        // memory; larger bodies (task submissions, deployments) must announce their length, as browsers always do.
        long buffered = Math.min(limit, engineBodyBytes);
        byte[] body = request.getInputStream().readNBytes((int) buffered + 1);
        if (body.length > buffered) {
            if (buffered < limit) {
                refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length Required",
                        "A request body larger than " + size(buffered) + " needs a Content-Length header");
            } else {
                reject(response, limit);
            }
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void reject(HttpServletResponse response, long limit) throws IOException {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Payload Too Large",
                "The request body is larger than " + size(limit));
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private void refuse(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), new ApiErrorHandler.ApiError(status, error, message, List.of()));
        // the answer goes out now, before the container tries to read (and discard) the body that was announced
        response.flushBuffer();
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
