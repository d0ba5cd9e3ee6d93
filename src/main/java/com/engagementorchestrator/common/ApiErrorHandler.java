package com.engagementorchestrator.common;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every error of the /api endpoints is JSON: a message and, for bad input, every offending field. */
@RestControllerAdvice(basePackages = "com.engagementorchestrator")
public class ApiErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    public record ApiError(int status, String error, String message, List<FieldProblem> fields) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid input: " + e.problems().size() + " field(s) rejected", e.problems());
    }

    /** The engine's word for a user's mistake, such as a submission its form does not offer. */
    @ExceptionHandler({org.camunda.bpm.engine.BadUserRequestException.class,
            org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class})
    ResponseEntity<ApiError> invalid(org.camunda.bpm.engine.ProcessEngineException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        return body(HttpStatus.BAD_REQUEST, "Invalid input: " + problems.size() + " field(s) rejected", problems);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            String why = mapping instanceof InvalidFormatException format
                    ? format.getValue() instanceof String text && text.indexOf('\u0000') >= 0 ? NulFreeJson.NUL_MESSAGE
                    : "malformed value '" + format.getValue() + "', expected " + format.getTargetType().getSimpleName()
                    : "malformed value";
            return body(HttpStatus.BAD_REQUEST, "Invalid input: 1 field(s) rejected", List.of(new FieldProblem(field, why)));
        }
        if (e.getCause() instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field '")) {
            // Strict duplicate detection (application.yaml): which of two values was meant is anyone's guess.
            String field = read.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'$", "");
            return body(HttpStatus.BAD_REQUEST, "Invalid input: 1 field(s) rejected",
                    List.of(new FieldProblem(field, "appears more than once in the request")));
        }
        return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is larger than allowed", List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return body(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    /**
     * The engine wraps what a listener throws: a user's mistake inside is answered like the mistake itself. Any other
     * engine failure is logged and answered without its message (it may quote SQL).
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ApiError> engine(ProcessEngineException e) {
        var refusal = UserErrors.refusal(e);
        if (refusal.isPresent()) {
            return body(HttpStatus.valueOf(refusal.get().status()), refusal.get().message(), refusal.get().fields());
        }
        if (e instanceof AuthorizationException) {
            return body(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
        }
        if (ConcurrentChangeRetryPlugin.isConcurrentChange(e)) {
            return body(HttpStatus.CONFLICT, "Someone else changed the same record at the same time; please try again",
                    List.of());
        }
        LOG.error("Engine failure answered as 500", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed on the server; the error has been logged",
                List.of());
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String message, List<FieldProblem> fields) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, fields));
    }
}
