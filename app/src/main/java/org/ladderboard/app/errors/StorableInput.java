package org.ladderboard.app.errors;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ladderboard.dataset.StorableText;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * The request-wide side of {@link StorableText}: every form field (page forms and the API's multipart fields alike)
 * and every uploaded file's name is checked once, before any handler runs, so no form can reach the database with a
 * NUL character and fail there. Datasets themselves are checked by the validator, with their line and column.
 */
class StorableInput implements HandlerInterceptor {

    /** A form field or file name holds text that cannot be stored; answered with a 400 naming the field. */
    static final class UnstorableInputException extends RuntimeException {
        UnstorableInputException(String message) {
            super(message);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // an error page re-reads the same parameters: the first pass decided
        }
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            check("the name of a field", field.getKey());
            for (String value : field.getValue()) {
                check("the field “" + field.getKey() + "”", value);
            }
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (MultipartFile file : multipart.getFileMap().values()) {
                check("the file name of the upload “" + file.getName() + "”", file.getOriginalFilename());
            }
        }
        return true;
    }

    private static void check(String what, String value) {
        StorableText.check(value).ifPresent(problem -> {
            throw new UnstorableInputException(what + " holds " + problem.describe() + ", which text cannot hold: "
                    + "remove it (it often comes from pasting out of a binary file or a PDF) and send again. Nothing was saved.");
        });
    }
}
